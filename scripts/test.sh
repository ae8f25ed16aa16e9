#!/usr/bin/env bash
# Installs what is missing, then runs every test suite (.NET and frontend) and ends with one
# line: "N passed, N failed, N skipped" over all of them. Exits non-zero if any test failed
# or any suite could not run.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$repo/scripts/prerequisites.sh" --for-tests || exit 1

cd "$repo"
results="$repo/.test-results"
rm -rf "$results" && mkdir -p "$results"
status=0

for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  printf '\033[1m==> %s\033[0m\n' "$name"
  dotnet test "$project" --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=1
  [[ -f "$results/$name.trx" ]] || { echo "$name produced no results" >&2; echo "$name" >> "$results/crashed"; }
done

printf '\033[1m==> frontend (vitest)\033[0m\n'
(cd frontend && npx vitest run --reporter=default --reporter=json --outputFile="$results/frontend.vitest.json") || status=1
[[ -f "$results/frontend.vitest.json" ]] || echo "frontend" >> "$results/crashed"

printf '\033[1m==> discord.js against the emulator\033[0m\n'
(cd tests/discordjs-compat && node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/discordjs-compat.tap") || status=1
[[ -s "$results/discordjs-compat.tap" ]] || echo "discordjs-compat" >> "$results/crashed"

node "$repo/scripts/summarize-tests.mjs" "$results" || status=1
exit $status
