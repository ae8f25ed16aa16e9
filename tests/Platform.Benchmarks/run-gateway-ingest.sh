#!/usr/bin/env bash
# Gateway ingest: Platform.Discord against @discordjs/ws 2.0.4, each on a fresh emulator from the
# same build, fed the same ~700-byte MESSAGE_CREATE stream. Prints both results and the ratios.
# Usage: run-gateway-ingest.sh [events]   (default 300000)
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
events="${1:-300000}"
build_all

start_emulator Guilds=1 ReplayCapacity=1000
ours=$(dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" gateway-ingest "$emulator_url" "$token" "$events")
stop_emulator

start_emulator Guilds=1 ReplayCapacity=1000
peer=$(node "$here/discordjs-ingest.mjs" "$emulator_url" "$token" "$events")
stop_emulator

echo "$ours"
echo "$peer"
node -e '
const [raw, typed, peer] = process.argv[1].trim().split("\n").concat(process.argv[2]).map(JSON.parse);
console.log(`events/s, typed Message: ${(typed.eventsPerSecond / peer.eventsPerSecond).toFixed(2)}x @discordjs/ws (goal: 2x)`);
console.log(`events/s, raw dispatch:  ${(raw.eventsPerSecond / peer.eventsPerSecond).toFixed(2)}x @discordjs/ws`);
console.log(`peak memory:             ${(typed.peakRssMiB / peer.peakRssMiB).toFixed(2)}x @discordjs/ws (goal: 0.5x)`);
' "$ours" "$peer"
