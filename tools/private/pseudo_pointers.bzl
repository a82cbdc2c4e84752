"""Pseudo-pointers in Bazel (docs/pseudo-pointers.md).

galeed_shared_types runs //tools/galeedgen over a Go package's sources and
declares its four outputs; galeed_cc_library compiles C/C++ consumers with
the pass reading the manifest, so their loads and stores through pointers to
shared types become accessor calls.
"""

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

def galeed_shared_go_sources(name, srcs, importpath, package, visibility = None):
    """galeed_shared_types `name`, and filegroups of its outputs by kind:
    `name`_header, _accessors, _go, _manifest."""
    _galeed_shared_types(name = name, srcs = srcs, importpath = importpath, package = package)
    for kind in _OUTPUTS:
        native.filegroup(
            name = "{}_{}".format(name, kind),
            srcs = [name],
            output_group = kind,
            visibility = visibility,
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

def galeed_cc_library(name, shared_types, copts = [], deps = [], **kwargs):
    """A cc_library compiled with the pseudo-pointer pass: its functions that
    take pointers to the shared types in the manifest `shared_types` take
    handles instead, and their field loads and stores become accessor calls."""
    manifest = name + "_shared_types"
    _compile_input(name = manifest, src = shared_types)
    native.cc_library(
        name = name,
        # $(execpath) needs the label among the rule's own; the
        # _compile_input dependency makes it an input of each compile.
        copts = copts + ["-mllvm", "--galeed-shared-types=$(execpath %s)" % shared_types],
        deps = deps + [manifest],
        data = [shared_types],
        **kwargs
    )
