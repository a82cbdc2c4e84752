"""Implementation of pkruscan_test; load it from //tools:defs.bzl.

The test runs //tools/pkruscan over the files the given targets build (a
cc_library's archive and shared object, a binary's executable) and passes only
when no PKRU-writing instruction (WRPKRU, XRSTOR) lies outside the
allowed symbols. An allowed symbol that matches nothing fails the test too, so
the allow-list cannot go stale.
"""

load(":launcher.bzl", "shell_words", "write_launcher")

def _pkruscan_test_impl(ctx):
    files = depset(transitive = [t[DefaultInfo].files for t in ctx.attr.targets]).to_list()
    if not files:
        fail("pkruscan_test {} scans nothing: its targets build no files".format(ctx.label))

    command = [ctx.executable._pkruscan.short_path]
    for symbol in ctx.attr.allow:
        command += ["--allow", symbol]
    command += [f.short_path for f in files]
    launcher = write_launcher(ctx, "pkruscan_test (//tools/private/pkruscan.bzl)", "exec " + shell_words(command))
    runfiles = ctx.runfiles(files).merge(ctx.attr._pkruscan[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = launcher, runfiles = runfiles)]

pkruscan_test = rule(
    implementation = _pkruscan_test_impl,
    test = True,
    attrs = {
        "targets": attr.label_list(
            mandatory = True,
            allow_files = True,
            doc = "Libraries and binaries whose output files are scanned.",
        ),
        "allow": attr.string_list(
            doc = "Exact names of galeed-go's own gate symbols in which a finding is expected. " +
                  "There is deliberately no way to allow a whole file.",
        ),
        "_pkruscan": attr.label(default = "//tools/pkruscan", executable = True, cfg = "exec"),
    },
)
