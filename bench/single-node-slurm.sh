# Sourced by the Slurm benchmarks (bench/slurm-*.sh): a single-node Slurm cluster on this machine, configured
# as the tests' tests/Xai.Core.Tests/Slurm/SlurmTestCluster.cs does (Debian slurm-wlm + munge: a private
# munged, slurmctld and slurmd on free ports, partition xai with node xai-node of this machine's CPUs).
#   start_single_node_slurm <directory>   starts it there and exports SLURM_CONF
#   stop_single_node_slurm                cancels its jobs and stops it
_slurm_pids=()
start_single_node_slurm() {
  local c="$1"
  mkdir -p "$c/key" "$c/socket" "$c/log" "$c/state" "$c/spool"
  chmod 755 "$c" "$c/socket" "$c/log"; chmod 700 "$c/key"
  head -c 1024 /dev/urandom > "$c/key/munge.key"; chmod 600 "$c/key/munge.key"
  local host; host="$(hostname -s)"
  cat > "$c/slurm.conf" <<CONF
ClusterName=xaibench
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
SlurmctldPort=$((40000 + RANDOM % 20000))
SlurmdPort=$((40000 + RANDOM % 20000))
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
  _slurm_conf="$SLURM_CONF"
  munged -F --key-file="$c/key/munge.key" --socket="$c/socket/munge.socket" --pid-file="$c/key/munged.pid" \
    --log-file="$c/log/munged.log" --seed-file="$c/key/munged.seed" >"$c/log/munged.out" 2>&1 & _slurm_pids+=($!)
  for _ in $(seq 50); do [[ -S "$c/socket/munge.socket" ]] && break; sleep 0.2; done
  slurmctld -D -f "$SLURM_CONF" >"$c/log/slurmctld.out" 2>&1 & _slurm_pids+=($!)
  slurmd -D -N xai-node -f "$SLURM_CONF" >"$c/log/slurmd.out" 2>&1 & _slurm_pids+=($!)
  for _ in $(seq 150); do [[ "$(sinfo -h -n xai-node -o %T 2>/dev/null)" == idle ]] && return 0; sleep 0.2; done
  echo "the single-node Slurm cluster did not come up; logs in $c/log" >&2
  return 1
}
_slurm_conf=""
stop_single_node_slurm() {
  # Only this cluster's jobs: never a SLURM_CONF the user had before it started.
  [[ -n "$_slurm_conf" ]] && SLURM_CONF="$_slurm_conf" scancel --partition=xai 2>/dev/null || true
  for p in "${_slurm_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
