"""galeed_plain_binary: a binary built as if galeed-go were not there.

Benchmarks compare a program with galeed-go's gates against the same program
without them, side by side in one run. This rule builds its `binary` in a
configuration that turns off the galeed toolchain's feature `galeed_pass`
(tools/private/cc_toolchain.bzl): the same clang-14 with the same flags, but
no pass plugin, so no gates. Bazel's plain toolchain would do that too, but
with another compiler (GCC), and SQLite built by GCC against SQLite built by
Clang measures the compilers, not the gates. Bazel ignores a feature no
toolchain has: benchmarks/compare's on_off_comparison checks that the result
really is ungated.
"""

_FEATURES = "//command_line_option:features"

def _without_pass_impl(settings, attr):
    return {_FEATURES: settings[_FEATURES] + ["-galeed_pass"]}

_without_pass = transition(
    implementation = _without_pass_impl,
    inputs = [_FEATURES],
    outputs = [_FEATURES],
)

def _galeed_plain_binary_impl(ctx):
    # A transition on an attribute makes it a list, of one here.
    binary = ctx.attr.binary[0][DefaultInfo]
    plain = binary.files_to_run.executable
    executable = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.symlink(output = executable, target_file = plain, is_executable = True)

    # `binary`'s runfiles, but not `binary` itself: it has the same runfiles
    # path in both configurations, and a runfiles tree holding the galeed and
    # the plain build of one program (as a comparison's does) would keep only
    # one of the two under that path. The symlink reaches it.
    files = [f for f in binary.default_runfiles.files.to_list() if f != plain]
    return [DefaultInfo(executable = executable, runfiles = ctx.runfiles(files = [executable] + files))]

galeed_plain_binary = rule(
    implementation = _galeed_plain_binary_impl,
    attrs = {
        "binary": attr.label(mandatory = True, executable = True, cfg = _without_pass),
        "_allowlist_function_transition": attr.label(default = "@bazel_tools//tools/allowlists/function_transition_allowlist"),
    },
    executable = True,
    doc = "`binary`, built by the galeed toolchain without its pass: no gates.",
)
