# Sourced by the benchmark scripts: builds what they run and starts emulators on free ports.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$here/../.."
token=benchmark-bot-token
emulator_pid=""

build_all() {
  dotnet build "$repo/Platform.DiscordEmulator" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  dotnet build "$here" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  [[ -f "$here/node_modules/.package-lock.json" ]] || npm ci --prefix "$here" --no-audit --no-fund >/dev/null
}

# start_emulator [Name=value ...]: sets $emulator_url
start_emulator() {
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  emulator_url="http://127.0.0.1:$port"
  local args=("--urls=$emulator_url" "--Emulator:BotToken=$token" "--Logging:LogLevel:Default=Warning")
  for setting in "$@"; do args+=("--Emulator:$setting"); done
  dotnet "$repo/Platform.DiscordEmulator/bin/Release/net10.0/Platform.DiscordEmulator.dll" "${args[@]}" &
  emulator_pid=$!
  for _ in $(seq 1 200); do curl -sf "$emulator_url/health" >/dev/null && return 0; sleep 0.05; done
  echo "The emulator did not start." >&2
  return 1
}

stop_emulator() {
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
  emulator_pid=""
}
trap stop_emulator EXIT
