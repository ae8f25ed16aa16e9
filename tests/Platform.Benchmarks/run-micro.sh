#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks of the hot paths, with bytes allocated per operation: a regression in time or bytes
# per event shows here without the emulator. In-process, so that nothing is generated or built beside the project.
# Usage: run-micro.sh [filter]   (default: every micro-benchmark; e.g. '*GatewayFrames*')
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
cd "$here"
dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" micro --filter "${1:-*}" --inProcess
