// discord.js, @discordjs/ws and @discordjs/rest, unmodified, against the emulator.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { REST } from '@discordjs/rest';
import { CompressionMethod, WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import { Client, Events, GatewayIntentBits, Routes } from 'discord.js';
import { startEmulator, token, waitFor } from './emulator.mjs';

let emulator;
before(async () => { emulator = await startEmulator({ Guilds: 3, HeartbeatIntervalMs: 400 }); });
after(async () => { await emulator.stop(); });

function restClient() {
  return new REST({ api: emulator.api, version: '10' }).setToken(token);
}

// @discordjs/ws keeps resume state process-wide by shard id unless each manager has its own store.
function gateway(options = {}) {
  const rest = restClient();
  let session = null;
  const received = [];
  const manager = new WebSocketManager({
    token,
    intents: GatewayIntentBits.Guilds,
    rest,
    fetchGatewayInformation: () => rest.get(Routes.gatewayBot()),
    retrieveSessionInfo: () => session,
    updateSessionInfo: (_shardId, info) => { session = info; },
    ...options,
  });
  manager.on(WebSocketShardEvents.Dispatch, (event) => received.push(event.data ?? event));
  return { manager, received };
}

test('@discordjs/rest reads /gateway/bot, whose url carries no query string', async () => {
  const info = await restClient().get(Routes.gatewayBot());

  assert.match(info.url, /^ws:\/\//);
  assert.ok(!info.url.includes('?'));
  assert.equal(info.session_start_limit.max_concurrency, 1);
});

test('@discordjs/ws identifies, gets READY and every GUILD_CREATE, and resumes after op 7', async () => {
  const { manager, received } = gateway();
  try {
    await manager.connect();
    await waitFor(() => received.filter((e) => e.t === 'GUILD_CREATE').length === 3, 'three GUILD_CREATEs');

    await emulator.post('/faults', { kind: 'reconnect' });
    await waitFor(() => received.some((e) => e.t === 'RESUMED'), 'RESUMED');

    assert.deepEqual(received.map((e) => e.s), received.map((_, i) => i + 1));
  } finally {
    await manager.destroy();
  }
});

test('@discordjs/ws decodes zlib-stream compression and resumes a zombie connection', async () => {
  const { manager, received } = gateway({ compression: CompressionMethod.ZlibNative });
  try {
    await manager.connect();
    await waitFor(() => received.some((e) => e.t === 'READY'), 'READY over zlib-stream');

    await emulator.post('/faults', { kind: 'stop-acks' });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await emulator.post('/faults', { kind: 'stop-acks', on: false });
    await waitFor(() => received.some((e) => e.t === 'RESUMED'), 'a resume after the missed heartbeat ACK');
  } finally {
    await manager.destroy();
  }
});

test('@discordjs/rest waits out a 429 from its Retry-After header', async () => {
  await emulator.post('/rest/storm', { route_prefix: 'GET /api/v10/users', seconds: 1 });
  const started = Date.now();

  const me = await restClient().get(Routes.user('@me'));

  assert.equal(me.bot, true);
  assert.ok(Date.now() - started >= 900, `answered after ${Date.now() - started} ms`);
});

test('a discord.js Client logs in and replies to a slash command', async () => {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emulator.api } });
  client.on(Events.InteractionCreate, (interaction) => interaction.reply(`pong from ${interaction.commandName}`));
  try {
    await client.login(token);
    await waitFor(() => client.isReady() && client.guilds.cache.size > 0, 'the client to be ready');
    const guild = client.guilds.cache.first();

    const transcript = await emulator.post('/interactions', { guild_id: guild.id, user_id: guild.ownerId, name: 'ping' });

    assert.ok(!transcript.error, transcript.error);
    assert.equal(transcript.callback.type, 4);
    assert.equal(transcript.original.content, 'pong from ping');
  } finally {
    await client.destroy();
  }
});
