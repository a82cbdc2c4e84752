// No gate in sight: galeed-cc's pass gates every cgo call into this file.

#include "ledger.h"

static int64_t *kept;

void ledger_keep(uintptr_t p) { kept = (int64_t *)p; }

// noinline keeps the faulting store in a function the report names.
__attribute__((noinline)) static void store(int64_t *p, int64_t v) { *(volatile int64_t *)p = v; }

void ledger_scribble(void) { store(kept, -1); }

// Declared read-only by the manifest galeed-cc is given (call_policies.txt).
int64_t ledger_peek(uintptr_t p) { return *(const volatile int64_t *)p; }
