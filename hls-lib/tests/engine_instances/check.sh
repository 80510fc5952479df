#!/bin/sh
# Counts the engines a top instantiates: compiles it with the synthesized loop nests
# (XAI_HLS_LOOPS) at -O0, where nothing is inlined, and counts for each engine function the
# template instances (nm) and the call sites (call relocations, objdump -dr). In Vitis HLS a
# function that is not inlined becomes one hardware instance per call site, so "1 instance,
# 1 call site" for each engine and each core means one conv engine with n_oh x n_ow MACs and
# one vector-matrix engine with `tile` MACs in the design.
# Usage: check.sh CXX SOURCE [compiler flags...]; prints the census, fails unless all are 1.
set -eu
cxx=$1; src=$2; shift 2
obj=$(mktemp /tmp/xai-engines.XXXXXX.o)
trap 'rm -f "$obj"' EXIT
"$cxx" -std=c++17 -O0 -DXAI_HLS_LOOPS -Wno-unknown-pragmas -c "$src" -o "$obj" "$@"
status=0
for fn in conv_engine conv_engine_core dense_engine dense_engine_core; do
  instances=$(nm -C "$obj" | grep -cE " [TW] void xai::$fn<" || true)
  calls=$(objdump -dr -C "$obj" | grep -E "R_X86_64_(PLT32|PC32)" | grep -cE "void xai::$fn<" || true)
  echo "$fn: $instances instance(s), $calls call site(s)"
  [ "$instances" = 1 ] && [ "$calls" = 1 ] || status=1
done
exit $status
