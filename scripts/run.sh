#!/usr/bin/env bash
# Installs what is missing, then starts the whole platform under the Aspire AppHost.
# Open the dashboard URL it prints. Stop with Ctrl+C.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/prerequisites.sh"

cd "$repo"
exec dotnet run --project Platform.AppHost --launch-profile http --no-build "$@"
