"""galeed_llvm_host: the host's LLVM 14, as declared inputs of the build.

galeed-go's LLVM plugin is loaded into Debian's clang-14 and opt-14, so it must
be compiled against exactly their headers and flags; this rule finds them
through llvm-config-14 instead of hard-coding /usr/lib/llvm-14. It provides

  @galeed_llvm_host//:headers     cc_library of the LLVM 14 C++ and C headers
  @galeed_llvm_host//:defs.bzl    LLVM_COPTS: llvm-config --cxxflags without -I;
                                  LLVM_BINDIR and CLANG_BUILTIN_INCLUDE_DIRECTORIES
                                  for the galeed C/C++ toolchain (//tools/cc_toolchain)
  @galeed_llvm_host//:clang       clang-14
  @galeed_llvm_host//:opt         opt-14
  @galeed_llvm_host//:FileCheck   FileCheck-14
  @galeed_llvm_host//:not         LLVM's `not`, for tests expecting a failure

GALEED_LLVM_CONFIG overrides the llvm-config found on PATH.
"""

_MAJOR = "14"

# Each piece, as a message names it, and the package to install when it is
# missing: one tools/bazel installs (tools/setup/debian-packages.txt).
# llvm-config-14 and opt come with llvm-14, on which llvm-14-dev depends.
_PIECES = {
    "llvm-config": ("llvm-config-14", "llvm-14-dev"),
    "headers": ("LLVM 14's C++ headers", "llvm-14-dev"),
    "opt": ("opt-14", "llvm-14-dev"),
    "clang": ("clang-14", "clang-14"),
    "FileCheck": ("FileCheck-14", "llvm-14-tools"),
    "not": ("LLVM 14's `not`", "llvm-14-tools"),
    "llvm-ar": ("llvm-ar-14", "llvm-14"),
    "llvm-nm": ("llvm-nm-14", "llvm-14"),
    "llvm-objcopy": ("llvm-objcopy-14", "llvm-14"),
    "llvm-objdump": ("llvm-objdump-14", "llvm-14"),
    "llvm-strip": ("llvm-strip-14", "llvm-14"),
}

def _missing(piece, detail):
    name, package = _PIECES[piece]
    fail("galeed-go's LLVM plugin needs {}: install the Debian package {} (tools/bazel installs it){}".format(
        name,
        package,
        detail,
    ))

def _llvm_config(ctx, llvm_config, *args):
    result = ctx.execute([llvm_config] + list(args))
    if result.return_code != 0:
        fail("{} {} failed: {}".format(llvm_config, " ".join(args), result.stderr))
    return result.stdout.strip()

def _find_llvm_config(ctx):
    override = ctx.os.environ.get("GALEED_LLVM_CONFIG", "")
    llvm_config = ctx.path(override) if override else ctx.which("llvm-config-" + _MAJOR)
    if not llvm_config or not llvm_config.exists:
        _missing("llvm-config", " or set GALEED_LLVM_CONFIG")
    version = _llvm_config(ctx, llvm_config, "--version")
    if version.split(".")[0] != _MAJOR:
        fail("{} reports LLVM {}; galeed-go's plugin is written for LLVM {} (set GALEED_LLVM_CONFIG to llvm-config-{})".format(
            llvm_config,
            version,
            _MAJOR,
            _MAJOR,
        ))
    return llvm_config

def _link_tool(ctx, bindir, tool):
    path = bindir.get_child(tool)
    if not path.exists:
        _missing(tool, " ({} is missing)".format(path))
    ctx.symlink(path, tool)

def _clang_builtin_include_directories(ctx, clang):
    """The directories clang searches for <...> headers, C and C++: a
    toolchain must declare them, or Bazel rejects every inclusion of a system
    header as undeclared."""
    directories = []
    for language in ["c", "c++"]:
        result = ctx.execute([clang, "-E", "-x", language, "-", "-v"])
        if result.return_code != 0:
            fail("{} -E -v failed: {}".format(clang, result.stderr))
        lines = result.stderr.splitlines()
        start = lines.index("#include <...> search starts here:") + 1
        end = lines.index("End of search list.")
        for line in lines[start:end]:
            # Bazel wants them normalized: clang lists some as /usr/bin/../lib/...
            path = str(ctx.path(line.strip()).realpath)
            if path not in directories:
                directories.append(path)
    return directories

def _galeed_llvm_host_impl(ctx):
    llvm_config = _find_llvm_config(ctx)
    includedir = ctx.path(_llvm_config(ctx, llvm_config, "--includedir"))
    bindir = ctx.path(_llvm_config(ctx, llvm_config, "--bindir"))

    if not includedir.get_child("llvm").get_child("Passes").get_child("PassPlugin.h").exists:
        _missing("headers", " ({} has no llvm/Passes/PassPlugin.h)".format(includedir))

    # Debian's include/llvm and include/llvm-c are themselves symlinks into
    # /usr/include/llvm-14; linking the real directories keeps globbing simple.
    for subdir in ["llvm", "llvm-c"]:
        ctx.symlink(includedir.get_child(subdir).realpath, "include/" + subdir)
    for tool in [piece for piece in _PIECES if piece not in ["llvm-config", "headers"]]:
        _link_tool(ctx, bindir, tool)

    # The include directory becomes the cc_library's `includes`; the rest
    # (language standard, -fno-exceptions, the -D macros LLVM's headers
    # expect) must match how LLVM itself was compiled.
    copts = [f for f in _llvm_config(ctx, llvm_config, "--cxxflags").split(" ") if f and not f.startswith("-I")]
    ctx.file("defs.bzl", "\n".join([
        '"""Generated by galeed_llvm_host from {}."""'.format(llvm_config),
        "",
        "# llvm-config --cxxflags, minus the include directory (see :headers).",
        "LLVM_COPTS = {}".format(repr(copts)),
        "",
        "# Where clang-14, llvm-ar-14 and the other LLVM 14 tools live.",
        "LLVM_BINDIR = {}".format(repr(str(bindir.realpath))),
        "",
        "# clang-14's system include directories, resolved.",
        "CLANG_BUILTIN_INCLUDE_DIRECTORIES = {}".format(repr(_clang_builtin_include_directories(ctx, bindir.get_child("clang")))),
        "",
    ]))
    ctx.file("BUILD.bazel", """\
# Generated by galeed_llvm_host (//tools/repositories:llvm_host.bzl).
package(default_visibility = ["//visibility:public"])

exports_files(["clang", "opt", "FileCheck", "not", "llvm-objdump", "defs.bzl"])

cc_library(
    name = "headers",
    hdrs = glob(["include/llvm/**", "include/llvm-c/**"]),
    includes = ["include"],
)
""")

galeed_llvm_host = repository_rule(
    implementation = _galeed_llvm_host_impl,
    doc = "The host's LLVM {} headers, compiler flags and tools, found through llvm-config-{}.".format(_MAJOR, _MAJOR),
    environ = ["GALEED_LLVM_CONFIG", "PATH"],
    local = True,
)
