"""go_module_archive: a Bazel repository from a Go module, through the Go module proxy.

rules_go and Gazelle are published as Go modules, and the Go module proxy is the
only place this project may download from. This rule asks the host's `go mod
download` for one pinned module version, refuses it unless its `h1:` sum is the
pinned one, copies it out of the module cache and applies the project's patches.
"""

load(":host_go.bzl", "execute_or_fail", "host_go")

def _go_module_archive_impl(ctx):
    go = host_go(ctx)
    module = "{}@{}".format(ctx.attr.module, ctx.attr.version)
    ctx.report_progress("Downloading " + module + " through the Go module proxy")
    result = execute_or_fail(
        ctx,
        "go mod download " + module,
        [go, "mod", "download", "-json", module],
        environment = {"GO111MODULE": "on", "GOFLAGS": "-mod=mod"},
    )
    info = json.decode(result.stdout)
    if info.get("Error"):
        fail("go mod download {}: {}".format(module, info["Error"]))
    if info["Sum"] != ctx.attr.sum:
        fail("{} has sum {}, but {} is pinned: refusing a module that is not the one this workspace was written for".format(
            module,
            info["Sum"],
            ctx.attr.sum,
        ))

    # The module cache is read-only; the copy must be writable to be patched.
    execute_or_fail(ctx, "copying " + module, ["cp", "-R", info["Dir"] + "/.", "."])
    execute_or_fail(ctx, "making " + module + " writable", ["chmod", "-R", "u+w", "."])
    for patch in ctx.attr.patches:
        ctx.patch(patch, strip = 1)

go_module_archive = repository_rule(
    implementation = _go_module_archive_impl,
    doc = "A repository holding one Go module version fetched through the Go module proxy, verified and patched.",
    attrs = {
        "module": attr.string(mandatory = True, doc = "Module path, e.g. github.com/bazelbuild/rules_go."),
        "version": attr.string(mandatory = True, doc = "Exact module version, e.g. v0.34.0."),
        "sum": attr.string(mandatory = True, doc = "The module's go.sum `h1:` hash; any other content is refused."),
        "patches": attr.label_list(doc = "Patch files (-p1) applied after the download, in order."),
    },
    environ = ["GOPROXY", "GOROOT", "GOMODCACHE", "GOPATH", "PATH"],
)
