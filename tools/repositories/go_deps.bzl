"""Go modules the monorepo and its tools import, fetched through the module proxy.

Declared before go_rules_dependencies(), which otherwise declares its own
org_golang_x_sys and org_golang_x_tools as archive downloads that cannot succeed offline. Keep the
versions in step with go.mod.
"""

load("@bazel_gazelle//:deps.bzl", "go_repository")

def galeed_go_dependencies():
    go_repository(
        name = "org_golang_x_sys",
        importpath = "golang.org/x/sys",
        sum = "h1:3yZWxaJjBmCWXqhN1qh02AkOnCQ1poK6oF+a7xWL6Gc=",
        version = "v0.38.0",
    )

    # Gazelle's own command needs golang.org/x/tools/go/vcs; the version is
    # the one Gazelle v0.26.0's go.mod asks for.
    go_repository(
        name = "org_golang_x_tools",
        importpath = "golang.org/x/tools",
        # Gazelle v0.26.0 leaves this import unresolved in x/tools' BUILD files.
        build_directives = ["gazelle:resolve go golang.org/x/sys/execabs @org_golang_x_sys//execabs"],
        sum = "h1:loJ25fNOEhSXfHrpoGj91eCUThwdNX6u24rO1xnNteY=",
        version = "v0.1.11",
    )
