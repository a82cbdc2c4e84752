/*
 * A binary's worth of cgo wrappers for the command's tests, linked with
 * cli_gates.c: a deny and a read-write Go -> C wrapper and a C -> Go one,
 * gated unless -DUNGATED.
 */
#include <stddef.h>

void galeed_enter_c(int policy, const char *call);
void galeed_leave_c(void);
void galeed_enter_go(void);
void galeed_leave_go(void);
void crosscall2(void (*fn)(void *), void *a, int n, size_t ctxt);
void f(void);

#ifdef UNGATED
#define GATED(enter, call, leave) call
#else
#define GATED(enter, call, leave) (enter, call, leave)
#endif

void _cgo_0123456789ab_Cfunc_f(void *v) { GATED(galeed_enter_c(0, "C.f"), f(), galeed_leave_c()); }

void _cgo_0123456789ab_Cfunc_rw(void *v) { GATED(galeed_enter_c(2, "C.rw"), f(), galeed_leave_c()); }

void GoF(void) { GATED(galeed_enter_go(), crosscall2(NULL, NULL, 0, 0), galeed_leave_go()); }
