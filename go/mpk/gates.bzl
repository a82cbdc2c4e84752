"""The symbols of go/mpk that execute WRPKRU: its gates and signal trampoline.

A binary protected by go/mpk writes PKRU only inside these functions;
pkruscan_test(allow = GALEED_GATE_SYMBOLS) proves it, and fails when any of
them stops containing the instruction, so the list cannot go stale.
"""

GALEED_GATE_SYMBOLS = [
    "galeed_enter_c",
    "galeed_enter_go",
    "galeed_leave_c",
    "galeed_leave_go",
    "galeed_sigtramp",
]
