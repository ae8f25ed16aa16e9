#!/usr/bin/env bash
# A fleet serving members, broken and healed (FleetHeal.cs): 4 bot processes on 64 shards of a long-tail world,
# started with Postgres stopped for 5 s once a tenth of the guilds have arrived (StartStormOutage.cs). The api's shard
# list beside it; 60,000 interactions drawn over every guild by a Zipf law at <sustained-rate> a second
# (the module-state cache's hit rate and memory); then, under <heal-rate> a second, one process SIGKILLed (time until
# every guild is served again, and how each interaction fared); the process back (its shards handed back); a fifth
# process as a spare, and what it does when the process of its index is killed; last, <peak-rate> a second for 30 s
# (what this machine answers, and what each interaction costs). The identify interval of the start is Discord's 5 s
# unless given; the moves themselves are RESUMEs, which Discord does not pace.
# Usage: run-fleet-heal.sh [guilds [peak-rate [sustained-rate [heal-rate [identify-interval-seconds]]]]]
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
guilds="${1:-100000}"
peak_rate="${2:-1000}"
sustained_rate="${3:-250}"
heal_rate="${4:-100}"
interval="${5:-5}"
build_all
publish_bot
# As in run-fleet.sh: on 2 shared cores the emulator runs ahead of the bots, as Discord is not starved by its clients.
emulator_nice=-10

start_infrastructure
start_emulator Shards=64 MaxConcurrency=16 "IdentifyIntervalSeconds=$interval" "Guilds=$guilds" GuildSizes=LongTail ReplayCapacity=1000 \
  "ApplicationId=$((1200000000000000001 + guilds))"
dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" fleet-heal "$emulator_url" "$emulator_pid" "$token" "$database" "$redis" \
  "$guilds" 4 "$interval" "$infrastructure_commands" "$peak_rate" "$sustained_rate" "$heal_rate"
