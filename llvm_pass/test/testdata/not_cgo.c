// Functions the gate passes must leave alone: C code calling C, names that
// only resemble cgo's wrappers, and cgo's helpers called from elsewhere.
void hello(void);
char *_cgo_topofstack(void);
void crosscall_2(void (*fn)(void *), void *, int, unsigned long);

void calls_hello(void) { hello(); }
void _cgo_Cfunc_hello(void *v) { hello(); }
void _cgo_0123456789ab_Cvar_hello(void *v) { hello(); }
void _cgo_012345678xyz_Cfunc_hello(void *v) { hello(); }
void _cgo_0123456789ab_Cfunc_(void *v) { hello(); }
void x_cgo_0123456789ab_Cfunc_hello(void *v) { hello(); }
char *stack_top(void) { return _cgo_topofstack(); }
void near_crosscall2(void) { crosscall_2(0, 0, 0, 0); }
