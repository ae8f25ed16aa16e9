#!/usr/bin/env bash
# Start of 16 shards at max_concurrency 1 and 16, against Discord's rule of
# ceil(16 / max_concurrency) identify intervals. Discord's interval is 5 s (the default here);
# a shorter one, applied to both the emulator and the client, gives a quick run.
# Usage: run-shard-start.sh [identify-interval-seconds]
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
interval="${1:-5}"
build_all

for concurrency in 1 16; do
  start_emulator Shards=16 "MaxConcurrency=$concurrency" "IdentifyIntervalSeconds=$interval" Guilds=32
  dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" shard-start "$emulator_url" "$token" "$interval"
  stop_emulator
done
