#!/usr/bin/env bash
# LLM usage storage on the host's Postgres (started the way the AppHost starts it in local mode):
# sustained ingest through the bot's batch writer against a raw COPY of the same rows, in the same
# run; then a guild's 30-day summary over the summary's row count, from the daily rollups and from
# the raw table.
# Usage: run-llm-usage.sh [ingest-rows [summary-rows]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" llm-usage "${1:-1000000}" "${2:-10000000}"
