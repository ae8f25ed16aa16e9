// The peer: @discordjs/ws 2.0.4 ingesting the same MESSAGE_CREATE stream from the same emulator.
import { REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import { GatewayIntentBits, Routes } from 'discord-api-types/v10';

const [emulator, token, eventsArg] = process.argv.slice(2);
const events = Number(eventsArg);
const warmUp = 20_000;
const contentLength = 380;

const rest = new REST({ api: `${emulator}/api`, version: '10' }).setToken(token);
const manager = new WebSocketManager({
  token, intents: GatewayIntentBits.Guilds, rest, fetchGatewayInformation: () => rest.get(Routes.gatewayBot()),
});

let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
let count = 0;
let waiting = null;
manager.on(WebSocketShardEvents.Dispatch, (event) => {
  const data = event.data ?? event;
  if (data.t === 'READY' || (data.t === 'MESSAGE_CREATE' && ++count === waiting?.count)) waiting?.resolve();
});
const until = (n) => new Promise((resolve) => { count = 0; waiting = { count: n, resolve }; });
const stream = (n) => fetch(`${emulator}/control/stream`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ count: n, content_length: contentLength, reuse_payload: true }),
});

const ready = new Promise((resolve) => { waiting = { count: -1, resolve }; });
await manager.connect();
await ready;
await Promise.all([until(warmUp), stream(warmUp)]);

const started = process.hrtime.bigint();
const done = until(events);
const streaming = stream(events);
await done;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await streaming;
clearInterval(sampler);
console.log(JSON.stringify({
  client: '@discordjs/ws 2.0.4', events, seconds: Math.round(seconds * 1000) / 1000,
  eventsPerSecond: Math.round(events / seconds), peakRssMiB: Math.round(peakRss / 1048576 * 10) / 10,
}));
await manager.destroy();
process.exit(0);
