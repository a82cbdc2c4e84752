// The C side of the tests: buggy C functions and the cgo calls into them.
// None of it calls a gate: the galeed toolchain gates every cgo call (and
// the goNest callback) with the policy declared in attack.h.

#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdint.h>

#include "_cgo_export.h"
#include "attack.h"

// noinline keeps the faulting instruction in a function of its own name,
// which the violation report must show.
__attribute__((noinline)) void buggy_write(uint64_t *p, uint64_t v) { *(volatile uint64_t *)p = v; }
__attribute__((noinline)) uint64_t buggy_read(const uint64_t *p) { return *(const volatile uint64_t *)p; }

void cgo_write(uintptr_t p, uint64_t v) { buggy_write((uint64_t *)p, v); }
void cgo_write_readwrite(uintptr_t p, uint64_t v) { buggy_write((uint64_t *)p, v); }
uint64_t cgo_read(uintptr_t p) { return buggy_read((const uint64_t *)p); }
uint64_t cgo_read_readonly(uintptr_t p) { return buggy_read((const uint64_t *)p); }

// Calls back into Go, which makes Write's deny call: the report of that
// call's fault names this read-write call around it.
void cgo_callback_readwrite(uintptr_t p, uint64_t v) { goWriteFromCallback(p, v); }

static void *callback_thread(void *unused) {
	goCallbackFromCThread();
	return unused;
}

// A thread C creates calls into Go and exits. The Go runtime keeps an M
// bound to such a thread and releases it from a pthread key destructor as
// the thread exits, in C mode. Returns 0 when the thread ran and exited.
int cgo_thread_callback(void) {
	pthread_t t;
	if (pthread_create(&t, 0, callback_thread, 0) != 0)
		return -1;
	return pthread_join(t, 0);
}

// A NULL write: a fault in C mode that is not a PKU fault.
void cgo_null_write(void) { buggy_write((uint64_t *)0, 1); }

struct thread_attack {
	uint64_t *p, v;
};

static void *attack_thread(void *a) {
	struct thread_attack *t = a;
	buggy_write(t->p, t->v);
	return 0;
}

void cgo_thread_write(uintptr_t p, uint64_t v) {
	struct thread_attack a = {(uint64_t *)p, v};
	pthread_t t;
	if (pthread_create(&t, 0, attack_thread, &a) == 0)
		pthread_join(t, 0);
}

uint64_t cgo_add(uint64_t x) { return x + 1; }

// A long C-mode loop: a xorshift generator, so the work cannot be folded.
uint64_t cgo_spin(uint64_t x, uint64_t n) {
	for (uint64_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
	}
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
	uint32_t *seen = (uint32_t *)pkru + 2 * depth;
	uint64_t sum = depth;
	if (with_pku)
		seen[0] = rdpkru();
	if (depth > 0)
		sum += goNest(depth - 1, pkru, with_pku);
	if (with_pku)
		seen[1] = rdpkru();
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
// the kernel has it. It returns them by value: the cgo wrapper, in Go mode,
// stores them in Go memory.
struct handler_views handler_views(int sig) {
	struct handler_views v = {0};
	struct handler h;
	if (x_cgo_sigaction(sig, 0, &h) != 0)
		return v;
	v.go_view = h.handler;
	if (syscall(SYS_rt_sigaction, sig, 0, &h, 8) != 0)
		return v;
	v.kernel_view = h.handler;
	v.ok = 1;
	return v;
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
