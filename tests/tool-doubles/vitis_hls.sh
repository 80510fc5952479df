#!/bin/bash
# TEST DOUBLE of vitis_hls (the integration tests' FakeVitisHls, bench/slurm-explore.sh). Not a vendor tool,
# and it produces no figures of its own: it runs the generated Tcl script under the real tclsh with the
# checking mock of the Vitis HLS commands (tests/Xai.Core.Tests/Tcl: every command's options and the
# project order checked, every call recorded), then either prints a realistic front-end ERROR line (exiting
# 0, as AMD tools have been seen to do) or lays out the files a successful run leaves, the reports copied
# from real, permissively licensed fixtures. Its -version output names no release. Called as
#   vitis_hls -version | vitis_hls -f <script> -l <log>
# with, in the environment:
#   XAI_DOUBLE_DIR      where invocations.log, mock.record and mock.violations are written
#   XAI_DOUBLE_MODE     success | error
#   XAI_DOUBLE_CSYNTH   the csynth.xml a synthesis run leaves
#   XAI_DOUBLE_COSIM    the co-simulation report a cosim run leaves
#   XAI_DOUBLE_SECONDS  CPU seconds each run spends first (a busy loop that counts its own CPU time: a real
#                       tool's work stood in for in benchmarks); 0 when empty
set -u
tcl="$(cd "$(dirname "${BASH_SOURCE[0]}")/../Xai.Core.Tests/Tcl" && pwd)"
echo "$*" >> "$XAI_DOUBLE_DIR/invocations.log"
if [ "$1" = "-version" ]; then echo "test double of vitis_hls (no release)"; exit 0; fi
if [ "$1" != "-f" ] || [ "$3" != "-l" ]; then echo "ERROR: test double: expected -f <script> -l <log>, got: $*"; exit 2; fi
script="$2"; log="$4"
name="$(basename "$script" .tcl)"; stage="${name%%.*}"; top="${name#*.}"
export XAI_MOCK_RECORD="$XAI_DOUBLE_DIR/mock.record" XAI_MOCK_VIOLATIONS="$XAI_DOUBLE_DIR/mock.violations"
(
  echo "INFO: [HLS 200-10] test double of vitis_hls running $script in $(pwd)"
  # CPU time, not wall time: runs sharing a core take longer, as a real tool's would.
  ticks=$(( ${XAI_DOUBLE_SECONDS:-0} * $(getconf CLK_TCK) ))
  while [ "$ticks" -gt 0 ]; do
    read -r -a stat < "/proc/$BASHPID/stat"
    [ $(( stat[13] + stat[14] )) -lt "$ticks" ] || break
  done
  /usr/bin/tclsh "$tcl/run_with_mock.tcl" "$tcl/vitis_hls_mock.tcl" "$script"
  rc=$?
  if [ $rc -ne 0 ]; then exit $rc; fi
  if [ "$XAI_DOUBLE_MODE" = error ]; then
    echo "ERROR: [HLS 207-3776] use of undeclared identifier 'N' (src/$top.cpp:12:7)"
    echo "ERROR: [HLS 200-70] Pre-synthesis failed."
    exit 0
  fi
  solution="$top/solution1"
  if [ "$stage" = synthesize ]; then
    mkdir -p "$solution/syn/report" "$solution/csim/report" "$solution/impl/ip"
    cp "$XAI_DOUBLE_CSYNTH" "$solution/syn/report/csynth.xml"
    echo "INFO: [SIM 1] CSim done with 0 errors." > "$solution/csim/report/${top}_csim.log"
    echo "<!-- test double: no IP -->" > "$solution/impl/ip/component.xml"
    mkdir -p "$solution/impl/ip/drivers/${top}_v1_0/src"
    echo "// test double: no register map" > "$solution/impl/ip/drivers/${top}_v1_0/src/x${top}_hw.h"
  fi
  if [ "$stage" = cosimulate ]; then
    mkdir -p "$solution/sim/report"
    cp "$XAI_DOUBLE_COSIM" "$solution/sim/report/${top}_cosim.rpt"
  fi
  exit 0
) > "$log" 2>&1
rc=$?
cat "$log"
exit $rc
