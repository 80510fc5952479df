#!/usr/bin/env bash
# Installs what the tests need (prerequisites/install.sh), runs every test of the repository and ends
# with one line: "N passed, N failed".
#   xunit:  tests/Xai.Core.Tests (core library), tests/Xai.Sdk.IntegrationTests (packs the SDK, runs dotnet build),
#           tests/Xai.Deployment.Tests (board runner, and SSH against a loopback sshd board stand-in)
#   CTest:  hls-lib (GoogleTest)
#   parse:  every .ps1/.psm1/.psd1 through a real PowerShell grammar (tree-sitter-powershell)
# Logs and result files go to artifacts/test-results/.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
prerequisites/install.sh test || exit
results="$root/artifacts/test-results"
mkdir -p "$results"
passed=0
failed=0

suite_failed_to_run() { echo "test.sh: $1 did not run (see $2)"; failed=$((failed + 1)); }

# --- board stand-in prerequisite (tests/Xai.Deployment.Tests start a real sshd on 127.0.0.1) ------
if [[ ! -x /usr/sbin/sshd ]]; then
  echo "test.sh: installing openssh-server for the loopback board stand-in"
  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq openssh-server) >"$results/openssh-install.log" 2>&1 ||
    echo "test.sh: could not install openssh-server (see $results/openssh-install.log); the stand-in tests will fail"
fi

# --- xunit -----------------------------------------------------------------------------------
echo "== xunit"
dotnet test Xai.slnx -nologo 2>&1 | tee "$results/xunit.log" | grep -E '^\s*(Passed!|Failed!)|\[FAIL\]|error [A-Z]+[0-9]+' || true
# One summary per test assembly: "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T, ..."
xunit_lines=$(grep -E '^\s*(Passed!|Failed!)\s+-\s+Failed:' "$results/xunit.log" || true)
assemblies=$(find tests -name '*.csproj' -exec grep -l '<IsTestProject>true</IsTestProject>' {} + | wc -l)
if [[ $(grep -c 'Total:' <<<"$xunit_lines") -lt $assemblies ]]; then
  suite_failed_to_run "an xunit test project" "$results/xunit.log"
fi
while read -r line; do
  [[ -z "$line" ]] && continue
  p=$(sed -E 's/.*Passed:\s*([0-9]+).*/\1/' <<<"$line")
  f=$(sed -E 's/.*Failed:\s*([0-9]+),.*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f))
done <<<"$xunit_lines"

# --- hls-lib: GoogleTest through CTest --------------------------------------------------------
echo "== hls-lib (CTest)"
hls_build="$root/artifacts/hls-lib-build"
if cmake -S hls-lib -B "$hls_build" -DCMAKE_BUILD_TYPE=Release >"$results/hls-configure.log" 2>&1 &&
   cmake --build "$hls_build" -j2 >"$results/hls-build.log" 2>&1; then
  ctest --test-dir "$hls_build" --output-on-failure -j2 2>&1 | tee "$results/ctest.log" | tail -n 3
  summary=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$results/ctest.log" || true)
  if [[ -z "$summary" ]]; then
    suite_failed_to_run "CTest" "$results/ctest.log"
  else
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")
    f=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$summary")
    passed=$((passed + total - f)); failed=$((failed + f))
  fi
else
  tail -n 20 "$results/hls-configure.log" "$results/hls-build.log" 2>/dev/null
  suite_failed_to_run "hls-lib build" "$results/hls-build.log"
fi

# --- PowerShell parse check -------------------------------------------------------------------
echo "== PowerShell parse (tree-sitter-powershell)"
node tests/powershell/parse-check.mjs 2>&1 | tee "$results/powershell-parse.log"
summary=$(grep -E '^powershell-parse: [0-9]+ passed, [0-9]+ failed$' "$results/powershell-parse.log" || true)
if [[ -z "$summary" ]]; then
  suite_failed_to_run "PowerShell parse check" "$results/powershell-parse.log"
else
  passed=$((passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$summary")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$summary")))
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
