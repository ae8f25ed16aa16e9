#!/usr/bin/env bash
# Builds a local stand-in for every public image the Compose bundle and the Dockerfiles name, tagged with
# that exact name, so the bundle runs unmodified where public registries cannot be reached (README.md).
# Each image is labelled with a hash of what it is made from; an image whose label matches is kept.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="${XDG_CACHE_HOME:-$HOME/.cache}/platform-stand-ins"
mkdir -p "$work"

label() { podman image inspect --format '{{index .Labels "platform.stand-in"}}' "$1" 2>/dev/null || true; }
digest() { sha256sum | cut -c1-16; }

# build NAME CONTAINERFILE CONTEXT IDENTITY [FILES...]: IDENTITY says what the context holds without reading it all.
build() {
  local name="$1" containerfile="$2" context="$3" identity="$4"; shift 4
  local hash parent
  parent="$(sed -n 's/^FROM \([^ ]*\).*/\1/p; s/.*--from=\([^ ]*\).*/\1/p' "$here/$containerfile" | sort -u | while read -r image; do label "$image"; done)"
  hash="$( { cat "$here/$containerfile"; for f in "$@"; do cat "$here/$f"; done; echo "$identity" "$parent"; } | digest)"
  if [[ "$(label "$name")" == "$hash" ]]; then
    echo "stand-in $name is current ($hash)"
    return
  fi
  echo "building stand-in $name ($hash)"
  local started=$SECONDS
  podman build --quiet --label "platform.stand-in=$hash" --tag "$name" --file "$here/$containerfile" "$context" > /dev/null
  echo "built $name in $((SECONDS - started)) s"
}

minbase=localhost/platform-stand-in/debian-minbase:bookworm
minbase_hash="$(echo "mmdebstrap minbase bookworm" | digest)"
if [[ "$(label "$minbase")" != "$minbase_hash" ]]; then
  echo "building $minbase with mmdebstrap"
  mmdebstrap --quiet --variant=minbase bookworm "$work/bookworm.tar"
  podman import --quiet --change "LABEL platform.stand-in=$minbase_hash" "$work/bookworm.tar" "$minbase" > /dev/null
  rm -f "$work/bookworm.tar"
fi

authorities="$work/authorities"
rm -rf "$authorities" && mkdir -p "$authorities/ca-certificates"
find /usr/local/share/ca-certificates -maxdepth 1 -name '*.crt' -exec cp {} "$authorities/ca-certificates/" \;
build localhost/platform-stand-in/debian:bookworm debian.Containerfile "$authorities" "$(cat "$authorities"/ca-certificates/* 2>/dev/null | digest)"

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
build mcr.microsoft.com/dotnet/sdk:10.0 dotnet-sdk.Containerfile "$dotnet_root" "$(dotnet --version) $(ls "$dotnet_root/shared"/*)"
build mcr.microsoft.com/dotnet/aspnet:10.0 aspnet.Containerfile "$here" ""

node_context="$work/node"
rm -rf "$node_context" && mkdir -p "$node_context"
cp "$(readlink -f "$(command -v node)")" "$node_context/node"
cp -r "$(dirname "$(readlink -f "$(command -v npm)")")/.." "$node_context/npm"
build docker.io/library/node:20-bookworm-slim node.Containerfile "$node_context" "$(node --version) $(npm --version)"

build docker.io/library/postgres:18.3 postgres.Containerfile "$here" "" postgres-entrypoint.sh
build docker.io/library/redis:8.6 redis.Containerfile "$here" "" redis-entrypoint.sh

packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
dashboard="$(ls -d "$packages"/aspire.dashboard.sdk.linux-x64/13.6.* | sort -V | tail -n 1)"
build mcr.microsoft.com/dotnet/aspire-dashboard:13.6 dashboard.Containerfile "$dashboard/tools" "$(basename "$dashboard")"
