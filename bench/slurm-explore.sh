#!/usr/bin/env bash
# A design-space sweep on Slurm vs built one after another (issue 14): the Table III sample explored for the
# ZCU104 at 100, 150 and 200 MHz (10 configurations on its Pareto set) with -t:Explore -p:XaiExploreBuild=N
# (the N fastest of them built as sibling builds),
# its vendor stages Synthesize and CoSimulate run by the vitis_hls test double (tests/tool-doubles/vitis_hls.sh:
# the generated Tcl checked under tclsh, the reports copied from fixtures), which first burns S CPU seconds
# per run to stand for a real tool's run time. Three builds of fresh copies:
#   sequential  -m:1, XaiExecutor=Local  (what a sweep costs without parallelism)
#   local -m:N  XaiExecutor=Local        (the sibling builds in parallel on this machine)
#   slurm -m:N  XaiExecutor=Slurm        (each tool run a job, CoSimulate chained after Synthesize, on a
#                                         single-node cluster this script starts: bench/single-node-slurm.sh)
# Every build must submit/run the same 2 x (N + 1) tool runs (the project's own build and its N siblings).
# Prints:
#   variants=<N> tool_s=<S> cpus=<nproc> sequential_s=<wall> local_parallel_s=<wall> slurm_s=<wall> slurm_vs_sequential=<ratio> slurm_vs_local_parallel=<ratio> jobs=<count>
#   bench/slurm-explore.sh [variants] [tool seconds]     (defaults 8 and 20)
# Needs ../shared/fixtures/vitis (or XAI_SHARED_DIR) for the co-simulation report the double copies.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/table3-copy.sh"
variants="${1:-8}"
seconds="${2:-20}"
shared="${XAI_SHARED_DIR:-$root/../shared}"
cosim="$shared/fixtures/vitis/Imam-f__RL-SOC-Tutorial-Vitis__VecDotProduct_cosim.rpt"
[[ -f "$cosim" ]] || { echo "missing $cosim: put the shared folder beside the clone or set XAI_SHARED_DIR" >&2; exit 1; }
work="$(mktemp -d)"
chmod 755 "$work"
source "$root/bench/single-node-slurm.sh"
cleanup() {
  stop_single_node_slurm
  rm -rf "$work"
}
trap cleanup EXIT

"$root/build.sh" --pack-only >/dev/null
for run in sequential local slurm; do
  copy_table3 "$work/$run"
  mkdir -p "$work/$run-double"
  cat > "$work/$run-double/vitis_hls" <<DOUBLE
#!/bin/bash
export XAI_DOUBLE_DIR='$work/$run-double' XAI_DOUBLE_MODE=success XAI_DOUBLE_SECONDS=$seconds
export XAI_DOUBLE_CSYNTH='$root/tests/Xai.Core.Tests/Fixtures/ValdecirDesenv__FPGA_picoZed__csynth.xml' XAI_DOUBLE_COSIM='$cosim'
exec /bin/bash '$root/tests/tool-doubles/vitis_hls.sh' "\$@"
DOUBLE
  chmod +x "$work/$run-double/vitis_hls"
done

start_single_node_slurm "$work/cluster"

export NUGET_PACKAGES="$work/packages"
# Restore once, outside the timed builds.
dotnet restore "$work/sequential/table3.xaiproj" -nologo -v:q >/dev/null
build() {  # run, nodes, extra args...
  local run="$1" nodes="$2"; shift 2
  local t0; t0=$(date +%s%N)
  dotnet build "$work/$run/table3.xaiproj" -nologo -v:m -t:Explore -p:XaiExploreBuild="$variants" -m:"$nodes" \
    -p:XaiBoard=zcu104 -p:XaiExploreClocksMHz=100%3B150%3B200 -p:XaiVendorStages=Synthesize%3BCoSimulate -p:XaiFidelityImages=0 \
    -p:XaiVitisHlsPath="$work/$run-double/vitis_hls" "$@" >"$work/$run.log" 2>&1 || { tail -30 "$work/$run.log"; exit 1; }
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
sequential=$(build sequential 1)
parallel=$(build local "$variants")
slurm=$(build slurm "$variants" -p:XaiExecutor=Slurm -p:XaiSlurmPartition=xai -p:XaiSlurmPollSeconds=1)

built() { grep -o 'building [0-9]* explored configuration' "$work/$1.log" | grep -o '[0-9]*'; }
runs() { grep -c -- '-f ' "$work/$1-double/invocations.log"; }
expected=$(( 2 * (variants + 1) ))
for run in sequential local slurm; do
  [[ "$(built $run)" == "$variants" ]] || { echo "$run built $(built $run) explored configurations, not $variants (the Pareto set is smaller)" >&2; exit 1; }
  [[ "$(runs $run)" == "$expected" ]] || { echo "$run ran $(runs $run) tool runs, expected $expected" >&2; exit 1; }
  [[ ! -s "$work/$run-double/mock.violations" ]] || { echo "$run: the Tcl mock found violations:" >&2; cat "$work/$run-double/mock.violations" >&2; exit 1; }
done
jobs=$(grep -c 'Slurm: submitted job' "$work/slurm.log")
awk -v n="$variants" -v s="$seconds" -v c="$(nproc)" -v q="$sequential" -v p="$parallel" -v r="$slurm" -v j="$jobs" 'BEGIN {
  printf "variants=%d tool_s=%d cpus=%d sequential_s=%.1f local_parallel_s=%.1f slurm_s=%.1f slurm_vs_sequential=%.2f slurm_vs_local_parallel=%.2f jobs=%d\n",
    n, s, c, q / 1000, p / 1000, r / 1000, r / q, r / p, j }'
