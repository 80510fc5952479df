#!/usr/bin/env bash
# Starts a loopback "board": the real OpenSSH server (/usr/sbin/sshd) on 127.0.0.1 on a free port,
# with throwaway host and user keys, and a board root directory that stands in for the board's
# filesystem. It is honest about what it is: the root holds xai-standin.json, which the SDK's board
# probe reads (Xai.Deployment then reports IsStandIn = true and runs the runner's csim backend);
# its architecture and device-tree model are the ones DECLARED there for the board named, not
# this x86_64 machine's. PYTHONPATH points at the fake `pynq` package beside this script, so the
# runner's `load` goes through its real PYNQ code path and writes fpga_manager files under the root.
#
#   start-board-standin.sh [--board pynq-z2] [DIR]   -> prints DIR/standin.json
#   stop-board-standin.sh DIR
# standin.json: host, port, user, keyFile, knownHostsFile, hostKeyFingerprint, boardId, root, pidFile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
board=pynq-z2
if [[ "${1:-}" == "--board" ]]; then board="$2"; shift 2; fi
dir="${1:-$(mktemp -d -t xai-board-standin-XXXXXX)}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
sshd=/usr/sbin/sshd
if [[ ! -x $sshd ]]; then
  echo "start-board-standin: $sshd is missing: install Debian's openssh-server (apt-get install openssh-server)" >&2
  exit 2
fi
board_file="$repo/boards/$board.json"
[[ -f $board_file ]] || { echo "start-board-standin: no board '$board' in $repo/boards" >&2; exit 2; }

rm -f "$dir"/host_ed25519* "$dir"/user_ed25519*
ssh-keygen -q -t ed25519 -N '' -C xai-standin-host -f "$dir/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -C xai-standin-user -f "$dir/user_ed25519"
cp "$dir/user_ed25519.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys" "$dir/host_ed25519" "$dir/user_ed25519"

root="$dir/board"
mkdir -p "$root/sys/class/fpga_manager/fpga0" "$root/lib/firmware" "$root/overlays"
echo unknown > "$root/sys/class/fpga_manager/fpga0/state"
/usr/bin/python3 - "$board_file" "$root/xai-standin.json" <<'PY'
import json, platform, sys
b = json.load(open(sys.argv[1]))
arch = {"zynq": "armv7l", "zynquplus": "aarch64"}[b["family"]]
json.dump({"board": b["id"], "architecture": arch,
           "deviceTreeModel": "%s (Xai board stand-in on %s)" % (b["displayName"], platform.machine()),
           "python": "/usr/bin/python3",
           "note": "loopback sshd stand-in: architecture and model are declared, not measured; no PL"},
          open(sys.argv[2], "w"), indent=2)
PY

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$dir/sshd_config" <<CFG
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
Subsystem sftp /usr/lib/openssh/sftp-server
SetEnv XAI_BOARD_ROOT=$root PYTHONPATH=$here
CFG
mkdir -p /run/sshd 2>/dev/null || true
"$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"
for _ in $(seq 1 50); do
  if [[ -s "$dir/sshd.pid" ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done
[[ -s "$dir/sshd.pid" ]] || { echo "start-board-standin: sshd did not start (see $dir/sshd.log)" >&2; cat "$dir/sshd.log" >&2; exit 1; }

echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_ed25519.pub")" > "$dir/known_hosts"
fingerprint=$(ssh-keygen -lf "$dir/host_ed25519.pub" | cut -d' ' -f2)
/usr/bin/python3 - "$dir" <<PY
import json, sys
d = sys.argv[1]
json.dump({"host": "127.0.0.1", "port": $port, "user": "$(id -un)", "keyFile": d + "/user_ed25519",
           "knownHostsFile": d + "/known_hosts", "hostKeyFingerprint": "$fingerprint", "boardId": "$board",
           "root": "$root", "pidFile": d + "/sshd.pid", "standIn": True}, open(d + "/standin.json", "w"), indent=2)
PY
echo "$dir/standin.json"
