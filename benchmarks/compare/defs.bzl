"""on_off_comparison: a benchmark program's galeed on/off comparison targets."""

load("@io_bazel_rules_go//go:def.bzl", "go_binary")
load("//tools:defs.bzl", "galeed_plain_binary", "galeed_vm_binary")

def on_off_comparison(name, binary, vm_name, visibility = None):
    """Compares `binary`, a benchmarks/variant program, with and without galeed-go.

    `binary` is built as usual, with the galeed toolchain's gates; `name`_off
    is the same program without them (galeed_plain_binary). `bazel run
    :name` runs //benchmarks/compare over the two natively, `bazel run
    :vm_name` where PKU works (in the VM on a host without it). Arguments
    after the target reach the comparator; its own `--` passes the rest to
    the variants:

        tools/bazel run -c opt :name -- -rounds 3 -- -benchtime 2s
    """
    off = name + "_off"
    galeed_plain_binary(
        name = off,
        binary = binary,
        visibility = visibility,
    )
    variants = [binary, off]
    arguments = ["-on", "$(rootpath %s)" % binary, "-off", "$(rootpath :%s)" % off]
    go_binary(
        name = name,
        embed = ["//benchmarks/compare:compare_lib"],
        data = variants,
        args = arguments,
        visibility = visibility,
    )
    galeed_vm_binary(
        name = vm_name,
        binary = "//benchmarks/compare",
        data = variants,
        arguments = arguments,
        visibility = visibility,
    )
