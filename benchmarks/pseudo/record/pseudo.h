// The benchmark's C functions as Go calls them. Each loops n times and
// returns a value that depends on every iteration.
#ifndef GALEED_BENCHMARKS_PSEUDO_H
#define GALEED_BENCHMARKS_PSEUDO_H

#include <stdint.h>

#include "benchmarks/pseudo/record/record_galeed.h"
#include "galeed_call_policy.h"

// handle.c, compiled with the pseudo-pointer pass: r is a galeed handle (the
// cgo wrapper acquires it for the call), every field access an accessor.
int64_t pp_handle_single(struct Record *r, uint64_t n);
int64_t pp_handle_chained(struct Record *r, uint64_t n);
// The chained operation with explicit accessors on an owned handle:
// per-field getters and setters, or galeed_Record_read/_write.
int64_t pp_per_field(galeed_handle h, uint64_t n);
int64_t pp_batch(galeed_handle h, uint64_t n);

// raw.c, compiled without the pass: the same C on a raw pointer to the Go
// Record, passed as an integer. Under isolation C may not touch Go memory,
// so these calls run with the readwrite policy: no isolation at all.
int64_t pp_raw_single(uintptr_t r, uint64_t n);
GALEED_CALL_POLICY(pp_raw_single, readwrite);
int64_t pp_raw_chained(uintptr_t r, uint64_t n);
GALEED_CALL_POLICY(pp_raw_chained, readwrite);

#endif
