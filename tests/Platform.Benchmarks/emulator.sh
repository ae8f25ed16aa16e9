# Sourced by the benchmark scripts: builds what they run, starts emulators on free ports and, where the
# measured process must not host them, Postgres and Redis in a process of their own.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$here/../.."
token=benchmark-bot-token
emulator_pid=""
infrastructure_pid=""

build_all() {
  # Postgres and Redis are host processes here, as in local mode: a fresh machine needs them installed.
  "$repo/scripts/prerequisites.sh" >/dev/null
  dotnet build "$repo/Platform.DiscordEmulator" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  dotnet build "$here" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  if [[ ! -f $here/node_modules/.package-lock.json || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
    npm ci --prefix "$here" --no-audit --no-fund >/dev/null
  fi
}

# publish_bot: the bot as operators deploy it (dotnet publish, which precompiles it: ReadyToRun), for the benchmarks
# that run it as processes of its own; BotFleet starts it from $BENCH_BOT_DIRECTORY.
publish_bot() {
  export BENCH_BOT_DIRECTORY="$here/bin/bot-published"
  dotnet publish "$repo/Platform.Bot" -c Release -o "$BENCH_BOT_DIRECTORY" -nologo -v quiet -clp:ErrorsOnly >/dev/null
}

# start_emulator [Name=value ...]: sets $emulator_url and $emulator_pid; $emulator_cpus, when set, pins it (taskset -c)
# and $emulator_nice, when set, runs it at that niceness
start_emulator() {
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  emulator_url="http://127.0.0.1:$port"
  local args=("--urls=$emulator_url" "--Emulator:BotToken=$token" "--Logging:LogLevel:Default=Warning")
  for setting in "$@"; do args+=("--Emulator:$setting"); done
  local pin=()
  [[ -n "${emulator_cpus:-}" ]] && pin=(taskset -c "$emulator_cpus")
  # $emulator_nice, when set, raises its priority (nice -n): Discord is not starved by the clients it serves.
  [[ -n "${emulator_nice:-}" ]] && pin=(nice -n "$emulator_nice" "${pin[@]}")
  "${pin[@]}" dotnet "$repo/Platform.DiscordEmulator/bin/Release/net10.0/Platform.DiscordEmulator.dll" "${args[@]}" &
  emulator_pid=$!
  for _ in $(seq 1 200); do curl -sf "$emulator_url/health" >/dev/null && return 0; sleep 0.05; done
  echo "The emulator did not start." >&2
  return 1
}

stop_emulator() {
  # A killed process's status is not a failure; under set -e it would end the EXIT trap before the next step.
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null && { wait "$emulator_pid" 2>/dev/null || true; }
  emulator_pid=""
}

# start_infrastructure: runs the test AppHost's Postgres and Redis until stop_infrastructure; sets
# $database (a migrated database's connection string), $redis, and $infrastructure_commands: the pipe a benchmark
# writes a command into (InfrastructureProcess.cs says which).
start_infrastructure() {
  infrastructure_dir=$(mktemp -d)
  infrastructure_commands="$infrastructure_dir/stdin"
  mkfifo "$infrastructure_commands"
  dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" infrastructure "$infrastructure_dir/connections" \
    <"$infrastructure_commands" >"$infrastructure_dir/log" 2>&1 &
  infrastructure_pid=$!
  # Held open until stop_infrastructure: its end is what tells the process to stop the servers.
  exec {infrastructure_stdin}>"$infrastructure_commands"
  until [[ -f "$infrastructure_dir/connections" ]]; do
    if ! kill -0 "$infrastructure_pid" 2>/dev/null; then
      cat "$infrastructure_dir/log" >&2
      echo "Postgres and Redis did not start." >&2
      return 1
    fi
    sleep 0.2
  done
  { IFS= read -r database; IFS= read -r redis; } <"$infrastructure_dir/connections"
}

stop_infrastructure() {
  [[ -n "$infrastructure_pid" ]] || return 0
  exec {infrastructure_stdin}>&-
  wait "$infrastructure_pid" 2>/dev/null || true
  rm -rf "$infrastructure_dir"
  infrastructure_pid=""
}
# The emulator first: it inherited the pipe that tells the infrastructure to stop, which sees no end while it runs.
trap 'stop_emulator; stop_infrastructure' EXIT
