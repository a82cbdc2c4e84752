// The demo's buggy C library: it keeps a pointer it was handed in an earlier
// call and later writes through it, a classic use-after-return bug. Called
// through cgo, that pointer points into Go memory.

#include <stdint.h>

#include "buggy.h"

static int64_t *remembered;

void lib_remember(uintptr_t p) { remembered = (int64_t *)p; }

// reset_counter believes it owns *remembered.
__attribute__((noinline)) static void reset_counter(void) { *remembered = -1; }

// Go calls it through cgo; the galeed toolchain gates that call.
void lib_reset(void) { reset_counter(); }
