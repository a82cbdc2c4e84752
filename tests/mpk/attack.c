// The C side of the tests: a buggy C function, and gated cgo calls into it
// written the way the next issue's generated wrappers will be (the gates
// around the call of the real function).

#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdint.h>

#include "_cgo_export.h"
#include "../../go/mpk/galeed.h"
#include "attack.h"

// noinline keeps the faulting instruction in a function of its own name,
// which the violation report must show.
__attribute__((noinline)) void buggy_write(uint64_t *p, uint64_t v) { *(volatile uint64_t *)p = v; }
__attribute__((noinline)) uint64_t buggy_read(const uint64_t *p) { return *(const volatile uint64_t *)p; }

void cgo_write(uintptr_t p, uint64_t v) {
	galeed_enter_c(GALEED_DENY, "cgo_write");
	buggy_write((uint64_t *)p, v);
	galeed_leave_c();
}

uint64_t cgo_read(uintptr_t p, int policy) {
	galeed_enter_c(policy, "cgo_read");
	uint64_t v = buggy_read((const uint64_t *)p);
	galeed_leave_c();
	return v;
}

// A NULL write: a fault in C mode that is not a PKU fault.
void cgo_null_write(void) {
	galeed_enter_c(GALEED_DENY, "cgo_null_write");
	buggy_write((uint64_t *)0, 1);
	galeed_leave_c();
}

struct thread_attack {
	uint64_t *p, v;
};

static void *attack_thread(void *a) {
	struct thread_attack *t = a;
	buggy_write(t->p, t->v);
	return 0;
}

void cgo_thread_write(uintptr_t p, uint64_t v) {
	galeed_enter_c(GALEED_DENY, "cgo_thread_write");
	struct thread_attack a = {(uint64_t *)p, v};
	pthread_t t;
	if (pthread_create(&t, 0, attack_thread, &a) == 0)
		pthread_join(t, 0);
	galeed_leave_c();
}

uint64_t cgo_add(uint64_t x) {
	galeed_enter_c(GALEED_DENY, "cgo_add");
	x++;
	galeed_leave_c();
	return x;
}

// A long C-mode loop: a xorshift generator, so the work cannot be folded.
uint64_t cgo_spin(uint64_t x, uint64_t n) {
	galeed_enter_c(GALEED_DENY, "cgo_spin");
	for (uint64_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
	galeed_leave_c();
	return x;
}

static uint32_t rdpkru(void) {
	uint32_t eax, edx;
	__asm__ volatile(".byte 0x0f, 0x01, 0xee" : "=a"(eax), "=d"(edx) : "c"(0));
	return eax;
}

// cgo_nest calls back into Go (goNest), which calls cgo_nest again, depth
// times. Each C level records the PKRU it runs with before and after its
// callback into pkru[depth][0..1] (C memory the caller owns), so the test
// can see each return restore C mode. Returns the sum of the depths.
uint64_t cgo_nest(int depth, uintptr_t pkru, int with_pku) {
	galeed_enter_c(GALEED_DENY, "cgo_nest");
	uint32_t *seen = (uint32_t *)pkru + 2 * depth;
	uint64_t sum = depth;
	if (with_pku)
		seen[0] = rdpkru();
	if (depth > 0) {
		galeed_enter_go();
		sum += goNest(depth - 1, pkru, with_pku);
		galeed_leave_go();
	}
	if (with_pku)
		seen[1] = rdpkru();
	galeed_leave_c();
	return sum;
}

// A handler as runtime/cgo's x_cgo_sigaction and the kernel's rt_sigaction
// both lay it out.
struct handler {
	uintptr_t handler;
	unsigned long flags;
	uintptr_t restorer;
	uint64_t mask;
};

int32_t x_cgo_sigaction(intptr_t sig, const struct handler *act, struct handler *old);

// handler_views returns sig's handler as the Go runtime reads it (through
// x_cgo_sigaction, which the link wraps like every reference to it) and as
// the kernel has it.
int handler_views(int sig, uintptr_t *go_view, uintptr_t *kernel_view) {
	struct handler h;
	if (x_cgo_sigaction(sig, 0, &h) != 0)
		return -1;
	*go_view = h.handler;
	if (syscall(SYS_rt_sigaction, sig, 0, &h, 8) != 0)
		return -1;
	*kernel_view = h.handler;
	return 0;
}

// cgo_altstack returns the calling thread's alternate signal stack, or 0.
uintptr_t cgo_altstack(void) {
	stack_t ss;
	if (sigaltstack(0, &ss) != 0 || (ss.ss_flags & SS_DISABLE))
		return 0;
	return (uintptr_t)ss.ss_sp;
}

// A thread C creates, kept alive (its alternate signal stack goes with it)
// until cgo_release_thread.
static struct {
	pthread_t thread;
	sem_t ready, release;
	uintptr_t altstack;
} held;

static void *held_thread(void *unused) {
	held.altstack = cgo_altstack();
	sem_post(&held.ready);
	sem_wait(&held.release);
	return unused;
}

// cgo_hold_thread starts that thread and returns its alternate signal
// stack, or 0.
uintptr_t cgo_hold_thread(void) {
	sem_init(&held.ready, 0, 0);
	sem_init(&held.release, 0, 0);
	if (pthread_create(&held.thread, 0, held_thread, 0) != 0)
		return 0;
	sem_wait(&held.ready);
	return held.altstack;
}

void cgo_release_thread(void) {
	sem_post(&held.release);
	pthread_join(held.thread, 0);
}
