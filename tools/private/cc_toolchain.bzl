"""The galeed C/C++ toolchain: the host's clang-14 with galeed-go's pass plugin.

Every C and C++ file compiled for the target configuration, cgo's generated
wrappers included, goes through the plugin's passes (see llvm_pass/README.md),
so no cgo call runs C code in Go mode and no callback runs Go code in C mode.
The plugin itself and every other host tool are built by the host
configuration's plain toolchain: `--host_crosstool_top` must stay Bazel's
default (`.bazelrc`'s `--config=galeed` says so).

The flags are those of Bazel's own Unix toolchain where they matter (PIC,
-O2 with --compilation_mode=opt, deterministic builtin macros); the rest of
the command line comes from Bazel's legacy features (includes, defines, user
copts, dependency files, libraries to link).
"""

load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
    "with_feature_set",
)
load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load("@galeed_llvm_host//:defs.bzl", "CLANG_BUILTIN_INCLUDE_DIRECTORIES", "LLVM_BINDIR")

_C_COMPILE = [
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
    ACTION_NAMES.linkstamp_compile,
]

_COMPILE = _C_COMPILE + [
    ACTION_NAMES.assemble,
    ACTION_NAMES.preprocess_assemble,
]

_LINK = [
    ACTION_NAMES.cpp_link_executable,
    ACTION_NAMES.cpp_link_dynamic_library,
    ACTION_NAMES.cpp_link_nodeps_dynamic_library,
]

def _flags(actions, flags, with_features = []):
    return flag_set(
        actions = actions,
        flag_groups = [flag_group(flags = flags)],
        with_features = with_features,
    )

def _galeed_pass_flags(plugin, call_policies):
    # -fpass-plugin runs the passes; -fplugin loads the same file early
    # enough that -mllvm can set its options. The option takes LLVM's
    # two-dash spelling because cgo drops every C flag that starts with -g
    # (debug flags) from its own compiler runs. The paths are relative to
    # the execution root: rules_go's stdlib builder, which runs the compiler
    # elsewhere, makes them absolute (patched in, see
    # tools/repositories/patches).
    return [
        "-fpass-plugin=" + plugin.path,
        "-fplugin=" + plugin.path,
        "-mllvm",
        "--galeed-call-policies=" + call_policies.path,
    ]

def _galeed_cc_toolchain_config_impl(ctx):
    opt = [with_feature_set(features = ["opt"])]
    dbg = [with_feature_set(features = ["dbg"])]
    features = [
        feature(name = "opt"),
        feature(name = "dbg"),
        feature(name = "fastbuild"),
        feature(name = "supports_pic", enabled = True),
        feature(name = "supports_dynamic_linker", enabled = True),
        feature(
            name = "galeed_pass",
            enabled = True,
            flag_sets = [_flags(_C_COMPILE, _galeed_pass_flags(ctx.file.plugin, ctx.file.call_policies))],
        ),
        feature(
            name = "default_compile_flags",
            enabled = True,
            flag_sets = [
                _flags(_COMPILE, ["-U_FORTIFY_SOURCE", "-fstack-protector", "-Wall", "-fno-omit-frame-pointer"]),
                _flags(_COMPILE, ["-g"], dbg),
                _flags(_COMPILE, ["-g0", "-O2", "-D_FORTIFY_SOURCE=1", "-DNDEBUG", "-ffunction-sections", "-fdata-sections"], opt),
                _flags([ACTION_NAMES.cpp_compile, ACTION_NAMES.cpp_header_parsing, ACTION_NAMES.cpp_module_compile], ["-std=c++17"]),
            ],
        ),
        feature(
            name = "default_link_flags",
            enabled = True,
            flag_sets = [
                _flags(_LINK, ["-Wl,-no-as-needed", "-Wl,-z,relro,-z,now", "-lstdc++", "-lm"]),
                _flags(_LINK, ["-Wl,--gc-sections"], opt),
            ],
        ),
        # Builds do not depend on when or where they ran.
        feature(
            name = "unfiltered_compile_flags",
            enabled = True,
            flag_sets = [_flags(_COMPILE, [
                "-no-canonical-prefixes",
                "-Wno-builtin-macro-redefined",
                "-D__DATE__=\"redacted\"",
                "-D__TIMESTAMP__=\"redacted\"",
                "-D__TIME__=\"redacted\"",
            ])],
        ),
    ]
    tools = {
        "gcc": "clang",
        "cpp": "clang-cpp",
        "ar": "llvm-ar",
        "nm": "llvm-nm",
        "objcopy": "llvm-objcopy",
        "objdump": "llvm-objdump",
        "strip": "llvm-strip",
    }
    tool_paths = [tool_path(name = name, path = LLVM_BINDIR + "/" + tool) for name, tool in tools.items()]

    # The linker is clang's driver; gcov is never run (no coverage offline).
    tool_paths += [tool_path(name = "ld", path = "/usr/bin/ld"), tool_path(name = "gcov", path = "/bin/false")]
    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        features = features,
        cxx_builtin_include_directories = CLANG_BUILTIN_INCLUDE_DIRECTORIES,
        toolchain_identifier = "galeed-clang-14",
        host_system_name = "x86_64-unknown-linux-gnu",
        target_system_name = "x86_64-unknown-linux-gnu",
        target_cpu = "k8",
        target_libc = "glibc",
        compiler = "clang",
        abi_version = "clang",
        abi_libc_version = "glibc",
        tool_paths = tool_paths,
    )

