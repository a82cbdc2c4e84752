// One iteration of each benchmarked operation, the same C for handle.c
// (compiled with the pseudo-pointer pass, which makes r a handle and each
// field access an accessor call) and raw.c (compiled without it: r is a
// pointer into Go memory). Included by those two files only.
#ifndef GALEED_BENCHMARKS_PSEUDO_OPS_H
#define GALEED_BENCHMARKS_PSEUDO_OPS_H

#include <stdint.h>

#include "benchmarks/pseudo/record/record_galeed.h"

// Keeps the compiler from keeping fields in registers across iterations or
// folding the loop: every iteration loads and stores memory, as the
// accessors do.
#define PP_BARRIER() __asm__ __volatile__("" ::: "memory")

// Single: one field read-modify-write.
static inline void pp_single_step(struct Record *r) { r->N += 5; }

// Chained: 4 reads, then 4 writes; the sum of the fields grows by 4.
static inline void pp_chained_step(struct Record *r) {
	int64_t n = r->N, a = r->A, b = r->B, c = r->C;
	r->N = a + 1;
	r->A = b + 1;
	r->B = c + 1;
	r->C = n + 1;
}

static inline int64_t pp_sum(struct Record *r) { return r->N + r->A + r->B + r->C; }

#endif
