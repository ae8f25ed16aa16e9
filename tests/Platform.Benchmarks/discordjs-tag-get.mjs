// The peer: /tag get written the way a discord.js bot would be (@discordjs/ws and @discordjs/rest 2.x,
// node-postgres with a prepared statement), answering the same emulator's load that the bot answered.
// A second command answers at once, with no read: the floor of a gateway-to-callback round trip on this
// machine, whatever the bot is written in.
import { REST } from '@discordjs/rest';
import { CompressionMethod, WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import { GatewayIntentBits, Routes } from 'discord-api-types/v10';
import pg from 'pg';

const [emulator, token, database, secondsArg, ...ratesArg] = process.argv.slice(2);
const seconds = Number(secondsArg);
const rates = ratesArg.map(Number);

// Npgsql's "Host=...;Port=...;Username=..." into node-postgres' options.
const settings = Object.fromEntries(database.split(';').filter(Boolean).map((pair) => {
  const at = pair.indexOf('=');
  return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1)];
}));
const pool = new pg.Pool({
  host: settings.host, port: Number(settings.port), user: settings.username, password: settings.password,
  // As many connections as the bot's pool, kept open once made: a new one costs a SCRAM handshake.
  database: settings.database, max: 30, idleTimeoutMillis: 0,
});

const rest = new REST({ api: `${emulator}/api`, version: '10' }).setToken(token);
// zlib-stream, as the bot uses: the emulator's deflating of each event is the same for both.
const manager = new WebSocketManager({
  token, intents: GatewayIntentBits.Guilds, rest, compression: CompressionMethod.ZlibNative,
  fetchGatewayInformation: () => rest.get(Routes.gatewayBot()),
});

const answer = (interaction, content, ephemeral) => rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
  auth: false, body: { type: 4, data: { content, allowed_mentions: { parse: [] }, flags: ephemeral ? 64 : undefined } },
});

async function tagGet(interaction) {
  const name = interaction.data.options[0].options[0].value.trim().toLowerCase();
  const { rows } = await pool.query({
    name: 'tag-get', text: 'SELECT content FROM tags.tags WHERE guild_id = $1 AND name = $2 LIMIT 1',
    values: [interaction.guild_id, name],
  });
  await (rows.length === 0 ? answer(interaction, `There is no tag \`${name}\` here.`, true) : answer(interaction, rows[0].content, false));
}

let onReady;
const ready = new Promise((resolve) => { onReady = resolve; });
manager.on(WebSocketShardEvents.Dispatch, (event) => {
  const { t, d } = event.data ?? event;
  if (t === 'READY') onReady();
  if (t !== 'INTERACTION_CREATE') return;
  (d.data.name === 'tag' ? tagGet(d) : answer(d, 'Be kind.', false)).catch((error) => console.error(error));
});
await manager.connect();
await ready;

const control = async (path, body) => {
  const response = await fetch(`${emulator}/control${path}`, body && {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
const [guild] = await control('/guilds');
const invocation = (name) => ({
  guild_id: guild.id, user_id: guild.owner_id, name,
  options: [{ name: 'get', type: 1, options: [{ name: 'name', type: 3, value: 'rules' }] }],
});
const load = (name, rate, duration, leadIn = 0) =>
  control('/interactions/load', { interaction: invocation(name), rate, seconds: duration, lead_in_seconds: leadIn });

for (const rate of rates) {
  for (const [name, variant] of [['tag', 'discordjs-pg'], ['ping', 'discordjs-no-read']]) {
    // V8 optimises within a few thousand calls; three spells at the rate are ample.
    for (let spell = 0; spell < 3; spell++) await load(name, rate, 3);
    const cpu = process.cpuUsage();
    const result = await load(name, rate, seconds, 1);
    const used = process.cpuUsage(cpu);
    // The 1 s lead-in burns CPU too, and the emulator counts it in its own figure.
    const sent = result.sent + rate;
    console.log(JSON.stringify({
      Benchmark: 'interaction-roundtrip', Variant: variant, Rate: rate, Seconds: seconds, Sent: result.sent,
      Unanswered: result.sent - result.answered, P50Ms: result.p50_ms, P99Ms: result.p99_ms, MaxMs: result.max_ms,
      BotProcessCpuUsPerInteraction: Math.round((used.user + used.system) / sent),
      BotProcessKernelCpuUsPerInteraction: Math.round(used.system / sent),
      EmulatorCpuUsPerInteraction: result.cpu_us_per_interaction,
    }));
  }
}

await manager.destroy();
await pool.end();
process.exit(0);
