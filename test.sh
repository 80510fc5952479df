#!/usr/bin/env bash
# Installs what the tests need (prerequisites/install.sh), runs every test of the repository and ends
# with one line: "N passed, N failed".
#   xunit:  tests/Xai.Core.Tests (core library), tests/Xai.Sdk.IntegrationTests (packs the SDK, runs dotnet build),
#           tests/Xai.Deployment.Tests (board runner, and SSH against a loopback sshd board stand-in)
#   CTest:  hls-lib (GoogleTest)
#   Pester: tests/Xai.PowerShell.Tests (the PowerShell module, offline and against a board or its stand-in)
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

# --- PowerShell: Pester 6.2.0 under the pinned pwsh (.config/dotnet-tools.json) ----------------
# The module is published into bin/ (and packed into ./feed) first; the suites run in a child pwsh
# (a loaded module cannot be unloaded). The Hardware suite runs against the lab inventory in
# XAI_LAB_INVENTORY when set, else against the loopback board stand-in (tests/board-standin) as one
# inventory entry, on the sample build that ./build.sh leaves.
echo "== PowerShell (Pester)"
pester_module=""
if dotnet tool restore >"$results/pester-setup.log" 2>&1 &&
   dotnet publish src/Xai.PowerShell/Xai.PowerShell.csproj -c Release -nologo -v:quiet -clp:NoSummary >>"$results/pester-setup.log" 2>&1; then
  pester_module=$(dotnet msbuild tests/Xai.PowerShell.Tests/Xai.PowerShell.Tests.csproj -restore -t:PrintPesterModule -nologo -v:m 2>>"$results/pester-setup.log" | sed -n 's/^ *pester-module=//p')
fi
if [[ -z "$pester_module" || ! -f "$pester_module" ]]; then
  suite_failed_to_run "Pester set-up (module publish, Pester restore)" "$results/pester-setup.log"
else
  inventory="${XAI_LAB_INVENTORY:-}"
  standin=""
  if [[ -z "$inventory" ]]; then
    standin="$root/artifacts/board-standin"
    inventory="$root/artifacts/lab-inventory.standin.json"
    # The stand-in runs the sample build ./build.sh leaves; when ./test.sh runs alone, build it first.
    if ! compgen -G "samples/table3/bin/*/report.json" >/dev/null; then
      echo "test.sh: building samples/table3 for the board stand-in (./build.sh)"
      ./build.sh >"$results/sample-build.log" 2>&1 || echo "test.sh: the sample build failed (see $results/sample-build.log)"
    fi
    if ! tests/board-standin/start-board-standin.sh --board pynq-z2 "$standin" >"$results/board-standin.log" 2>&1 ||
       ! dotnet tool run pwsh -NoProfile -NonInteractive -File tests/Xai.PowerShell.Tests/New-StandInInventory.ps1 \
           -StandIn "$standin/standin.json" -Build samples/table3 -Inventory "$inventory" >>"$results/board-standin.log" 2>&1; then
      suite_failed_to_run "the board stand-in" "$results/board-standin.log"
      inventory=""
    fi
  fi
  dotnet tool run pwsh -NoProfile -NonInteractive -File tests/Xai.PowerShell.Tests/Invoke-XaiPester.ps1 \
    -PesterModule "$pester_module" -ResultsDirectory "$results" -Inventory "$inventory" 2>&1 | tee "$results/pester.log" | grep -E '^\s*\[-\]|^pester:' || true
  [[ -n "$standin" && -f "$standin/sshd.pid" ]] && tests/board-standin/stop-board-standin.sh "$standin" >/dev/null 2>&1
  summary=$(grep -E '^pester: [0-9]+ passed, [0-9]+ failed' "$results/pester.log" | tail -n 1 || true)
  if [[ -z "$summary" ]]; then
    suite_failed_to_run "Pester" "$results/pester.log"
  else
    passed=$((passed + $(sed -E 's/^pester: ([0-9]+) passed.*/\1/' <<<"$summary")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$summary")))
  fi
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
