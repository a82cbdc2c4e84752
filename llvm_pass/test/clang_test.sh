#!/usr/bin/env bash
# The plugin and galeed_call_policy.h through clang-14, as the galeed
# toolchain uses them. Arguments: clang, FileCheck, plugin,
# galeed_call_policy.h, clang_wrapper.c, policy_errors.c.
set -euo pipefail
clang="$1" filecheck="$2" plugin="$3" include="$(dirname "$4")" wrapper="$5" errors="$6"

"${clang}" -O2 -S -emit-llvm -o - -fpass-plugin="${plugin}" -I"${include}" "${wrapper}" |
  "${filecheck}" "${wrapper}"

if "${clang}" -fsyntax-only -I"${include}" "${errors}" 2>errors.txt; then
  echo "policy_errors.c compiled, but its policy declarations are wrong" >&2
  exit 1
fi
"${filecheck}" "${errors}" <errors.txt
