// The peer: @discordjs/ws 2.0.4 ingesting the same MESSAGE_CREATE stream from the same emulator, measured the way
// IngestRun measures ours: CPU time of this process and of the emulator from /proc, per event, over one window.
// Usage: node discordjs-ingest.mjs <emulator-url> <token> <events> <rate|max> <zlib-stream|plain> <emulator-pid>
import { readFileSync } from 'node:fs';
import { REST } from '@discordjs/rest';
import { CompressionMethod, WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import { GatewayIntentBits, Routes } from 'discord-api-types/v10';

const [emulator, token, eventsArg, rateArg, compressArg, emulatorPid] = process.argv.slice(2);
const events = Number(eventsArg);
const rate = rateArg === 'max' ? null : Number(rateArg);
const compress = compressArg === 'zlib-stream';
// V8 tiers up under load too: five spells, about as many as ours needs to settle.
const warmUp = 20_000;
const warmUpSpells = 5;
const contentLength = 380;

// utime + stime in USER_HZ (100 a second), after the command name, which may hold spaces.
const cpuSeconds = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const statusMiB = (field) => {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(field));
  return Math.round(Number(line.slice(field.length).trim().split(' ')[0]) / 1024 * 10) / 10;
};
const perEvent = (before, after) => Math.round((after - before) * 1e6 / events * 100) / 100;

const rest = new REST({ api: `${emulator}/api`, version: '10' }).setToken(token);
const manager = new WebSocketManager({
  token, intents: GatewayIntentBits.Guilds, rest, fetchGatewayInformation: () => rest.get(Routes.gatewayBot()),
  compression: compress ? CompressionMethod.ZlibNative : null,
});

let count = 0;
let waiting = null;
manager.on(WebSocketShardEvents.Dispatch, (event) => {
  const data = event.data ?? event;
  if (data.t === 'READY' || (data.t === 'MESSAGE_CREATE' && ++count === waiting?.count)) waiting?.resolve();
});
const until = (n) => new Promise((resolve) => { count = 0; waiting = { count: n, resolve }; });
const stream = async (n) => {
  const response = await fetch(`${emulator}/control/stream`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count: n, content_length: contentLength, reuse_payload: true, rate }),
  });
  if (!response.ok) throw new Error(`The emulator refused the stream: ${response.status} ${await response.text()}`);
};

const ready = new Promise((resolve) => { waiting = { count: -1, resolve }; });
await manager.connect();
await ready;
for (let spell = 0; spell < warmUpSpells; spell++) await Promise.all([until(warmUp), stream(warmUp)]);

const self = cpuSeconds(process.pid);
const emulatorCpu = cpuSeconds(emulatorPid);
const started = process.hrtime.bigint();
const done = until(events);
const streaming = stream(events);
await done;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const selfAfter = cpuSeconds(process.pid);
const emulatorAfter = cpuSeconds(emulatorPid);
await streaming;
console.log(JSON.stringify({
  client: '@discordjs/ws 2.0.4', read: 'parsed payload', compress, targetRate: rate, events,
  seconds: Math.round(seconds * 1000) / 1000, eventsPerSecond: Math.round(events / seconds),
  cpuUsPerEvent: perEvent(self, selfAfter), emulatorCpuUsPerEvent: perEvent(emulatorCpu, emulatorAfter),
  bytesAllocatedPerEvent: null, rssMiB: statusMiB('VmRSS:'), peakRssMiB: statusMiB('VmHWM:'),
}));
await manager.destroy();
process.exit(0);
