"""Finds the host's Go toolchain for repository rules.

galeed-go builds with the Go installed on the machine (the only Go that is
available offline); repository rules that run `go` find it here, in one place.
"""

def host_go(ctx):
    """Returns the path of the host's `go` binary or fails with what to install."""
    goroot = ctx.os.environ.get("GOROOT", "")
    candidates = [goroot + "/bin/go"] if goroot else []
    on_path = ctx.which("go")
    if on_path:
        candidates.append(str(on_path))
    candidates.append("/usr/local/go/bin/go")
    for candidate in candidates:
        if ctx.path(candidate).exists:
            return ctx.path(candidate)
    fail("galeed-go needs a Go toolchain (1.21 or newer): none at $GOROOT/bin/go, on PATH or at /usr/local/go/bin/go")

def execute_or_fail(ctx, what, args, **kwargs):
    """Runs args in a repository rule; fails naming what was being done."""
    result = ctx.execute(args, **kwargs)
    if result.return_code != 0:
        fail("{} failed (exit {}):\n{}{}".format(what, result.return_code, result.stdout, result.stderr))
    return result
