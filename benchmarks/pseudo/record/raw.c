// The benchmark's raw side, compiled without the pseudo-pointer pass: the
// same C as handle.c on a raw pointer into Go memory. Go calls these with
// the readwrite policy (pseudo.h), without isolation.
#include "benchmarks/pseudo/record/ops.h"
#include "benchmarks/pseudo/record/pseudo.h"

int64_t pp_raw_single(uintptr_t p, uint64_t n) {
	struct Record *r = (struct Record *)p;
	for (uint64_t i = 0; i < n; i++) {
		pp_single_step(r);
		PP_BARRIER();
	}
	return r->N;
}

int64_t pp_raw_chained(uintptr_t p, uint64_t n) {
	struct Record *r = (struct Record *)p;
	for (uint64_t i = 0; i < n; i++) {
		pp_chained_step(r);
		PP_BARRIER();
	}
	return pp_sum(r);
}
