#!/bin/sh
echo "galeed-go: coverage collection is not available offline (no remote_coverage_tools)" >&2
exit 1
