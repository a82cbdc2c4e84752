// C code that misuses what it is given. It is compiled without the
// pseudo-pointer pass, the way a library built outside the galeed rules
// would be, and written against the handle ABI directly: a function Go
// declares with a struct Counter pointer receives, in the same register,
// the galeed_handle the cgo wrapper made (attacks.h is Go's view only).

#include <stdint.h>

#include "cc/paper/paper_galeed.h"

static galeed_handle kept;

// Keeps the call-scoped handle past the call that lent it.
void keep_counter(galeed_handle h) { kept = h; }

int64_t read_kept_counter(void) { return galeed_Counter_get_N(kept); }

// Guesses a neighbour of a real handle: one tag bit flipped.
int64_t read_forged_counter(galeed_handle h) { return galeed_Counter_get_N(h ^ (UINT64_C(1) << 40)); }

// Uses a Counter handle as a Tally handle.
int32_t read_counter_as_tally(galeed_handle h) { return galeed_Tally_get_Count(h); }

// Stores a value that is no bool.
void set_counter_done(galeed_handle h, uint8_t done) { galeed_Counter_set_Done(h, done); }

// A raw pointer smuggled past everything, as an integer.
void scribble(uintptr_t p, int64_t v) { *(volatile int64_t *)p = v; }
