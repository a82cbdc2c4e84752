"""go_build_binary: a cgo program built by `go build` with galeed-cc as CC.

The test of galeed-cc outside Bazel's Go rules: the program and every package
it imports (taken from their go_library targets) are laid out in a GOPATH, and
the Go SDK's own `go build` compiles and links them, calling galeed-cc for
every C file and for the link, exactly as `CC=galeed-cc go build` does on a
developer's machine. GOPATH mode keeps the action hermetic: module mode would
need the module cache or the network to resolve the imports. The action then
runs //tools/gatecheck on the result, as the build does for rules_go's
binaries: it fails unless every cgo wrapper calls the gates.
"""

load("@io_bazel_rules_go//go:def.bzl", "GoArchive")

def _go_build_binary_impl(ctx):
    archive = ctx.attr.library[GoArchive]
    packages = [archive.data] + archive.transitive.to_list()
    layout = []
    for package in packages:
        for src in package.orig_srcs:
            layout.append("{}\t{}".format(package.importpath, src.path))
    layout_file = ctx.actions.declare_file(ctx.label.name + ".gopath")
    ctx.actions.write(layout_file, "\n".join(layout) + "\n")

    binary = ctx.actions.declare_file(ctx.label.name)
    sdk = ctx.files._go_sdk
    go = [f for f in sdk if f.path.endswith("/bin/go")][0]
    ctx.actions.run_shell(
        inputs = depset(
            [layout_file, ctx.file.call_policies] + sdk,
            transitive = [depset(p.orig_srcs) for p in packages] + [ctx.attr._cc[DefaultInfo].files],
        ),
        tools = [ctx.executable._cc, ctx.executable._gatecheck],
        outputs = [binary],
        command = """
set -eu
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
while IFS="$(printf '\\t')" read -r importpath src; do
    mkdir -p "$work/gopath/src/$importpath"
    cp "$src" "$work/gopath/src/$importpath/"
done < {layout}
export GOROOT="$root/$(dirname $(dirname {go}))" GOPATH="$work/gopath" GOCACHE="$work/cache" \\
    GO111MODULE=off GOTOOLCHAIN=local GOFLAGS= GOENV=off CGO_ENABLED=1 HOME="$work" \\
    CC="$root/{cc}" GALEED_CALL_POLICIES="$root/{policies}"
cd "$work"
"$root/{go}" build -o "$root/{out}" {importpath}
"$root/{gatecheck}" -label {label} "$root/{out}"
""".format(
            layout = layout_file.path,
            go = go.path,
            cc = ctx.executable._cc.path,
            policies = ctx.file.call_policies.path,
            out = binary.path,
            gatecheck = ctx.executable._gatecheck.path,
            label = str(ctx.label),
            importpath = archive.data.importpath,
        ),
        # PATH, for the linker clang runs.
        use_default_shell_env = True,
        mnemonic = "GoBuildWithGaleedCC",
        progress_message = "go build %s with CC=galeed-cc" % archive.data.importpath,
    )
    return [DefaultInfo(executable = binary, files = depset([binary]))]

go_build_binary = rule(
    implementation = _go_build_binary_impl,
    attrs = {
        "library": attr.label(mandatory = True, providers = [GoArchive], doc = "The program's main package."),
        "call_policies": attr.label(mandatory = True, allow_single_file = True, doc = "GALEED_CALL_POLICIES."),
        "_cc": attr.label(default = "//tools/cc_toolchain:galeed-cc", executable = True, cfg = "exec"),
        "_gatecheck": attr.label(default = "//tools/gatecheck", executable = True, cfg = "exec"),
        "_go_sdk": attr.label(default = "@go_sdk//:files"),
    },
    executable = True,
)
