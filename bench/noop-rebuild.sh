#!/usr/bin/env bash
# No-op rebuild benchmark: after one full build, how long does `dotnet build` take when nothing
# changed, for the sample .xaiproj versus a plain Microsoft.Build.NoTargets project, measured
# alternately in the same run (these machines are noisy: compare the ratio, not the seconds).
#   bench/noop-rebuild.sh [rounds]      (default 7)
# Prints one line per round and a final line:  xaiproj_ms=<median> notargets_ms=<median> ratio=<x>
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/table3-copy.sh"
rounds="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/build.sh" --pack-only >/dev/null
copy_table3 "$work/xai"

mkdir -p "$work/notargets"
cat > "$work/notargets/plain.proj" <<'PROJ'
<Project Sdk="Microsoft.Build.NoTargets/3.7.0">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <None Include="images/*.png" />
  </ItemGroup>
</Project>
PROJ
cp -r "$root/samples/table3/images" "$work/notargets/"

build() { dotnet build "$1" -nologo -v:q -clp:NoSummary >/dev/null; }
ms() { local s e; s=$(date +%s%N); build "$1"; e=$(date +%s%N); echo $(((e - s) / 1000000)); }

# Full builds first (not measured), so every measured build is a no-op.
build "$work/xai/table3.xaiproj"
build "$work/notargets/plain.proj"

xs=(); ns=()
for ((i = 1; i <= rounds; i++)); do
  x=$(ms "$work/xai/table3.xaiproj"); n=$(ms "$work/notargets/plain.proj")
  xs+=("$x"); ns+=("$n")
  echo "round $i: xaiproj ${x} ms, notargets ${n} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
mx=$(median "${xs[@]}"); mn=$(median "${ns[@]}")
echo "xaiproj_ms=$mx notargets_ms=$mn ratio=$(awk -v a="$mx" -v b="$mn" 'BEGIN {printf "%.2f", a / b}')"
