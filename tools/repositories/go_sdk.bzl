"""galeed_go_sdk: the host's Go, prepared for rules_go v0.34.0.

rules_go v0.34.0 predates Go 1.20 and expects an SDK with a precompiled
standard library and the `pack` tool; current Go ships neither. This rule
copies the host GOROOT into its own repository, precompiles the standard
library there (GODEBUG=installgoroot=all), rebuilds `pack`, and hands the
result to rules_go's go_wrap_sdk, which registers it as the Go toolchain.

The standard library is precompiled with the tags netgo and osusergo: rules_go
links these archives into every binary, and their C was compiled here by the
host's compiler, outside galeed-go's pass. With the tags, net and os/user use
their pure-Go resolver and user database and make no cgo calls, so no C in the
standard library runs ungated. (plugin and a few test-only packages keep
theirs; //tools/gatecheck fails any protected binary that links one.)
"""

load("@io_bazel_rules_go//go:deps.bzl", "go_wrap_sdk")
load(":host_go.bzl", "execute_or_fail", "host_go")

def _prepared_goroot_impl(ctx):
    go = host_go(ctx)
    goroot = execute_or_fail(ctx, "go env GOROOT", [go, "env", "GOROOT"]).stdout.strip()
    ctx.report_progress("Copying the host Go SDK from " + goroot)
    execute_or_fail(ctx, "copying " + goroot, ["cp", "-R", goroot + "/.", "."])
    execute_or_fail(ctx, "making the Go SDK copy writable", ["chmod", "-R", "u+w", "."])

    env = {"GOROOT": str(ctx.path(".")), "GOTOOLCHAIN": "local", "GOFLAGS": ""}
    ctx.report_progress("Precompiling the Go standard library")
    execute_or_fail(
        ctx,
        "precompiling the standard library",
        ["bin/go", "install", "-tags", "netgo,osusergo", "std"],
        environment = dict(env, GODEBUG = "installgoroot=all"),
    )
    tool_dir = execute_or_fail(ctx, "go env GOTOOLDIR", ["bin/go", "env", "GOTOOLDIR"], environment = env).stdout.strip()
    if not ctx.path(tool_dir + "/pack").exists:
        execute_or_fail(ctx, "building cmd/pack", ["bin/go", "build", "-o", tool_dir + "/pack", "cmd/pack"], environment = env)
    ctx.file("ROOT", "")
    ctx.file("BUILD.bazel", 'exports_files(["ROOT"])\n')

_prepared_goroot = repository_rule(
    implementation = _prepared_goroot_impl,
    environ = ["GOROOT", "PATH"],
)

def galeed_go_sdk(name = "go_sdk"):
    """Declares `@<name>` (the Go SDK rules_go uses) and registers its toolchains."""
    _prepared_goroot(name = name + "_goroot")
    go_wrap_sdk(name = name, root_file = "@{}_goroot//:ROOT".format(name))
