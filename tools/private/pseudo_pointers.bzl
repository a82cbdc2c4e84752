"""Pseudo-pointers in Bazel (docs/pseudo-pointers.md).

galeed_shared_go_library is a cgo go_library whose shared types get
//tools/galeedgen's access API; galeed_cc_library compiles C/C++ consumers
with the pass reading its manifest, so their loads and stores through
pointers to shared types become accessor calls.
"""

load("@io_bazel_rules_go//go:def.bzl", "go_library")

_HANDLES_HEADERS = Label("//go/handles:headers")

# What galeedgen writes for Go package <package>: <package>_galeed<suffix>.
_OUTPUTS = {
    "header": ".h",
    "accessors": ".c",
    "go": ".go",
    "manifest": ".json",
}

def _galeed_shared_types_impl(ctx):
    outputs = {kind: ctx.actions.declare_file("{}_galeed{}".format(ctx.attr.package, suffix)) for kind, suffix in _OUTPUTS.items()}

    # galeedgen reads a package directory; the sources may come from
    # several (generated files), so they are gathered into one first.
    ctx.actions.run_shell(
        inputs = ctx.files.srcs,
        tools = [ctx.executable._galeedgen],
        outputs = outputs.values(),
        command = """
set -eu
pkg=$(mktemp -d)
trap 'rm -rf "$pkg"' EXIT
for src in {srcs}; do cp "$src" "$pkg/"; done
{galeedgen} -pkg "$pkg" -importpath {importpath} -out {out}
""".format(
            srcs = " ".join([f.path for f in ctx.files.srcs]),
            galeedgen = ctx.executable._galeedgen.path,
            importpath = ctx.attr.importpath,
            out = outputs["manifest"].dirname,
        ),
        mnemonic = "Galeedgen",
        progress_message = "Generating the galeed access API of %s" % ctx.attr.importpath,
    )
    return [
        DefaultInfo(files = depset(outputs.values())),
        OutputGroupInfo(**{kind: depset([f]) for kind, f in outputs.items()}),
    ]

_galeed_shared_types = rule(
    implementation = _galeed_shared_types_impl,
    attrs = {
        "srcs": attr.label_list(mandatory = True, allow_files = [".go"], doc = "The Go package's sources."),
        "importpath": attr.string(mandatory = True),
        "package": attr.string(mandatory = True, doc = "The Go package's name, which names the outputs."),
        "_galeedgen": attr.label(default = "//tools/galeedgen", executable = True, cfg = "exec"),
    },
    doc = "galeedgen's outputs for a Go package's //galeed:shared types.",
)

def galeed_shared_go_library(name, srcs, importpath, package = None, cdeps = [], deps = [], **kwargs):
    """A cgo go_library `name` whose //galeed:shared struct types C reaches
    through handles: galeedgen runs over its Go sources, and the library
    gets the generated accessors, header and type registration. The
    targets `name`_shared_header and `name`_shared_manifest (the generated
    header and the pass's manifest) are for galeed_cc_library, which finds
    them from `name`. package: the Go package's name, by default `name`."""
    shared = name + "_shared"
    _galeed_shared_types(
        name = shared,
        srcs = [s for s in srcs if s.endswith(".go")],
        importpath = importpath,
        package = package or name,
    )
    for kind in _OUTPUTS:
        native.filegroup(
            name = "{}_{}".format(shared, kind),
            srcs = [shared],
            output_group = kind,
            visibility = kwargs.get("visibility"),
        )
    go_library(
        name = name,
        srcs = srcs + [":{}_{}".format(shared, kind) for kind in ["accessors", "go", "header"]],
        cdeps = cdeps + [_HANDLES_HEADERS, Label("//go/mpk:gates")],
        cgo = True,
        importpath = importpath,
        deps = deps + [Label("//go/handles"), Label("//go/mpk")],
        **kwargs
    )

def _compile_input_impl(ctx):
    return [CcInfo(compilation_context = cc_common.create_compilation_context(headers = depset([ctx.file.src])))]

# A file every compile action of the dependent cc_library reads, whatever
# its extension: cc_library's own srcs and hdrs take C/C++ files only.
_compile_input = rule(
    implementation = _compile_input_impl,
    attrs = {"src": attr.label(mandatory = True, allow_single_file = True)},
    provides = [CcInfo],
)

def galeed_cc_library(name, shared_types, copts = [], hdrs = [], deps = [], **kwargs):
    """A cc_library compiled with the pseudo-pointer pass: its functions that
    take pointers to the types of galeed_shared_go_library `shared_types`
    (a label with an explicit name, like ":paper") take handles instead, and
    their field loads and stores become accessor calls."""
    manifest = shared_types + "_shared_manifest"
    manifest_input = name + "_shared_types"
    _compile_input(name = manifest_input, src = manifest)
    native.cc_library(
        name = name,
        # $(execpath) needs the label among the rule's own; the
        # _compile_input dependency makes it an input of each compile.
        copts = copts + ["-mllvm", "--galeed-shared-types=$(execpath %s)" % manifest],
        hdrs = hdrs + [shared_types + "_shared_header"],
        deps = deps + [manifest_input, _HANDLES_HEADERS],
        data = [manifest],
        **kwargs
    )
