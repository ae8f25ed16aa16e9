#!/usr/bin/env bash
# Installs what the platform needs and is missing; safe to run any number of times.
# Usage: scripts/prerequisites.sh [--for-tests]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for_tests=false
[[ "${1:-}" == "--for-tests" ]] && for_tests=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
# Package feeds drop a request now and then; a network step gets three tries.
retry() { "$@" || { sleep 5; "$@"; } || { sleep 15; "$@"; }; }

# Debian packages: Postgres and Redis run as host processes when no container runtime works;
# Chromium drives the UI tests (Playwright's own browser download cannot run here); Podman,
# docker-compose and mmdebstrap run the deployment test (tests/Platform.Deployment.Tests). Podman's
# network backend is netavark with aardvark-dns: with CNI, the fallback when they are missing (Podman
# only recommends them), containers on an internal network cannot find each other by name; netavark
# sets up each network's firewall rules with iptables, which nothing else asks for ("netavark: No such
# file or directory" when a build step needs a network on a machine without it).
packages=(postgresql redis-server)
$for_tests && packages+=(chromium podman runc uidmap slirp4netns fuse-overlayfs netavark aardvark-dns iptables mmdebstrap docker-compose)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  say "Installing ${missing[*]}"
  retry as_root apt-get update -qq
  retry as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if $for_tests; then
  # Podman as it works on a host without systemd and with hybrid cgroups: runc (crun refuses them),
  # cgroupfs, no rlimits set on containers (setting RLIMIT_NOFILE is not permitted here), and netavark.
  containers_conf=/etc/containers/containers.conf.d/platform.conf
  wanted=$'[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\nruntime = "runc"\n[network]\nnetwork_backend = "netavark"'
  if [[ "$(cat "$containers_conf" 2>/dev/null)" != "$wanted" ]]; then
    say "Configuring Podman ($containers_conf)"
    as_root mkdir -p "$(dirname "$containers_conf")"
    printf '%s\n' "$wanted" | as_root tee "$containers_conf" >/dev/null
  fi
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net/download" >&2; exit 1; }
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if ((node_major < 20)); then
  echo "Node.js 20.9 or newer is required for the frontend (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPIRE_CLI_TELEMETRY_OPTOUT=1 NEXT_TELEMETRY_DISABLED=1

say "Restoring .NET tools (Aspire CLI, dotnet-ef)"
retry dotnet tool restore >/dev/null

npm_packages=(frontend)
$for_tests && npm_packages+=(tests/discordjs-compat)
for dir in "${npm_packages[@]}"; do
  if [[ ! -f $dir/node_modules/.package-lock.json || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    say "Installing npm packages in $dir"
    retry npm ci --prefix "$dir" --no-audit --no-fund
  fi
done

# Running needs the AppHost and what it references; the tests need the whole solution.
target=Platform.AppHost/Platform.AppHost.csproj
$for_tests && target=Platform.sln
say "Building $target"
retry dotnet restore "$target" -v quiet >/dev/null
dotnet build "$target" --no-restore -nologo -v quiet -clp:ErrorsOnly

# The deployment test and containers mode run the public images' local stand-ins (no registry is reachable
# here); built once per machine, then reused while their inputs are unchanged (tests/StandInImages/README.md).
if $for_tests; then
  say "Building the stand-in images (cached)"
  retry tests/StandInImages/build.sh
fi
