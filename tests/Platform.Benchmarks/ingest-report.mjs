// Reads the tagged JSON lines of run-gateway-ingest.sh and prints its tables: medians with [min-max] over the runs,
// and the ratios to @discordjs/ws taken run by run (each ratio's two sides ran back to back on the same build).
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const peer = '@discordjs/ws 2.0.4';
const clients = [
  ['Platform.Discord', 'raw dispatch'], ['Platform.Discord', 'typed Message'], [peer, 'parsed payload'],
  ['bare WebSocket', 'frames counted'],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits) => Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });
const summary = (values, digits = 2) => values.length === 0
  ? 'n/a'
  : `${round(median(values), digits)} [${round(Math.min(...values), digits)}-${round(Math.max(...values), digits)}]`;
const select = (phase, compress, [client, read]) =>
  rows.filter((r) => r.phase === phase && r.compress === compress && r.client === client && r.read === read);
const ratios = (phase, compress, ours, field) => select(phase, compress, ours).flatMap((mine) => {
  const theirs = select(phase, compress, clients[2]).find((r) => r.run === mine.run);
  return theirs ? [mine[field] / theirs[field]] : [];
});

const runs = new Set(rows.map((r) => r.run)).size;
for (const compress of [false, true]) {
  const transport = compress ? 'zlib-stream' : 'plain';
  const fixed = rows.find((r) => r.phase === 'fixed' && r.compress === compress);
  if (fixed) {
    console.log(`\n### ${transport}, at ${round(fixed.targetRate, 0)} events/s, ${round(fixed.events, 0)} events a window, ${runs} runs\n`);
    console.log('| client | events/s | client CPU µs/event | emulator CPU µs/event | bytes allocated/event | peak RSS MiB |');
    console.log('|---|---|---|---|---|---|');
    for (const client of clients.slice(0, 3)) {
      const r = select('fixed', compress, client);
      if (r.length === 0) continue;
      const allocated = r.map((x) => x.bytesAllocatedPerEvent).filter((x) => x !== null);
      console.log(`| ${client.join(', ')} | ${summary(r.map((x) => x.eventsPerSecond), 0)} | ${summary(r.map((x) => x.cpuUsPerEvent))} | `
        + `${summary(r.map((x) => x.emulatorCpuUsPerEvent))} | ${summary(allocated, 1)} | ${summary(r.map((x) => x.peakRssMiB), 1)} |`);
      const behind = r.filter((x) => x.eventsPerSecond < 0.97 * x.targetRate);
      if (behind.length) console.log(`| (${behind.length} of its runs fell behind the rate: its CPU per event is not comparable) |||||`);
    }

    console.log(`\nRatios to ${peer}, run by run: CPU per event, raw dispatch ${summary(ratios('fixed', compress, clients[0], 'cpuUsPerEvent'))} `
      + `(goal ≤ 0.5), typed Message ${summary(ratios('fixed', compress, clients[1], 'cpuUsPerEvent'))}; `
      + `peak RSS ${summary(ratios('fixed', compress, clients[0], 'peakRssMiB'))} (goal ≤ 0.5).`);
  }

  const pinned = clients.map((client) => [client, select('pinned', compress, client).map((x) => x.eventsPerSecond)]);
  const ceiling = median(pinned[3][1]);
  if (pinned.some(([, values]) => values.length)) {
    console.log(`\n### ${transport}, as fast as each reads, emulator on CPU 0 and client on CPU 1\n`);
    console.log('| client | events/s | share of the bare ceiling |');
    console.log('|---|---|---|');
    for (const [client, values] of pinned.filter(([, v]) => v.length)) {
      console.log(`| ${client.join(', ')} | ${summary(values, 0)} | ${round(median(values) / ceiling, 2)} |`);
    }
    console.log(`\nRatio to ${peer}, run by run: events/s, raw dispatch ${summary(ratios('pinned', compress, clients[0], 'eventsPerSecond'))}, `
      + `typed Message ${summary(ratios('pinned', compress, clients[1], 'eventsPerSecond'))}.`);
  }
}
