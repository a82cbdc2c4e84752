"""galeed_vm_host: the emulator and kernel that give tests real PKU semantics.

No CI or developer machine here has PKU, but QEMU's TCG emulation with
`-cpu max` implements it, and Debian's kernel enables it. This rule makes both
declared inputs of the build (`@galeed_vm_host//:qemu-system-x86_64` and
`@galeed_vm_host//:kernel`) instead of paths hidden in a script, and checks
that the kernel was built with protection-key support.

GALEED_VM_QEMU and GALEED_VM_KERNEL override the host's choices.
"""

_PKU_CONFIG = "CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS=y"

# qemu boots an uncompressed ELF kernel only through its PVH entry point.
_PVH_CONFIG = "CONFIG_PVH=y"

def _find_qemu(ctx):
    override = ctx.os.environ.get("GALEED_VM_QEMU", "")
    qemu = ctx.path(override) if override else ctx.which("qemu-system-x86_64")
    if not qemu or not qemu.exists:
        fail("galeed-go's VM test runner needs qemu-system-x86_64: install the Debian package qemu-system-x86 (tools/bazel installs it) or set GALEED_VM_QEMU")
    return qemu

def _version_key(release):
    # "6.1.0-56-amd64" sorts by its numeric fields, so 6.10 follows 6.9.
    fields = release.replace("-", ".").split(".")
    return [int(f) if f.isdigit() else 0 for f in fields]

def _find_kernel(ctx):
    override = ctx.os.environ.get("GALEED_VM_KERNEL", "")
    if override:
        return ctx.path(override), None
    boot = ctx.path("/boot")
    releases = [f.basename[len("vmlinuz-"):] for f in (boot.readdir() if boot.exists else []) if f.basename.startswith("vmlinuz-")]
    if not releases:
        fail("galeed-go's VM test runner needs a Linux kernel with PKU support in /boot: install the Debian package linux-image-amd64 (tools/bazel installs it) or set GALEED_VM_KERNEL")
    release = sorted(releases, key = _version_key)[-1]
    return boot.get_child("vmlinuz-" + release), boot.get_child("config-" + release)

def _install_kernel(ctx, kernel, config_text):
    """Writes the guest kernel to ./kernel, uncompressed when qemu can boot it so.

    A copy, not a link: Debian installs kernels readable by root only, and a
    copy keeps the repository stable across kernel upgrades.
    """
    if _PVH_CONFIG in config_text:
        extract = ctx.execute([ctx.path(ctx.attr._extract_vmlinux), str(kernel), "kernel"])
        if extract.return_code == 0:
            return
    result = ctx.execute(["cp", str(kernel), "kernel"])
    if result.return_code != 0:
        fail("cannot copy the kernel {}: {}".format(kernel, result.stderr))

def _galeed_vm_host_impl(ctx):
    qemu = _find_qemu(ctx)
    kernel, config = _find_kernel(ctx)
    config_text = ctx.read(config) if config and config.exists else ""
    if config_text and _PKU_CONFIG not in config_text:
        fail("{} was built without {}: the VM cannot provide protection keys".format(kernel, _PKU_CONFIG))
    _install_kernel(ctx, kernel, config_text)
    ctx.symlink(qemu, "qemu-system-x86_64")
    ctx.file("BUILD.bazel", 'exports_files(["qemu-system-x86_64", "kernel"])\n')

galeed_vm_host = repository_rule(
    implementation = _galeed_vm_host_impl,
    doc = "The host's qemu-system-x86_64 and newest PKU-capable kernel, as declared files.",
    attrs = {
        "_extract_vmlinux": attr.label(default = "//tools/repositories:extract_vmlinux.sh"),
    },
    environ = ["GALEED_VM_QEMU", "GALEED_VM_KERNEL", "PATH"],
    local = True,
)
