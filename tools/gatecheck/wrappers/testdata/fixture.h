/*
 * What the fixtures share: galeed-go's gates and runtime/cgo's crosscall2,
 * stubbed in gates.c, and the C functions the wrappers call, in impl.c.
 * Separate translation units keep every call a call at -O2.
 */
#include <stddef.h>

void galeed_enter_c(int policy, const char *call);
void galeed_leave_c(void);
void galeed_enter_go(void);
void galeed_leave_go(void);
void crosscall2(void (*fn)(void *), void *a, int n, size_t ctxt);

int deny_f(int);
int ro_f(int);
int rw_f(int);
int errno_f(int);
void void_f(void);
extern int *counter_ptr;
extern int policy_var;
void _cgoexp_0123456789ab_GoExported(void *);
