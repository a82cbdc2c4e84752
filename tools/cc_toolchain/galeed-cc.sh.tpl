#!/bin/sh
# galeed-cc: Debian's clang-14 running galeed-go's pass plugin, as the C
# compiler of a plain `go build`, outside Bazel:
#
#   tools/bazel build //tools/cc_toolchain:galeed-cc
#   CC=$PWD/bazel-bin/tools/cc_toolchain/galeed-cc go build ./...
#
# Every cgo call of the program then runs between galeed-go's gates, as in
# the Bazel build's galeed toolchain. The program must link the runtime
# (import _ "github.com/galeed-go/galeed/go/mpk"), or the link fails on
# undefined galeed_enter_c.
#
#   GALEED_CALL_POLICIES  a call-policy manifest (llvm_pass/README.md)
#   GALEED_PLUGIN         the pass plugin; default: galeed_plugin.so beside
#                         this script, where Bazel puts it
#
# Go's build cache keys C objects on the compiler, not on the plugin: after
# the plugin changes, run `go clean -cache`.
plugin=${GALEED_PLUGIN:-$(dirname "$0")/galeed_plugin.so}
if [ ! -f "$plugin" ]; then
	echo "galeed-cc: no pass plugin at $plugin; build //tools/cc_toolchain:galeed-cc or set GALEED_PLUGIN" >&2
	exit 2
fi
# Only clang compiling C or C++ loads the plugin and so knows its options;
# linking or assembling, it rejects them. (The two dashes get past cgo, which
# drops -g flags.)
compiling=false
for arg; do
	case $arg in
	-c | -E | -S) compiling=true ;;
	*.s | *.S | *.sx | assembler | assembler-with-cpp)
		compiling=false
		break
		;;
	esac
done
if $compiling && [ -n "${GALEED_CALL_POLICIES:-}" ]; then
	set -- -mllvm --galeed-call-policies="$GALEED_CALL_POLICIES" "$@"
fi
exec %{clang} -fpass-plugin="$plugin" -fplugin="$plugin" "$@"
