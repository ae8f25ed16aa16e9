#!/usr/bin/env bash
# /tag get round trip (emulator creates the interaction → the bot reads one row → callback) at
# sustained 200, 500 and 1,000 interactions/s, against the same command through an HTTP API
# that reads the row (the design the ADR rejected), in the same run, and the same bot with its traces and
# metrics off (OTEL_SDK_DISABLED), for telemetry's share of its cost. Then, against the same emulator
# and database, the peer: the same command in discord.js with node-postgres, and a discord.js command
# that answers without reading anything, the floor of this machine's round trip. Postgres and Redis
# are the host's, started the way the AppHost starts them in local mode, by a process of their own.
# Usage: run-interaction-roundtrip.sh [seconds-per-rate [rate ...]]
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
seconds="${1:-10}"
shift || true
rates=("$@")
((${#rates[@]})) || rates=(200 500 1000)
build_all

# The bot never resumes here; the default resume buffer (200,000 events, 1 KB each) would only keep
# every interaction alive in the emulator and lengthen its garbage collections, which the bot's
# latency would then show.
start_emulator Guilds=1 MembersPerGuild=5 ReplayCapacity=1000
start_infrastructure
# The bot runs on Server GC in production (the default of a web project); hosted in this process, it gets the same.
bot_roundtrip() {
  DOTNET_gcServer=1 dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" interaction-roundtrip \
    "$emulator_url" "$token" "$database" "$redis" "$seconds" "${rates[@]}"
}
ours=$(bot_roundtrip)
echo "$ours"
# The same bot without traces and metrics, the direct read alone: telemetry's share of its cost.
quiet=$(OTEL_SDK_DISABLED=true bot_roundtrip)
echo "$quiet"
# The same emulator and database, once the bot has gone: the guild and its tag are still there.
peer=$(node "$here/discordjs-tag-get.mjs" "$emulator_url" "$token" "$database" "$seconds" "${rates[@]}")
echo "$peer"

node -e '
const runs = process.argv[1].split("\n").filter((l) => l.startsWith("{\"Benchmark\"")).map(JSON.parse);
const find = (variant, rate) => runs.find((r) => r.Variant === variant && r.Rate === rate);
for (const rate of [...new Set(runs.map((r) => r.Rate))]) {
  const [ours, quiet, peer, floor] = ["direct-db", "direct-db-telemetry-off", "discordjs-pg", "discordjs-no-read"].map((v) => find(v, rate));
  const share = (on, off) => +(1 - off / on).toFixed(2);
  console.log(JSON.stringify({
    benchmark: "interaction-roundtrip-peer", rate,
    cpuDirectOverPeer: +(ours.BotProcessCpuUsPerInteraction / peer.BotProcessCpuUsPerInteraction).toFixed(2),
    cpuDirectWithoutJitOverPeer: +((ours.BotProcessCpuUsPerInteraction - ours.JitUsPerInteraction) / peer.BotProcessCpuUsPerInteraction).toFixed(2),
    cpuDirectOverFloor: +(ours.BotProcessCpuUsPerInteraction / floor.BotProcessCpuUsPerInteraction).toFixed(2),
    kernelShareOfCpu: [ours, peer, floor].map((r) => +(r.BotProcessKernelCpuUsPerInteraction / r.BotProcessCpuUsPerInteraction).toFixed(2)),
    p50DirectOverFloor: +(ours.P50Ms / floor.P50Ms).toFixed(2), p99DirectOverFloor: +(ours.P99Ms / floor.P99Ms).toFixed(2),
    p50PeerOverDirect: +(peer.P50Ms / ours.P50Ms).toFixed(2), p99PeerOverDirect: +(peer.P99Ms / ours.P99Ms).toFixed(2),
    telemetryCpuShare: share(ours.BotProcessCpuUsPerInteraction, quiet.BotProcessCpuUsPerInteraction),
    telemetryAllocationShare: share(ours.AllocatedKbPerInteraction, quiet.AllocatedKbPerInteraction),
  }));
}' "$ours
$quiet
$peer"
