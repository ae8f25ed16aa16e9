#!/usr/bin/env bash
# /tag get round trip (emulator creates the interaction → the bot reads one row → callback) at
# sustained 200, 500 and 1,000 interactions/s, against the same command through an HTTP API
# that reads the row (the design the ADR rejected), in the same run. Postgres and Redis are the
# host's, started the way the AppHost starts them in local mode, by a process of their own.
# Usage: run-interaction-roundtrip.sh [seconds-per-rate [rate ...]]
set -euo pipefail
source "$(dirname "$0")/emulator.sh"
seconds="${1:-10}"
shift || true
build_all

# The bot never resumes here; the default resume buffer (200,000 events, 1 KB each) would only keep
# every interaction alive in the emulator and lengthen its garbage collections, which the bot's
# latency would then show.
start_emulator Guilds=1 MembersPerGuild=5 ReplayCapacity=1000
start_infrastructure
# The bot runs on Server GC in production (the default of a web project); hosted in this process, it gets the same.
DOTNET_gcServer=1 dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" interaction-roundtrip "$emulator_url" "$token" "$database" "$redis" "$seconds" "$@"
