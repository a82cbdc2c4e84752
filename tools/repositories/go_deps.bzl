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

    # The database/sql driver for SQLite (cgo, with SQLite's amalgamation),
    # built unmodified by the galeed toolchain: tests/sqlite and
    # benchmarks/sqlite. Its calls' policies: tools/cc_toolchain/call_policies.txt.
    go_repository(
        name = "com_github_mattn_go_sqlite3",
        importpath = "github.com/mattn/go-sqlite3",
        # Gazelle v0.26 reads build constraints only from "// +build" lines,
        # and go-sqlite3's optional features have only "//go:build" ones: it
        # would merge every feature's #cgo flags (-DUSE_LIBSQLITE3 -lsqlite3,
        # -DSQLITE_ENABLE_UNLOCK_NOTIFY without its Go half, ...) into one
        # library. Excluding the files `go build` leaves out on linux/amd64
        # (`go list -f '{{.IgnoredGoFiles}}'`, less Gazelle's own _windows
        # and _solaris filtering) gives the library `go build` makes.
        build_directives = ["gazelle:exclude " + f for f in [
            "sqlite3_libsqlite3.go",
            "sqlite3_load_extension_omit.go",
            "sqlite3_opt_allow_uri_authority.go",
            "sqlite3_opt_app_armor.go",
            "sqlite3_opt_column_metadata.go",
            "sqlite3_opt_dbstat.go",
            "sqlite3_opt_foreign_keys.go",
            "sqlite3_opt_fts5.go",
            "sqlite3_opt_icu.go",
            "sqlite3_opt_introspect.go",
            "sqlite3_opt_math_functions.go",
            "sqlite3_opt_os_trace.go",
            "sqlite3_opt_percentile.go",
            "sqlite3_opt_preupdate_hook.go",
            "sqlite3_opt_secure_delete.go",
            "sqlite3_opt_secure_delete_fast.go",
            "sqlite3_opt_serialize_omit.go",
            "sqlite3_opt_stat4.go",
            "sqlite3_opt_unlock_notify.go",
            "sqlite3_opt_userauth.go",
            "sqlite3_opt_vacuum_full.go",
            "sqlite3_opt_vacuum_incr.go",
            "sqlite3_opt_vtable.go",
            "sqlite3_trace.go",
            "static_mock.go",
        ]],
        sum = "h1:wVbm2Qnf4OXkqhBTSPuCRZDRnxfbVrrmiCEroVdog8U=",
        version = "v1.14.52",
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
