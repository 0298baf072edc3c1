#!/usr/bin/env bash
# Runs every test project and ends with one summary line "N passed, N failed, N skipped".
# Exits non-zero when a test fails or the build breaks.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test Payung.slnx -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one line per test assembly: "Passed!  - Failed: 0, Passed: 17, Skipped: 0, Total: 17 ..."
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")

if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the build or a test host broke before any result was counted
fi
echo
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit $status
