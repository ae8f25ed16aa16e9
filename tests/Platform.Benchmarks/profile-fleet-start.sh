#!/usr/bin/env bash
# Where a fleet's start spends its CPU: run-fleet.sh's start of 4 bot processes on 64 shards (without the peer), with
# perf sampling the whole machine; the bot processes' samples are then summed by thread and by shared object, the
# runtime writing where its compiled methods are for perf (DOTNET_PerfMapEnabled). Needs perf, as root.
# Usage: profile-fleet-start.sh [guilds [identify-interval-seconds]]
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
guilds="${1:-100000}"
interval="${2:-5}"
command -v perf >/dev/null || { echo "perf is not installed." >&2; exit 1; }
build_all
publish_bot
emulator_nice=-10

start_infrastructure
start_emulator Shards=64 MaxConcurrency=16 "IdentifyIntervalSeconds=$interval" "Guilds=$guilds" GuildSizes=LongTail \
  ReplayCapacity=1000 "ApplicationId=$((1300000000000000001 + guilds))"
profile=$(mktemp -d)
perf record -a -g -F 499 -o "$profile/perf.data" 2>"$profile/perf.log" &
perf_pid=$!
# Compiled code is mapped twice (write, then execute) unless told otherwise, and perf cannot name it there.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" fleet-start \
  "$emulator_url" "$emulator_pid" "$token" "$database" "$redis" "$guilds" 4 "$interval" &
benchmark_pid=$!
# The bots' threads, to keep their samples apart from the emulator's and the databases' (perf reports by thread).
while kill -0 "$benchmark_pid" 2>/dev/null; do
  for bot in $(pgrep -f Platform.Bot.dll); do ls "/proc/$bot/task" 2>/dev/null || true; done >>"$profile/bots"
  sleep 1
done
wait "$benchmark_pid"
kill -INT "$perf_pid"
wait "$perf_pid" || true
# Each sample as "name of thread  process/thread  address (shared object)"; the bots' are summed three ways.
perf script -i "$profile/perf.data" -F pid,tid,comm,ip,dso -G 2>/dev/null >"$profile/samples"
awk '
  NR == FNR { bot[$1] = 1; next }
  {
    split($0, ids, "/"); n = split(ids[1], words, " "); if (!(words[n] in bot)) next
    thread = substr($0, 1, 16); gsub(/^ +| +$/, "", thread)
    object = $NF; gsub(/[()]/, "", object); sub(/.*\//, "", object)
    if (object ~ /^perf-|doublemapper/) object = "JIT-compiled code"
    total++; byThread[thread]++; byObject[object]++; byBoth[thread " | " object]++
  }
  function top(counts, title, lines,   key, sort) {
    print "## The bots\x27 CPU samples by " title
    sort = "sort -rn | head -" lines
    for (key in counts) printf "%6.1f %%  %s\n", 100 * counts[key] / total, key | sort
    close(sort)
  }
  END {
    printf "%d samples of the bots (499 a second on each core)\n", total
    top(byThread, "thread", 8); top(byObject, "shared object", 12); top(byBoth, "thread and shared object", 20)
  }' "$profile/bots" "$profile/samples"
echo "The recording is kept for perf report: $profile/perf.data (the bots' threads in $profile/bots)"
