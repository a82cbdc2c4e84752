/*
 * Every shape of wrapper cmd/cgo generates, gated as llvm_pass gates them:
 * 7 Go -> C wrappers (5 deny, 1 read-only, 1 read-write) and 1 C -> Go.
 */
#include <errno.h>
#include <stdlib.h>

#include "fixture.h"

struct frame {
	int p0;
	int r;
	int err;
};

void _cgo_0123456789ab_Cfunc_deny_f(void *v) {
	struct frame *a = v;
	galeed_enter_c(0, "C.deny_f");
	int r = deny_f(a->p0);
	galeed_leave_c();
	a->r = r;
}

void _cgo_0123456789ab_Cfunc_ro_f(void *v) {
	struct frame *a = v;
	galeed_enter_c(1, "C.ro_f");
	int r = ro_f(a->p0);
	galeed_leave_c();
	a->r = r;
}

void _cgo_0123456789ab_Cfunc_rw_f(void *v) {
	struct frame *a = v;
	galeed_enter_c(2, "C.rw_f");
	int r = rw_f(a->p0);
	galeed_leave_c();
	a->r = r;
}

/* C.errno_f called for (result, errno). */
void _cgo_0123456789ab_C2func_errno_f(void *v) {
	struct frame *a = v;
	errno = 0;
	galeed_enter_c(0, "C.errno_f");
	int r = errno_f(a->p0);
	galeed_leave_c();
	a->r = r;
	a->err = errno;
}

/* A macro used as a value: its evaluation is gated. */
void _cgo_0123456789ab_Cmacro_COUNTER(void *v) {
	struct frame *a = v;
	galeed_enter_c(0, "C.COUNTER");
	int r = *counter_ptr;
	galeed_leave_c();
	a->r = r;
}

/* cgo's own C.malloc wrapper: two gated calls. */
void _cgo_0123456789ab_Cfunc__Cmalloc(void *v) {
	struct {
		unsigned long long p0;
		void *r1;
	} *a = v;
	galeed_enter_c(0, "C.malloc");
	void *ret = malloc(a->p0);
	galeed_leave_c();
	if (ret == NULL && a->p0 == 0) {
		galeed_enter_c(0, "C.malloc");
		ret = malloc(1);
		galeed_leave_c();
	}
	a->r1 = ret;
}

/* Nothing after the call: at -O2 galeed_leave_c is a tail jump. */
void _cgo_0123456789ab_Cfunc_void_f(void *v) {
	galeed_enter_c(0, "C.void_f");
	void_f();
	galeed_leave_c();
}

/* An //export wrapper from _cgo_export.c. */
int GoExported(int p0) {
	struct frame a = {p0, 0, 0};
	galeed_enter_go();
	crosscall2(_cgoexp_0123456789ab_GoExported, &a, 8, 0);
	galeed_leave_go();
	return a.r;
}
