// C code that misuses what it is given. It is compiled without the
// pseudo-pointer pass, the way a library built outside the galeed rules
// would be, and written against the handle ABI directly: a function Go
// declares with a struct Counter pointer receives, in the same register,
// the galeed_handle the cgo wrapper made (attacks.h is Go's view only).

#include <stddef.h>
#include <stdint.h>

#include "cc/paper/paper_galeed.h"
#include "cc/records/records_galeed.h"

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

// Confused deputies: accessors that move memory between a Go field and a
// buffer C names, given an address in Go memory (an integer) as that buffer.
// The accessor must access it as C would, in C mode, never on C's behalf in
// Go mode.

// Copies the record's name over dst.
size_t copy_name_to(galeed_handle h, uintptr_t dst, size_t n) { return galeed_Record_copy_Name(h, 0, (char *)dst, n); }

// Copies src into the record's tags, then reads them back: Go memory at src
// exfiltrated through the record.
uint64_t copyin_tags_from(galeed_handle h, uintptr_t src) {
	galeed_Record_copyin_Tags(h, 0, (const uint16_t *)src, 4);
	uint64_t v = 0;
	for (size_t i = 0; i < 4; i++)
		v |= (uint64_t)galeed_Record_get_Tags(h, i) << (16 * i);
	return v;
}

// Batch-reads the counter into v.
void read_counter_into(galeed_handle h, uintptr_t v) { galeed_Counter_read(h, (struct Counter_view *)v); }
