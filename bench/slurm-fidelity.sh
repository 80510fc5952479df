#!/usr/bin/env bash
# Fidelity run locally vs as a Slurm job array (issue 14): the Table III sample built twice with
# XaiFidelityImages=N, once with XaiExecutor=Local, once with XaiExecutor=Slurm on a single-node cluster
# this script starts on the machine (Debian slurm-wlm + munge, configured as the tests'
# tests/Xai.Core.Tests/Slurm/SlurmTestCluster.cs does), then stopped. Checks the two fidelityTestSet
# records are identical (but for the run time) and prints:
#   images=<N> local_s=<fidelity seconds> slurm_s=<...> ratio=<slurm/local> local_build_s=<wall> slurm_build_s=<wall> identical=<yes|no>
#   bench/slurm-fidelity.sh [images]     (default 1000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
images="${1:-1000}"
work="$(mktemp -d)"
pids=()
cleanup() {
  SLURM_CONF="$work/cluster/slurm.conf" scancel --partition=xai 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/build.sh" --pack-only >/dev/null
for variant in local slurm; do
  cp -r "$root/samples/table3" "$work/$variant"
  cp "$root/global.json" "$work/$variant/"
  sed "s#value=\"feed\"#value=\"$root/feed\"#" "$root/nuget.config" > "$work/$variant/nuget.config"
done

# The cluster: a private munged, slurmctld and slurmd on free ports.
c="$work/cluster"
mkdir -p "$c/key" "$c/socket" "$c/log" "$c/state" "$c/spool"
chmod 755 "$work" "$c" "$c/socket" "$c/log"; chmod 700 "$c/key"
head -c 1024 /dev/urandom > "$c/key/munge.key"; chmod 600 "$c/key/munge.key"
port() { echo $((40000 + RANDOM % 20000)); }
host="$(hostname -s)"
cat > "$c/slurm.conf" <<CONF
ClusterName=xaibench
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
SlurmctldPort=$(port)
SlurmdPort=$(port)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$c/socket/munge.socket
StateSaveLocation=$c/state
SlurmdSpoolDir=$c/spool
SlurmctldPidFile=$c/slurmctld.pid
SlurmdPidFile=$c/slurmd.pid
SlurmctldLogFile=$c/log/slurmctld.log
SlurmdLogFile=$c/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
JobRequeue=0
MinJobAge=900
NodeName=xai-node NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$(nproc) RealMemory=500 State=UNKNOWN
PartitionName=xai Nodes=xai-node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$c/slurm.conf"
munged -F --key-file="$c/key/munge.key" --socket="$c/socket/munge.socket" --pid-file="$c/key/munged.pid" \
  --log-file="$c/log/munged.log" --seed-file="$c/key/munged.seed" >"$c/log/munged.out" 2>&1 & pids+=($!)
for _ in $(seq 50); do [[ -S "$c/socket/munge.socket" ]] && break; sleep 0.2; done
slurmctld -D -f "$SLURM_CONF" >"$c/log/slurmctld.out" 2>&1 & pids+=($!)
slurmd -D -N xai-node -f "$SLURM_CONF" >"$c/log/slurmd.out" 2>&1 & pids+=($!)
for _ in $(seq 150); do [[ "$(sinfo -h -n xai-node -o %T 2>/dev/null)" == idle ]] && break; sleep 0.2; done

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
