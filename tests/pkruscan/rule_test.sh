#!/usr/bin/env bash
# Runs pkruscan_test targets that must fail and checks they fail for the
# right reason: a scan that cannot fail proves nothing.
set -uo pipefail
failures=0

expect_failure() {
  local launcher="$1" want="$2" out status
  out="$("${launcher}" 2>&1)"
  status=$?
  if [[ ${status} -ne 1 ]]; then
    echo "FAIL: ${launcher} exited ${status}, want 1"; failures=$((failures + 1))
  elif [[ "${out}" != *"${want}"* ]]; then
    echo "FAIL: ${launcher} did not report: ${want}"; failures=$((failures + 1))
  else
    echo "ok: ${launcher} failed with: ${want}"
  fi
  echo "${out}" | sed 's/^/    /'
}

expect_failure "$1" "WRPKRU 0f 01 ef — hidden inside another instruction (not on an instruction boundary): inside the 5-byte instruction at hidden_wrpkru+"
expect_failure "$2" "--allow clean_gate suppressed nothing"
exit $((failures > 0))
