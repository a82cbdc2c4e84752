/* The C functions the fixtures' wrappers call. */
#include "fixture.h"

int deny_f(int x) { return x + 1; }
int ro_f(int x) { return x + 2; }
int rw_f(int x) { return x + 3; }
int errno_f(int x) { return x + 4; }
void void_f(void) {}
static int counter;
int *counter_ptr = &counter;
int policy_var = 1;
void _cgoexp_0123456789ab_GoExported(void *a) {}
int main(void) { return 0; }
