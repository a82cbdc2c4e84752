#!/usr/bin/env bash
# Fails when a BUILD file differs from what `tools/bazel run //:gazelle` would
# write. Tests see only their runfiles, so the source tree is found through the
# real path of the WORKSPACE runfile; the test is tagged `external` because
# Bazel cannot know every file Gazelle reads, so it must never be cached.
set -euo pipefail
gazelle="$1"
repo_root="$(dirname "$(readlink -f "$2")")"

if ! diff="$("${gazelle}" -mode=diff -repo_root="${repo_root}" "${repo_root}" 2>&1)"; then
  echo "BUILD files are out of date with the sources; run: tools/bazel run //:gazelle" >&2
  echo "${diff}" >&2
  exit 1
fi
echo "BUILD files match what Gazelle generates for ${repo_root}"
