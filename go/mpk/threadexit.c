// Go code on a C thread's exit path. A thread C created that calls into Go
// keeps the M the Go runtime bound to it, and runtime/cgo's pthread key
// destructor hands that M back as the thread exits: a call into Go through
// the function pointer x_crosscall2_ptr, made from the exit path, in C mode,
// where no cgo wrapper (and so no gate) is in between. The runtime binds the
// M through x_cgo_bindm, which the link wraps: by then the runtime has set
// x_crosscall2_ptr, and the wrapper puts a gated call in its place, once.

#include <pthread.h>
#include <stddef.h>

#include "mpk.h"

typedef void (*crosscall2_fn)(void (*fn)(void *), void *, int, size_t);

extern crosscall2_fn x_crosscall2_ptr;
static crosscall2_fn go_crosscall2;

static void gated_crosscall2(void (*fn)(void *), void *a, int n, size_t ctxt) {
	galeed_enter_go();
	go_crosscall2(fn, a, n, ctxt);
	galeed_leave_go();
}

static void install_gated_crosscall2(void) {
	go_crosscall2 = x_crosscall2_ptr;
	x_crosscall2_ptr = gated_crosscall2;
}

void __real_x_cgo_bindm(void *g);

void __wrap_x_cgo_bindm(void *g) {
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, install_gated_crosscall2);
	__real_x_cgo_bindm(g);
}
