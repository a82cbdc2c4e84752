// clang-14 with the plugin (-fpass-plugin), as the galeed toolchain will run
// it: a wrapper shaped like cgo's (see call_args_result.ll for the real one)
// gets its gates at the start of the -O2 pipeline, before inlining, and they
// survive optimization around the inlined body of a static inline function.
// Checked by clang_test.sh.
#include "galeed_call_policy.h"

extern char *_cgo_topofstack(void);
static inline int sq(int x) { return x * x; }
GALEED_CALL_POLICY(sq, readonly);

// CHECK-LABEL: define {{.*}}void @_cgo_0123456789ab_Cfunc_sq(
// CHECK:         [[X:%[0-9]+]] = load i32
// CHECK-NEXT:    tail call void @galeed_enter_c(i32 1, {{.*}}@galeed.call.sq
// CHECK-NEXT:    [[R:%[0-9]+]] = mul nsw i32 [[X]], [[X]]
// CHECK-NEXT:    tail call void @galeed_leave_c()
// CHECK-NEXT:    tail call i8* @_cgo_topofstack()
// CHECK-NOT:     @galeed_
// CHECK:         store i32 [[R]]
void _cgo_0123456789ab_Cfunc_sq(void *v) {
	struct {
		int p0;
		char __pad4[4];
		int r;
		char __pad12[4];
	} __attribute__((__packed__)) *_cgo_a = v;
	char *_cgo_stktop = _cgo_topofstack();
	__typeof__(_cgo_a->r) _cgo_r;
	_cgo_r = sq(_cgo_a->p0);
	_cgo_a = (void *)((char *)_cgo_a + (_cgo_topofstack() - _cgo_stktop));
	_cgo_a->r = _cgo_r;
}
