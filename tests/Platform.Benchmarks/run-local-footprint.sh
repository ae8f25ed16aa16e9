#!/usr/bin/env bash
# The platform in local mode as a developer starts it (`dotnet run` on the built AppHost, with the
# emulators): seconds until the frontend serves a status with the database reachable and the bot
# reports healthy, then, 20 s later, each component's memory (PSS from /proc/<pid>/smaps_rollup,
# summed over its processes, so Postgres' shared buffers count once). Median of the runs.
# The Compose bundle's figures (up to all healthy, `podman stats`) are the deployment test's, in
# .test-results/deployment-figures.txt.
# Usage: run-local-footprint.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-3}"
samples="$(mktemp)"
log="$(mktemp)"
trap 'rm -f "$samples" "$log"' EXIT

if curl -s -o /dev/null localhost:3000; then
  echo "Something already serves port 3000: stop the running platform first." >&2
  exit 1
fi

dotnet build "$root/Platform.AppHost" -v q -nologo >/dev/null

ready() {
  curl -sf localhost:3000/api/platform/status | grep -q '"database":{"reachable":true' \
    && curl -sf localhost:5190/health | grep -q Healthy
}

# One line per process: its component and PSS in kB.
footprint() {
  for status in /proc/[0-9]*/cmdline; do
    pid="${status#/proc/}"; pid="${pid%/cmdline}"
    args="$(tr '\0' ' ' <"$status" 2>/dev/null)" || continue
    case "$args" in
      *Platform.Api*) component=api ;;
      *Platform.Bot*) component=bot ;;
      *Platform.DiscordEmulator*) component=discord-emulator ;;
      *Platform.LlmEmulator*) component=llm-emulator ;;
      *Aspire.Dashboard*) component=dashboard ;;
      *next-server*|*next\ dev*|*next/dist*) component=frontend ;;
      postgres*|*/postgres\ *) component=postgres ;;
      *redis-server*) component=redis ;;
      *Platform.AppHost*|*/dcp\ *|*dcpctrl*|*dcpproc*) component=apphost ;;
      *) continue ;;
    esac
    pss="$(awk '/^Pss:/ { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null)" || continue
    [ -n "$pss" ] && echo "$component $pss"
  done | awk '{ kb[$1] += $2 } END { for (c in kb) print c, kb[c] }'
}

for run in $(seq "$runs"); do
  start=$(date +%s.%N)
  dotnet run --project "$root/Platform.AppHost" --no-build >"$log" 2>&1 &
  apphost=$!
  for _ in $(seq 600); do ready && break; sleep 0.5; done
  ready || { echo "run $run: not ready after 5 minutes; the AppHost's log: $log" >&2; kill -TERM "$apphost"; exit 1; }
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  sleep 20
  echo "ready-seconds $elapsed" >>"$samples"
  footprint | awk '{ printf "%s-MB %.1f\n", $1, $2 / 1024 }' >>"$samples"
  kill -TERM "$apphost"
  wait "$apphost" || true
  printf 'run %s: ready after %.1f s\n' "$run" "$elapsed"
done

echo "median of $runs runs (min-max):"
sort -k1,1 -k2,2n "$samples" | awk '
  { values[$1] = values[$1] " " $2; count[$1]++ }
  END {
    for (name in values) {
      n = split(substr(values[name], 2), v, " ")
      median = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      printf "  %-24s %8.1f  (%s-%s)\n", name, median, v[1], v[n]
    }
  }' | sort
