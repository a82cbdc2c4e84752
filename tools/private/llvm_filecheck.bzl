"""Implementation of llvm_filecheck_test; load it from //tools:defs.bzl.

The test runs a pass plugin's passes over one .ll file with the host's opt-14
and checks the output against the file's own CHECK lines with FileCheck-14,
as LLVM's lit tests do:

    opt -load=PLUGIN -load-pass-plugin=PLUGIN -passes=PASSES OPTS -S SRC 2>&1 | FileCheck SRC

opt's diagnostics (warnings, remarks) precede its output. With expect_error,
opt must fail, and only its diagnostics are checked:

    not opt -load=PLUGIN -load-pass-plugin=PLUGIN -passes=PASSES OPTS -disable-output SRC 2>&1 | FileCheck SRC

OPTS may name files of `data` with $(rootpath <label>): the test runs in its
runfiles directory. ($(location) and $(execpath) are paths in the execution
root, the same only for source files.)
"""

load(":launcher.bzl", "shell_quote", "shell_words", "write_launcher")

def _llvm_filecheck_test_impl(ctx):
    src = ctx.file.src
    opt = [
        ctx.file._opt.short_path,
        # -load-pass-plugin alone loads the plugin after opt has parsed its
        # options, too late for the plugin's own cl::opts; -load is earlier.
        "-load=" + ctx.file.plugin.short_path,
        "-load-pass-plugin=" + ctx.file.plugin.short_path,
        "-passes=" + ctx.attr.passes,
    ] + [ctx.expand_location(arg, ctx.attr.data) for arg in ctx.attr.opt_args]
    filecheck = [ctx.file._filecheck.short_path]
    if ctx.attr.check_prefixes:
        filecheck.append("--check-prefixes=" + ",".join(ctx.attr.check_prefixes))
    filecheck.append(src.short_path)

    if ctx.attr.expect_error:
        pipeline = "{} {} -disable-output {} 2>&1 | {}".format(
            shell_quote(ctx.file._not.short_path),
            shell_words(opt),
            shell_quote(src.short_path),
            shell_words(filecheck),
        )
    else:
        pipeline = "{} -S {} 2>&1 | {}".format(
            shell_words(opt),
            shell_quote(src.short_path),
            shell_words(filecheck),
        )

    # A plugin path with a slash makes dlopen take it relative to the
    # launcher's working directory, the runfiles directory.
    launcher = write_launcher(ctx, "llvm_filecheck_test (//tools/private/llvm_filecheck.bzl)", pipeline)
    runfiles = ctx.runfiles([src, ctx.file.plugin, ctx.file._opt, ctx.file._filecheck, ctx.file._not] + ctx.files.data)
    return [DefaultInfo(executable = launcher, runfiles = runfiles)]

llvm_filecheck_test = rule(
    implementation = _llvm_filecheck_test_impl,
    test = True,
    attrs = {
        "src": attr.label(
            mandatory = True,
            allow_single_file = [".ll"],
            doc = "The IR to transform; it holds the CHECK lines too.",
        ),
        "plugin": attr.label(
            mandatory = True,
            allow_single_file = [".so"],
            doc = "The pass plugin (a cc_binary with linkshared).",
        ),
        "passes": attr.string(
            mandatory = True,
            doc = "opt's -passes pipeline, e.g. galeed-cgo-call-gates or default<O2>.",
        ),
        "opt_args": attr.string_list(doc = "More options for opt, e.g. the passes' cl::opts; $(rootpath <label>) names a file of data."),
        "data": attr.label_list(allow_files = True, doc = "Files opt reads besides src, e.g. a pass's input named in opt_args."),
        "check_prefixes": attr.string_list(doc = "FileCheck's --check-prefixes; CHECK when empty."),
        "expect_error": attr.bool(doc = "opt must fail; its diagnostics are checked instead of its output."),
        "_opt": attr.label(default = "@galeed_llvm_host//:opt", allow_single_file = True),
        "_filecheck": attr.label(default = "@galeed_llvm_host//:FileCheck", allow_single_file = True),
        "_not": attr.label(default = "@galeed_llvm_host//:not", allow_single_file = True),
    },
)
