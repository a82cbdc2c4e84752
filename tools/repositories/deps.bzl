"""The repositories galeed-go needs before rules_go and Gazelle can be loaded.

Everything comes from the Go module proxy, from Debian's packages (installed by
tools/bazel) or from this repository; nothing is downloaded from anywhere else.
"""

load(":go_module.bzl", "go_module_archive")
load(":llvm_host.bzl", "galeed_llvm_host")
load(":vm_host.bzl", "galeed_vm_host")

def galeed_workspace_dependencies():
    """Declares the rule sets, shims and host tools; call first in WORKSPACE."""

    # Debian's bazel-skylib, bazel-platforms and bazel-rules-java packages.
    native.local_repository(name = "bazel_skylib", path = "/usr/share/bazel/tools/skylib")
    native.local_repository(name = "platforms", path = "/usr/share/bazel/tools/platforms")
    native.local_repository(name = "rules_java", path = "/usr/share/bazel/rules/java")

    # Debian's bazel-rules-cc needs a newer Bazel; the native C++ rules suffice.
    native.local_repository(name = "rules_cc", path = "tools/repositories/rules_cc")

    # `bazel test` resolves this repository even with coverage off.
    native.local_repository(name = "remote_coverage_tools", path = "tools/repositories/remote_coverage_tools")

    # v0.34.0 is the newest rules_go that loads in Bazel 4.2.3.
    go_module_archive(
        name = "io_bazel_rules_go",
        module = "github.com/bazelbuild/rules_go",
        version = "v0.34.0",
        sum = "h1:cmObMtgIOaEU944SqXtJ9DnlS8IPGGa7pdRnsrpQzXM=",
        patches = ["//tools/repositories/patches:rules_go-v0.34.0.patch"],
    )
    go_module_archive(
        name = "bazel_gazelle",
        module = "github.com/bazelbuild/bazel-gazelle",
        version = "v0.26.0",
        sum = "h1:/gh8S450+nfr3wYI6bTYEi297obbVcMObavhPuB7LVo=",
        patches = ["//tools/repositories/patches:bazel_gazelle-v0.26.0.patch"],
    )

    galeed_vm_host(name = "galeed_vm_host")
    galeed_llvm_host(name = "galeed_llvm_host")
