#!/usr/bin/env bash
# Prepares a Debian 12 machine: checks the .NET SDK pinned by global.json, restores NuGet packages, and (with --reference)
# installs the Debian packages of the reference implementations (environment/apt-packages.txt).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
want=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$repo/global.json")
if ! command -v dotnet >/dev/null; then
  echo "setup: the .NET SDK $want is required: https://dotnet.microsoft.com/download (or Debian: packages.microsoft.com)"; exit 1
fi
have=$(cd "$repo" && dotnet --version)
echo "setup: .NET SDK $have (global.json pins $want, rollForward latestPatch)"
(cd "$repo" && dotnet restore OrganoidBiomarkers.sln -nologo -v quiet)
if [ "${1:-}" = "--reference" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  grep -v '^#' "$repo/environment/apt-packages.txt" | xargs $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
fi
echo "setup: done"
