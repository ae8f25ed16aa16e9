#!/usr/bin/env bash
# The api's LLM usage analytics endpoint, signed in, on the host's Postgres and Redis (started the way
# the AppHost starts them in local mode): requests/s and latency with the report cache and without
# it, in alternating rounds of the same run.
# Usage: run-analytics.sh [seconds-per-round [clients [usage-rows]]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" analytics "${1:-10}" "${2:-16}" "${3:-300000}"
