"""galeed-go's public Bazel rules. Load them from here; the implementations in
//tools/private are not an interface.

galeed_vm_test(name, binary, data = [], arguments = [], cpus = 2,
               memory_mb = 1024, **kwargs)
    A test that runs `binary` (a go_test, cc_test or any executable) where
    protection keys really work: natively when the host CPU and kernel have
    PKU (CPUID OSPKE), otherwise in `qemu-system-x86_64 -cpu max` (TCG
    software emulation) booting the host's Debian kernel. Arguments,
    --test_filter and the TEST_* environment reach the binary; its output,
    exit status (or the signal that killed it) and test XML come back. The
    guest is killed shortly before the test's timeout with a message.
    Every such test is tagged `pku` (so `bazel query 'attr(tags, pku,
    tests(//...))'` lists them) and `cpu:<cpus>`, so Bazel does not overcommit
    the host with emulated CPUs.

    The guest holds only the binary, its runfiles, the ELF loader and the
    shared libraries they need, and the runner's init: no shell, no network
    but loopback, /tmp on tmpfs. GALEED_VM_MODE=vm|native|auto (default auto)
    forces the choice.

    `data` adds files, with their runfiles, to the binary's, in the guest
    too (programs the binary runs, say). `arguments` are passed before those
    given at run time, and unlike Bazel's `args` also when the executable is
    run directly; $(rootpath <label>) in them names a file of `data`
    relative to the binary's working directory, the main repository's
    runfiles directory, in the guest as under Bazel.

galeed_vm_binary(name, binary, data = [], arguments = [], cpus = 2,
                 memory_mb = 1024, **kwargs)
    The same for `bazel run`: runs `binary` with PKU and exits with its status.

pkruscan_test(name, targets, allow = [], **kwargs)
    A test that scans the files `targets` build (archives, shared objects,
    executables) at every byte offset of every executable section for
    instructions that can write PKRU from user space (WRPKRU, XRSTOR). It passes only
    when every finding lies inside a symbol named in `allow` (galeed-go's own
    gates) and every `allow` entry matched something. Whole files cannot be
    allowed: untrusted code must not gain a place to hide such instructions.

galeed_cc_toolchain(name, plugin, call_policies, visibility = None)
    The galeed C/C++ toolchain, as a cc_toolchain_suite `name` for
    --crosstool_top: the host's clang-14 running the pass plugin `plugin`
    (built in the host configuration by the plain host toolchain) on every C
    and C++ file, with the call-policy manifest `call_policies`
    (-galeed-call-policies, llvm_pass/README.md). Keep --host_crosstool_top
    on Bazel's default toolchain so the plugin itself can be built.

galeed_cc_wrapper(name, plugin)
    The compiler wrapper for a plain `CC=<wrapper> go build` outside Bazel:
    clang-14 with `plugin` (placed beside the wrapper), the galeed
    toolchain's compiler. GALEED_CALL_POLICIES names a manifest.

galeed_shared_go_library(name, srcs, importpath, package = name, cdeps = [], deps = [], **kwargs)
    A cgo go_library whose //galeed:shared struct types C reaches only
    through handles (docs/pseudo-pointers.md): //tools/galeedgen runs over
    its Go sources, and the library gets the generated C accessors, header
    and Go type registration (with go/handles and go/mpk). Put
    `# gazelle:ignore` in its BUILD file: Gazelle does not know the
    generated sources.

galeed_cc_library(name, shared_types, **kwargs)
    A cc_library whose C/C++ is compiled with the pseudo-pointer pass for
    the types of galeed_shared_go_library `shared_types` (":name" form):
    parameters that point to them become handles, field loads and stores
    accessor calls, any other use of such a pointer a compile error. The
    generated header is among its hdrs.

galeed_plain_binary(name, binary)
    `binary` built by the galeed toolchain with its pass turned off (feature
    galeed_pass): the same program, compiler and flags without galeed-go's
    gates, for benchmarks that compare the two side by side
    (benchmarks/compare).

llvm_filecheck_test(name, src, plugin, passes, opt_args = [], data = [],
                    check_prefixes = [], expect_error = False, **kwargs)
    A lit-style test of an LLVM pass plugin: runs the host's opt-14 with
    `plugin` loaded and `-passes=passes` over the .ll file `src` and checks
    the output against the CHECK lines in `src` with FileCheck-14. With
    expect_error, opt must fail and its diagnostics are checked instead.
    `opt_args` name files of `data`, such as a -galeed-call-policies
    manifest, with $(rootpath <label>): opt runs in the test's runfiles.
"""

load("//tools/private:cc_toolchain.bzl", _galeed_cc_toolchain = "galeed_cc_toolchain", _galeed_cc_wrapper = "galeed_cc_wrapper")
load("//tools/private:llvm_filecheck.bzl", _llvm_filecheck_test = "llvm_filecheck_test")
load("//tools/private:pseudo_pointers.bzl", _galeed_cc_library = "galeed_cc_library", _galeed_shared_go_library = "galeed_shared_go_library")
load("//tools/private:plain.bzl", _galeed_plain_binary = "galeed_plain_binary")
load("//tools/private:pkruscan.bzl", _pkruscan_test = "pkruscan_test")
load("//tools/private:vm.bzl", _galeed_vm_binary = "galeed_vm_binary", _galeed_vm_test = "galeed_vm_test")

pkruscan_test = _pkruscan_test

galeed_cc_toolchain = _galeed_cc_toolchain

galeed_cc_wrapper = _galeed_cc_wrapper

galeed_plain_binary = _galeed_plain_binary

galeed_shared_go_library = _galeed_shared_go_library

galeed_cc_library = _galeed_cc_library

def llvm_filecheck_test(name, size = "small", **kwargs):
    _llvm_filecheck_test(name = name, size = size, **kwargs)

def galeed_vm_test(name, tags = [], cpus = 2, **kwargs):
    _galeed_vm_test(
        name = name,
        cpus = cpus,
        tags = _with(tags, ["pku", "cpu:%d" % cpus]),
        **kwargs
    )

def galeed_vm_binary(name, **kwargs):
    _galeed_vm_binary(name = name, **kwargs)

def _with(tags, extra):
    return tags + [t for t in extra if t not in tags]
