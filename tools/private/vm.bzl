"""Implementation of galeed_vm_test and galeed_vm_binary; load them from //tools:defs.bzl.

The rule packs the wrapped binary, its runfiles and the guest init into an
initramfs at build time (//tools/vm/mkinitramfs), and makes the target's
executable a launcher for //tools/vm/runner, which at run time either execs
the binary natively (the host has PKU) or boots it under
`qemu-system-x86_64 -cpu max` and brings back its output, exit status and
test XML.
"""

load(":launcher.bzl", "shell_quote", "shell_words", "write_launcher")

def _runfiles_path(ctx, file):
    # External files have short paths like "../repo/path"; main-repository
    # files live under the workspace name in every runfiles tree.
    if file.short_path.startswith("../"):
        return file.short_path[len("../"):]
    return ctx.workspace_name + "/" + file.short_path

def _initramfs_manifest(ctx, runfiles):
    """Lines of "<runfiles path>\\t<exec path>" for every file of runfiles."""
    lines = ["{}\t{}".format(_runfiles_path(ctx, f), f.path) for f in runfiles.files.to_list()]
    lines += ["{}/{}\t{}".format(ctx.workspace_name, s.path, s.target_file.path) for s in runfiles.symlinks.to_list()]
    lines += ["{}\t{}".format(s.path, s.target_file.path) for s in runfiles.root_symlinks.to_list()]
    lines += ["{}/{}\t".format(ctx.workspace_name, name) for name in runfiles.empty_filenames.to_list()]
    return "\n".join(sorted(lines)) + "\n"

# The runner resolves its runfiles paths against RUNFILES_DIR, which Bazel
# sets for neither tests (TEST_SRCDIR) nor `bazel run` ($0.runfiles).
_LAUNCHER = """if [[ -z "${{RUNFILES_DIR:-}}" ]]; then
  if [[ -n "${{TEST_SRCDIR:-}}" ]]; then
    export RUNFILES_DIR="${{TEST_SRCDIR}}"
  else
    export RUNFILES_DIR="$0.runfiles"
  fi
fi
exec "${{RUNFILES_DIR}}"/{runner} {flags} -- {arguments} "$@"
"""

def _galeed_vm_impl(ctx):
    binary_info = ctx.attr.binary[DefaultInfo]
    binary = binary_info.files_to_run.executable
    binary_runfiles = binary_info.default_runfiles
    data_runfiles = ctx.runfiles(ctx.files.data)
    for d in ctx.attr.data:
        data_runfiles = data_runfiles.merge(d[DefaultInfo].default_runfiles)
    guest_runfiles = binary_runfiles.merge(data_runfiles).merge(ctx.runfiles([binary]))

    manifest = ctx.actions.declare_file(ctx.label.name + "_initramfs.manifest")
    ctx.actions.write(manifest, _initramfs_manifest(ctx, guest_runfiles))

    initramfs = ctx.actions.declare_file(ctx.label.name + "_initramfs.cpio")
    ctx.actions.run(
        executable = ctx.executable._mkinitramfs,
        arguments = [
            "--init",
            ctx.executable._init.path,
            "--manifest",
            manifest.path,
            "--main",
            _runfiles_path(ctx, binary),
            "--workspace",
            ctx.workspace_name,
            "--out",
            initramfs.path,
        ],
        inputs = depset([manifest, ctx.executable._init], transitive = [guest_runfiles.files]),
        outputs = [initramfs],
        mnemonic = "GaleedInitramfs",
        progress_message = "Packing %s and its runfiles into a VM initramfs" % ctx.attr.binary.label,
    )

    flags = [
        "--qemu",
        _runfiles_path(ctx, ctx.file._qemu),
        "--kernel",
        _runfiles_path(ctx, ctx.file._kernel),
        "--initramfs",
        _runfiles_path(ctx, initramfs),
        "--binary",
        _runfiles_path(ctx, binary),
        "--cpus",
        str(ctx.attr.cpus),
        "--memory-mb",
        str(ctx.attr.memory_mb),
    ]
    launcher = write_launcher(
        ctx,
        "galeed_vm_test/galeed_vm_binary (//tools/private/vm.bzl) to run {} with PKU".format(ctx.attr.binary.label),
        _LAUNCHER.format(
            runner = shell_quote(_runfiles_path(ctx, ctx.executable._runner)),
            flags = shell_words(flags),
            arguments = shell_words([ctx.expand_location(a, ctx.attr.data) for a in ctx.attr.arguments]),
        ),
    )

    runfiles = ctx.runfiles([initramfs, ctx.file._qemu, ctx.file._kernel])
    runfiles = runfiles.merge(guest_runfiles).merge(ctx.attr._runner[DefaultInfo].default_runfiles)
    return [DefaultInfo(executable = launcher, runfiles = runfiles)]

_ATTRS = {
    "binary": attr.label(
        mandatory = True,
        executable = True,
        cfg = "target",
        doc = "The program to run with PKU: a go_test, cc_test, go_binary or any executable. " +
              "Dynamically linked binaries are fine: their loader and libraries are packed too.",
    ),
    "data": attr.label_list(
        allow_files = True,
        doc = "More files for `binary`, with their runfiles: on the host and in the guest alike.",
    ),
    "arguments": attr.string_list(
        doc = "Arguments for `binary`, before those given at run time. $(rootpath <label>) " +
              "names a file of `data`: relative to the working directory, the main " +
              "repository's runfiles directory, in the guest as under `bazel run` and `bazel test`.",
    ),
    "cpus": attr.int(default = 2, doc = "Virtual CPUs of the guest."),
    "memory_mb": attr.int(default = 1024, doc = "Memory of the guest, in MiB."),
    "_init": attr.label(default = "//tools/vm/init", executable = True, cfg = "target"),
    "_mkinitramfs": attr.label(default = "//tools/vm/mkinitramfs", executable = True, cfg = "exec"),
    "_runner": attr.label(default = "//tools/vm/runner", executable = True, cfg = "target"),
    "_qemu": attr.label(default = "@galeed_vm_host//:qemu-system-x86_64", allow_single_file = True),
    "_kernel": attr.label(default = "@galeed_vm_host//:kernel", allow_single_file = True),
}

galeed_vm_test = rule(
    implementation = _galeed_vm_impl,
    attrs = _ATTRS,
    test = True,
)

galeed_vm_binary = rule(
    implementation = _galeed_vm_impl,
    attrs = _ATTRS,
    executable = True,
)
