/*
 * Wrappers the pass missed or got wrong, one problem each, next to one
 * gated wrapper: 1 of 11 is gated.
 */
#include "fixture.h"

void _cgo_0123456789ab_Cfunc_ok(void *v) {
	galeed_enter_c(0, "C.ok");
	void_f();
	galeed_leave_c();
}

void _cgo_0123456789ab_Cfunc_no_gates(void *v) { void_f(); }

void _cgo_0123456789ab_Cfunc_no_enter(void *v) {
	void_f();
	galeed_leave_c();
}

void _cgo_0123456789ab_Cfunc_no_leave(void *v) {
	galeed_enter_c(0, "C.no_leave");
	void_f();
}

void _cgo_0123456789ab_C2func_unbalanced(void *v) {
	galeed_enter_c(0, "C.unbalanced");
	galeed_enter_c(0, "C.unbalanced");
	void_f();
	galeed_leave_c();
}

/* The policy is no constant. */
void _cgo_0123456789ab_Cfunc_var_policy(void *v) {
	galeed_enter_c(policy_var, "C.var_policy");
	void_f();
	galeed_leave_c();
}

/* A constant, but no policy. */
void _cgo_0123456789ab_Cmacro_BAD_POLICY(void *v) {
	galeed_enter_c(7, "C.BAD_POLICY");
	void_f();
	galeed_leave_c();
}

/* The policy is set on one path only. */
void _cgo_0123456789ab_Cfunc_branchy(void *v) {
	int p = 0;
	if (*(volatile int *)v)
		p = 1;
	galeed_enter_c(p, "C.branchy");
	void_f();
	galeed_leave_c();
}

int GoUngated(int p0) {
	int a = p0;
	crosscall2(_cgoexp_0123456789ab_GoExported, &a, 8, 0);
	return a;
}

/* crosscall2 last: a tail jump at -O2, still a call into Go. */
void GoTail(void) { crosscall2(_cgoexp_0123456789ab_GoExported, 0, 0, 0); }

/* Bytes no decoder accepts (06 is undefined in 64-bit mode), then a call
 * of crosscall2. */
__asm__(".text\n"
        ".type GoUndecodable, @function\n"
        "GoUndecodable:\n"
        "  .byte 0x06\n"
        "  call crosscall2\n"
        "  ret\n"
        ".size GoUndecodable, .-GoUndecodable\n");

/* A call of crosscall2 in code no function symbol covers. */
__asm__(".text\n"
        "unsized_label:\n"
        "  call crosscall2\n"
        "  ret\n");
