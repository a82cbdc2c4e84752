// Signal handling with the Go key. The kernel runs every handler with its
// default PKRU, in which only key 0 is accessible, but Go's handler starts by
// reading g and m from Go memory. So the link wraps runtime/cgo's
// x_cgo_sigaction, through which the Go runtime installs and queries all its
// handlers: the kernel gets the trampoline below instead, which switches to
// Go mode (a checked gate) and calls Go's handler with the same arguments;
// sigreturn then restores the interrupted thread's own PKRU. Queries answer
// with Go's handler, so Go never sees a foreign one and reinstalls it.

#define _GNU_SOURCE
#include <signal.h>

#include "mpk.h"
#include "pkru.h"

// runtime/cgo's go_sigaction_t (gcc_sigaction.c): the runtime's sigactiont.
typedef struct {
	uintptr_t handler;
	unsigned long flags;
	uintptr_t restorer;
	uint64_t mask;
} go_sigaction_t;

static void galeed_sigtramp(int sig, siginfo_t *info, void *ctx) {
	galeed_wrpkru_go();
	if (sig == SIGSEGV && info->si_code == SEGV_PKUERR && info->si_pkey == (uint32_t)galeed_cfg.key)
		galeed_report(info, ctx);
	uintptr_t go = __atomic_load_n(&galeed_cfg.go_handlers[sig], __ATOMIC_ACQUIRE);
	((void (*)(int, siginfo_t *, void *))go)(sig, info, ctx);
}

int32_t __real_x_cgo_sigaction(intptr_t sig, const go_sigaction_t *act, go_sigaction_t *old);

int32_t __wrap_x_cgo_sigaction(intptr_t sig, const go_sigaction_t *act, go_sigaction_t *old) {
	if (!galeed_cfg.active || sig <= 0 || sig >= NSIG)
		return __real_x_cgo_sigaction(sig, act, old);
	uintptr_t *slot = &galeed_cfg.go_handlers[sig];
	uintptr_t prev = *slot;
	go_sigaction_t via = {0};
	// SIG_DFL (0) and SIG_IGN (1) are not handlers to wrap.
	if (act && act->handler > 1 && (act->flags & SA_SIGINFO)) {
		via = *act;
		via.handler = (uintptr_t)galeed_sigtramp;
		__atomic_store_n(slot, act->handler, __ATOMIC_RELEASE);
		act = &via;
	}
	int32_t err = __real_x_cgo_sigaction(sig, act, old);
	if (err)
		__atomic_store_n(slot, prev, __ATOMIC_RELEASE);
	else if (old && old->handler == (uintptr_t)galeed_sigtramp)
		old->handler = prev;
	return err;
}
