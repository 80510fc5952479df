#!/usr/bin/env bash
# Stops the stand-in start-board-standin.sh started in DIR (its sshd only, by the pid it recorded).
set -euo pipefail
dir="${1:?usage: stop-board-standin.sh DIR}"
if [[ -s "$dir/sshd.pid" ]]; then
  kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
  rm -f "$dir/sshd.pid"
fi
