#!/usr/bin/env bash
# Fidelity run locally vs as a Slurm job array (issue 14): the Table III sample built twice with
# XaiFidelityImages=N, once with XaiExecutor=Local, once with XaiExecutor=Slurm on a single-node cluster
# this script starts on the machine (bench/single-node-slurm.sh), then stopped. Checks the two fidelityTestSet
# records are identical (but for the run time) and prints:
#   images=<N> local_s=<fidelity seconds> slurm_s=<...> ratio=<slurm/local> local_build_s=<wall> slurm_build_s=<wall> identical=<yes|no>
#   bench/slurm-fidelity.sh [images]     (default 1000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/table3-copy.sh"
images="${1:-1000}"
work="$(mktemp -d)"
chmod 755 "$work"
source "$root/bench/single-node-slurm.sh"
cleanup() {
  stop_single_node_slurm
  rm -rf "$work"
}
trap cleanup EXIT

"$root/build.sh" --pack-only >/dev/null
for variant in local slurm; do
  copy_table3 "$work/$variant"
done

start_single_node_slurm "$work/cluster"

export NUGET_PACKAGES="$work/packages"
build() {  # variant, extra args...
  local v="$1"; shift
  local t0; t0=$(date +%s%N)
  dotnet build "$work/$v/table3.xaiproj" -nologo -v:m -p:XaiVendorStages= -p:XaiFidelityImages="$images" "$@" >"$work/$v.log" 2>&1 || { tail -30 "$work/$v.log"; exit 1; }
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
local_wall=$(build local)
slurm_wall=$(build slurm -p:XaiExecutor=Slurm -p:XaiSlurmPartition=xai -p:XaiSlurmPollSeconds=0.5)
dotnet tool run pwsh -NoProfile -NonInteractive -Command "
  function F([string] \$p) { \$t = (Get-Content -Raw \$p | ConvertFrom-Json).csim.fidelityTestSet; \$s = \$t.seconds; \$t.PSObject.Properties.Remove('seconds'); \$t.PSObject.Properties.Remove('directory'); @{ s = \$s; json = (\$t | ConvertTo-Json -Depth 10 -Compress) } }
  \$l = F '$work/local/bin/Debug/report.json'; \$r = F '$work/slurm/bin/Debug/report.json'
  'images={0} local_s={1} slurm_s={2} ratio={3:0.00} local_build_s={4:0.0} slurm_build_s={5:0.0} identical={6}' -f $images, \$l.s, \$r.s, (\$r.s / \$l.s), ($local_wall / 1000), ($slurm_wall / 1000), \$(if (\$l.json -eq \$r.json) { 'yes' } else { 'no' })
"
