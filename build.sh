#!/usr/bin/env bash
# The main job: install what the machine lacks (prerequisites/install.sh), pack Xai.Sdk into ./feed
# (version from global.json), publish the PowerShell module into bin/ (where Xai.psd1 loads it) and
# pack it into ./feed, then build a .xaiproj with the SDK.
#   ./build.sh                         packs, then builds samples/table3/table3.xaiproj
#   ./build.sh path/to/x.xaiproj [msbuild args...]
#   ./build.sh --pack-only
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

project="samples/table3/table3.xaiproj"
pack_only=false
if [[ "${1:-}" == "--pack-only" ]]; then pack_only=true; shift; fi
if [[ $# -gt 0 && "$1" != -* ]]; then project="$1"; shift; fi

prerequisites/install.sh build
dotnet pack sdk/Xai.Sdk/Xai.Sdk.csproj -c Release -nologo -v:quiet -clp:NoSummary
$pack_only && exit 0
dotnet tool restore >/dev/null
dotnet publish src/Xai.PowerShell/Xai.PowerShell.csproj -c Release -nologo -v:quiet -clp:NoSummary
dotnet build "$project" -nologo "$@"
