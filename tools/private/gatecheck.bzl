"""galeed_gatecheck_aspect: proves in every Go executable a build links that
each cgo wrapper calls galeed-go's gates (//tools/gatecheck).

It is not a rule of //tools:defs.bzl: it applies to every build through
.bazelrc,

    build --aspects=//tools/private:gatecheck.bzl%galeed_gatecheck_aspect
    build --output_groups=+galeed_gatecheck

and by hand the same two flags on a command line. Builds without the pass
(--config=plain, galeed_plain_binary) disable the toolchain feature
galeed_pass, and the aspect checks nothing there. On each top-level target
whose executable rules_go built, and on the `binary` of a galeed_vm_test or
galeed_vm_binary, it runs gatecheck (mnemonic GaleedGatecheck), whose
summary lines (and one line for each read-write call) appear in the build
output whenever the action runs (not when its result comes from the cache),
and whose full table is `<name>.gatecheck.txt` in the output group
galeed_gatecheck. An ungated wrapper fails the action, and so the build.

The group is not `_validation`: Bazel 4.2.3 builds validation outputs only
with --experimental_run_validations, so that would take a second flag just
the same.
"""

load("@io_bazel_rules_go//go:def.bzl", "GoArchive")

_GatecheckInfo = provider(
    doc = "The gatecheck reports of a target and of the binaries it wraps.",
    fields = {"reports": "depset of <name>.gatecheck.txt files"},
)

def _rules_go_executable(target):
    """The executable rules_go built for target, or None.

    go_binary and go_test return GoArchive (the compiled main package) and
    DefaultInfo with an executable. go_library returns GoArchive without an
    executable, as does go_binary in the c-archive and c-shared link modes,
    whose output is a library; other rules never return GoArchive. Rule kinds
    would miss macros and wrappers around the rules, providers do not.
    """
    if GoArchive not in target:
        return None
    return target[DefaultInfo].files_to_run.executable

def _galeed_gatecheck_aspect_impl(target, ctx):
    if "galeed_pass" in ctx.disabled_features:
        return []
    reports = []
    executable = _rules_go_executable(target)
    if executable:
        report = ctx.actions.declare_file(ctx.label.name + ".gatecheck.txt")
        ctx.actions.run(
            executable = ctx.executable._gatecheck,
            arguments = ["-report", report.path, "-label", str(ctx.label), executable.path],
            inputs = [executable],
            outputs = [report],
            mnemonic = "GaleedGatecheck",
            progress_message = "Checking that the cgo wrappers of %s call galeed's gates" % ctx.label,
        )
        reports.append(report)

    # A binary the aspect reached through `binary` is no top-level target:
    # its report reaches the build only through the output group of the
    # target that wraps it. Other rules may have a `binary` attribute too,
    # a list or no label at all.
    wrapped = getattr(ctx.rule.attr, "binary", None)
    wrapped = wrapped if type(wrapped) == "list" else [wrapped]
    transitive = [w[_GatecheckInfo].reports for w in wrapped if type(w) == "Target" and _GatecheckInfo in w]
    reports = depset(reports, transitive = transitive)
    return [
        _GatecheckInfo(reports = reports),
        OutputGroupInfo(galeed_gatecheck = reports),
    ]

galeed_gatecheck_aspect = aspect(
    implementation = _galeed_gatecheck_aspect_impl,
    # `binary` is how galeed_vm_test and galeed_vm_binary (vm.bzl) wrap the
    # program they run, which the build links but does not request itself:
    # `bazel test :mpk_vm_test` must check :mpk_test. deps, embed and data
    # lead to libraries, or to programs that are top-level targets of their
    # own package under //..., where the aspect checks them anyway.
    attr_aspects = ["binary"],
    attrs = {
        "_gatecheck": attr.label(
            default = "//tools/gatecheck",
            executable = True,
            cfg = "exec",
        ),
    },
    doc = "Runs //tools/gatecheck on every executable rules_go builds; see the file's docstring.",
)