galeed_cc_toolchain_config = rule(
    implementation = _galeed_cc_toolchain_config_impl,
    attrs = {
        # Exec configuration, as cc_toolchain builds its files: the plugin is
        # built by the plain host
        # toolchain, never by the toolchain it is part of.
        "plugin": attr.label(mandatory = True, allow_single_file = [".so"], cfg = "exec"),
        "call_policies": attr.label(mandatory = True, allow_single_file = True),
    },
    provides = [CcToolchainConfigInfo],
)

def _galeed_cc_wrapper_impl(ctx):
    script = ctx.actions.declare_file(ctx.label.name)
    ctx.actions.expand_template(
        template = ctx.file._template,
        output = script,
        substitutions = {"%{clang}": LLVM_BINDIR + "/clang"},
        is_executable = True,
    )

    # Beside the script, where it looks first.
    plugin = ctx.actions.declare_file("galeed_plugin.so")
    ctx.actions.symlink(output = plugin, target_file = ctx.file.plugin)
    return [DefaultInfo(
        executable = script,
        files = depset([script, plugin]),
        runfiles = ctx.runfiles(files = [plugin]),
    )]

galeed_cc_wrapper = rule(
    implementation = _galeed_cc_wrapper_impl,
    attrs = {
        "plugin": attr.label(mandatory = True, allow_single_file = [".so"], cfg = "exec"),
        "_template": attr.label(default = "//tools/cc_toolchain:galeed-cc.sh.tpl", allow_single_file = True),
    },
    executable = True,
    doc = "galeed-cc, the compiler wrapper for `CC=galeed-cc go build`, with the plugin beside it.",
)

def galeed_cc_toolchain(name, plugin, call_policies, visibility = None):
    """The cc_toolchain_suite `name` (for --crosstool_top) of the galeed toolchain."""
    galeed_cc_toolchain_config(
        name = name + "_config",
        plugin = plugin,
        call_policies = call_policies,
    )
    native.filegroup(
        name = name + "_compiler_files",
        srcs = [plugin, call_policies],
    )
    native.filegroup(name = name + "_empty")
    native.cc_toolchain(
        name = name + "_k8",
        toolchain_config = name + "_config",
        toolchain_identifier = "galeed-clang-14",
        all_files = name + "_compiler_files",
        compiler_files = name + "_compiler_files",
        ar_files = name + "_empty",
        as_files = name + "_empty",
        dwp_files = name + "_empty",
        linker_files = name + "_empty",
        objcopy_files = name + "_empty",
        strip_files = name + "_empty",
        supports_param_files = True,
    )
    native.cc_toolchain_suite(
        name = name,
        toolchains = {
            "k8": name + "_k8",
            "k8|clang": name + "_k8",
        },
        visibility = visibility,
    )
