#!/usr/bin/env bash
# Gateway ingest: Platform.Discord against @discordjs/ws 2.0.4, each on a fresh emulator from the same build, fed the
# same ~700-byte MESSAGE_CREATE stream, plain and zlib-stream. First at a fixed rate both keep up with, for CPU time
# per event (client and emulator, from /proc), memory and bytes allocated; then as fast as each reads, with the
# emulator pinned to CPU 0 and the client to CPU 1, beside a bare WebSocket that only counts frames (the emulator's
# ceiling). Every run is repeated; the report gives medians, ranges and the ratios to the peer.
# @discordjs/ws inflates zlib-stream at about 14,000 events/s on this machine, hence a lower rate for it.
# Usage: run-gateway-ingest.sh [seconds-per-window [plain-rate [zlib-rate [runs]]]]   (defaults 4, 50000, 10000, 3)
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
seconds="${1:-4}"
declare -A rate=([plain]="${2:-50000}" [zlib-stream]="${3:-10000}")
runs="${4:-3}"
# Unpaced windows last seconds too: a shorter one measures the stream's start more than the clients.
declare -A unpaced_events=([plain]=1000000 [zlib-stream]=200000)
build_all
results=$(mktemp)

# client_run phase run client compress rate events [client-cpus]: one client on a fresh emulator; its JSON lines, tagged.
client_run() {
  local phase=$1 run=$2 client=$3 compress=$4 at=$5 events=$6 cpus=${7:-}
  local pin=()
  [[ -n "$cpus" ]] && pin=(taskset -c "$cpus")
  start_emulator Guilds=1 ReplayCapacity=1000
  local command=(node "$here/discordjs-ingest.mjs")
  [[ $client != discordjs ]] && command=(dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" gateway-ingest "$client")
  "${pin[@]}" "${command[@]}" "$emulator_url" "$token" "$events" "$at" "$compress" "$emulator_pid" |
    while IFS= read -r line; do echo "{\"phase\":\"$phase\",\"run\":$run,${line:1}"; done | tee -a "$results"
  stop_emulator
}

for run in $(seq 1 "$runs"); do
  for compress in plain zlib-stream; do
    # Alternating which client goes first keeps a drift of the machine out of the ratios.
    clients=(ours discordjs)
    (( run % 2 == 0 )) && clients=(discordjs ours)
    for client in "${clients[@]}"; do
      client_run fixed "$run" "$client" "$compress" "${rate[$compress]}" $((${rate[$compress]} * seconds))
    done
  done
done

emulator_cpus=0
for run in $(seq 1 "$runs"); do
  for compress in plain zlib-stream; do
    for client in ours discordjs sink; do client_run pinned "$run" "$client" "$compress" max "${unpaced_events[$compress]}" 1; done
  done
done
unset emulator_cpus

node "$here/ingest-report.mjs" "$results"
rm -f "$results"
