// The benchmark's handle side, compiled with the pseudo-pointer pass
// (galeed_cc_library): written as if r were an ordinary pointer, it gets a
// galeed handle, and each field load or store is an accessor call, each
// between galeed_enter_go and galeed_leave_go.
#include "benchmarks/pseudo/record/ops.h"
#include "benchmarks/pseudo/record/pseudo.h"

int64_t pp_handle_single(struct Record *r, uint64_t n) {
	for (uint64_t i = 0; i < n; i++) {
		pp_single_step(r);
		PP_BARRIER();
	}
	return r->N;
}

int64_t pp_handle_chained(struct Record *r, uint64_t n) {
	for (uint64_t i = 0; i < n; i++) {
		pp_chained_step(r);
		PP_BARRIER();
	}
	return pp_sum(r);
}

int64_t pp_per_field(galeed_handle h, uint64_t n) {
	for (uint64_t i = 0; i < n; i++) {
		int64_t v = galeed_Record_get_N(h), a = galeed_Record_get_A(h), b = galeed_Record_get_B(h),
			c = galeed_Record_get_C(h);
		galeed_Record_set_N(h, a + 1);
		galeed_Record_set_A(h, b + 1);
		galeed_Record_set_B(h, c + 1);
		galeed_Record_set_C(h, v + 1);
		PP_BARRIER();
	}
	struct Record_view v;
	galeed_Record_read(h, &v);
	return v.N + v.A + v.B + v.C;
}

int64_t pp_batch(galeed_handle h, uint64_t n) {
	struct Record_view v;
	for (uint64_t i = 0; i < n; i++) {
		galeed_Record_read(h, &v);
		struct Record_view w = {.N = v.A + 1, .A = v.B + 1, .B = v.C + 1, .C = v.N + 1};
		galeed_Record_write(h, &w);
		PP_BARRIER();
	}
	galeed_Record_read(h, &v);
	return v.N + v.A + v.B + v.C;
}
