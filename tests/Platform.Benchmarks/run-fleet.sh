#!/usr/bin/env bash
# A fleet at scale: 4 bot processes share 64 shards (max_concurrency 16) through Redis, against an emulator
# seeded with a long tail of guilds (GuildSizes=LongTail), at 25,000, 50,000 and 100,000 guilds. Each run
# starts the fleet on a fresh database and reports the time to every shard ready against Discord's rule,
# the processes' peak and settled RSS, and how long the guilds table took to fill and with how many
# transactions. The identify interval is compressed (both the emulator and the bots), as 4 processes and
# the emulator share this machine's 2 cores; Discord's 5 s only lengthens the start by a known amount.
# Usage: run-fleet.sh [identify-interval-seconds [guilds ...]]
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
interval="${1:-0.5}"
shift || true
sizes=("$@")
((${#sizes[@]})) || sizes=(25000 50000 100000)
build_all
publish_bot
# Five processes (and Postgres) on 2 cores saturate them during a start: at normal priority the emulator read IDENTIFYs
# late enough that it timed them closer together than they were sent, and refused some (up to 16 of 64), which Discord,
# on machines of its own, would not have. It runs ahead of the bots instead.
emulator_nice=-10

start_infrastructure
results=()
for guilds in "${sizes[@]}"; do
  # A new application id each run: its shard leases and status in Redis start empty. Nothing resumes here;
  # the default resume buffer would only hold every GUILD_CREATE in the emulator.
  start_emulator Shards=64 MaxConcurrency=16 "IdentifyIntervalSeconds=$interval" "Guilds=$guilds" GuildSizes=LongTail \
    ReplayCapacity=1000 "ApplicationId=$((1100000000000000001 + guilds))"
  ours=$(dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" fleet-start "$emulator_url" "$emulator_pid" "$token" "$database" "$redis" "$guilds" 4 "$interval")
  echo "$ours"
  stop_emulator
  # The peer on an emulator of its own with the same world, so that neither start sees the other's sessions.
  start_emulator Shards=64 MaxConcurrency=16 "IdentifyIntervalSeconds=$interval" "Guilds=$guilds" GuildSizes=LongTail ReplayCapacity=1000
  peer=$(node "$here/discordjs-fleet.mjs" "$emulator_url" "$token" "$guilds" 15)
  echo "$peer"
  stop_emulator
  results+=("$ours" "$peer")
done

# Memory and start CPU per 1,000 guilds: the growth between the smallest and the largest world, so each runtime's
# fixed cost (its start-up, its JIT) cancels.
node -e '
const runs = process.argv.slice(1).map(JSON.parse);
const slope = (name, field) => {
  const series = runs.filter((r) => r.benchmark === name).sort((a, b) => a.guilds - b.guilds);
  const [first, last] = [series[0], series.at(-1)];
  return last.guilds === first.guilds ? null : +((last[field] - first[field]) / ((last.guilds - first.guilds) / 1000)).toFixed(2);
};
const ours = slope("fleet-start", "totalSettledRssMiB"), peer = slope("fleet-start-peer", "totalSettledRssMiB");
console.log(JSON.stringify({
  benchmark: "fleet-start-memory", settledMiBPer1000Guilds: { ours, peer }, oursOverPeer: ours && peer ? +(ours / peer).toFixed(2) : null,
  peakMiBPer1000Guilds: { ours: slope("fleet-start", "totalPeakRssMiB"), peer: slope("fleet-start-peer", "totalPeakRssMiB") },
  startCpuSecondsPer1000Guilds: { ours: slope("fleet-start", "totalCpuSeconds"), peer: slope("fleet-start-peer", "totalCpuSeconds") },
}));' "${results[@]}"
