// The peer of a fleet's memory: a discord.js 14 Client with its default caches and the bot's intents, every shard
// in one process (discord.js' own sharding), against the same emulator's guilds. It prints its peak and settled RSS
// once every guild is cached.
import { Client, GatewayIntentBits } from 'discord.js';

const [emulator, token, guildsArg, settleSecondsArg] = process.argv.slice(2);
const guilds = Number(guildsArg);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessages],
  rest: { api: `${emulator}/api` },
  shards: 'auto',
});
const started = performance.now();
await client.login(token);
while (client.guilds.cache.size < guilds) {
  if (performance.now() - started > 600_000) throw new Error(`${client.guilds.cache.size} of ${guilds} guilds after 10 minutes`);
  await sleep(100);
}
const cachedSeconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
await sleep(Number(settleSecondsArg) * 1000);
const mib = (bytes) => +(bytes / 2 ** 20).toFixed(1);
console.log(JSON.stringify({
  benchmark: 'fleet-start-peer',
  guilds,
  shards: client.options.shardCount,
  processes: 1,
  guildsCachedSeconds: +cachedSeconds.toFixed(2),
  totalCpuSeconds: +((user + system) / 1e6).toFixed(2),
  // maxRSS is in kilobytes.
  totalPeakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
  totalSettledRssMiB: mib(process.memoryUsage().rss),
  heapUsedMiB: mib(process.memoryUsage().heapUsed),
}));
await client.destroy();
process.exit(0);
