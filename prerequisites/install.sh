#!/usr/bin/env bash
# What ./build.sh and ./test.sh need on the machine, checked and installed in one place; both call it:
#   prerequisites/install.sh build      what the main job needs
#   prerequisites/install.sh test       that, and what the tests need
# Missing Debian packages: installed with apt-get when run as root; otherwise it stops at once, before
# anything is built, printing the one command that installs them. Then the set-up steps (per clone, no
# root needed) run. Adding a package or a step is one line in the lists below.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
purpose="${1:-}"
if [[ "$purpose" != build && "$purpose" != test ]]; then
  echo "usage: prerequisites/install.sh build|test" >&2
  exit 2
fi

missing=()     # Debian packages to install
steps=()       # set-up commands to run afterwards, in order

# applies FOR: a requirement of the build is one of the tests too.
applies() { [[ "$1" == build || "$purpose" == test ]]; }
installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]; }

# program FOR NAME PACKAGE: NAME found on PATH (a machine may carry its own Node.js or CMake), else PACKAGE.
program() { applies "$1" && ! command -v "$2" >/dev/null 2>&1 && missing+=("$3") || true; }
# package FOR PACKAGE: the Debian package itself (a library, data, or a program the tests run by its Debian path).
package() { applies "$1" && ! installed "$2" && missing+=("$2") || true; }
# step FOR DONE 'COMMAND': run the shell command from the repository root unless the path DONE exists ('-': always).
step() { applies "$1" && [[ "$2" == - || ! -e "$2" ]] && steps+=("$3") || true; }

# ---- Debian packages --------------------------------------------------------------------------
program build g++      g++                    # the C simulation of every build
program test  cmake    cmake                  # hls-lib tests
package test  libgtest-dev                    # hls-lib tests (GoogleTest)
package test  googletest
package test  libbenchmark-dev                # Google Benchmark, for hls-lib micro-benchmarks (none is built yet)
program test  tclsh    tcl8.6                 # generated vendor scripts run under the real tclsh
package test  openssh-server                # loopback board stand-in (/usr/sbin/sshd, ssh-keygen) for the board tests
package test  chromium                        # report.html screenshot test (/usr/bin/chromium)
package test  python3-numpy                   # reads the build's .npy with numpy (/usr/bin/python3)
package test  dataset-fashion-mnist           # XaiFidelityDataset's default (XaiFidelityImages), samples/table3's scripts
package test  slurm-wlm                       # XaiExecutor=Slurm tests: a single-node cluster (slurmctld, slurmd, sbatch, ...)
package test  munge                           # the cluster's authentication (a private munged per test run)

# ---- set-up steps, after the packages -----------------------------------------------------------
step build - 'dotnet tool restore >/dev/null'   # the pinned pwsh (.config/dotnet-tools.json)

# ---- check, install, run ------------------------------------------------------------------------
# The .NET SDK is not a Debian package (Microsoft publishes it): point the user at its installer.
if ! command -v dotnet >/dev/null 2>&1; then
  echo "prerequisites: the .NET SDK (global.json names the version) is missing; install it, e.g.:" >&2
  echo "  curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0" >&2
  exit 1
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ "$(id -u)" -ne 0 ]]; then
    echo "prerequisites: ./$purpose.sh needs Debian packages that are not installed: ${missing[*]}" >&2
    echo "Install them, then run ./$purpose.sh again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "prerequisites: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi

for command in "${steps[@]}"; do
  echo "prerequisites: $command"
  bash -c "$command" || { echo "prerequisites: set-up step failed: $command" >&2; exit 1; }
done
