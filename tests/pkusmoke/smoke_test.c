// PKU smoke test in C: proves on the host it runs on that a page tagged
// with a protection key stays usable while the key is allowed, and that
// under write-disable or access-disable the kernel stops the access with
// SIGSEGV/SEGV_PKUERR naming the address and the key, without the value
// changing. It checks the same properties as smoke_test.go, from inside the
// process: a SIGSEGV handler records the siginfo and siglongjmps back.
//
// Prints one line per assertion; exits 0 only if all of them hold.

// Keeps the go tool and Gazelle from taking this file for a cgo source of
// the Go smoke test beside it:
//go:build ignore

#define _GNU_SOURCE
#include <cpuid.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

// The protected value sits inside the page rather than at its start, so
// si_addr is checked to the byte.
#define SLOT_OFFSET 0x40

static const uint64_t original = 0x5afe5afe5afe5afeull;
static const uint64_t updated = 0x00c0ffee00c0ffeeull;
static const uint64_t attack = 0xbadbadbadbadbad0ull;

// PKRU holds two bits per key: AD (access disable) at 2k, WD (write
// disable) at 2k+1.
#define PKRU_AD(key) (1u << (2 * (key)))
#define PKRU_WD(key) (1u << (2 * (key) + 1))

#define CPUID_PKU (1u << 3)   // CPUID.07H:ECX: the CPU implements protection keys
#define CPUID_OSPKE (1u << 4) // CPUID.07H:ECX: the kernel enabled them (CR4.PKE)

// The encodings are spelled out so the test needs no assembler support.
// Both instructions require ECX = 0; WRPKRU also EDX = 0.
static uint32_t rdpkru(void) {
	uint32_t eax, edx;
	__asm__ volatile(".byte 0x0f, 0x01, 0xee" : "=a"(eax), "=d"(edx) : "c"(0));
	return eax;
}

// The memory clobber keeps the compiler from moving the accesses the new
// rights are meant to govern across the write.
static void wrpkru(uint32_t pkru) {
	__asm__ volatile(".byte 0x0f, 0x01, 0xef" : : "a"(pkru), "c"(0), "d"(0) : "memory");
}

// no_pku_reason returns why RDPKRU/WRPKRU would raise SIGILL here, or NULL
// when the host supports protection keys. Same wording as pkeys.HostSupport.
static const char *no_pku_reason(void) {
	unsigned int eax, ebx, ecx, edx;
	if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
		return "CPUID has no leaf 7";
	if (!(ecx & CPUID_PKU))
		return "the CPU does not implement protection keys: CPUID.07H:ECX.PKU=0";
	if (!(ecx & CPUID_OSPKE))
		return "the CPU implements protection keys but the kernel did not enable them: "
		       "CPUID.07H:ECX.OSPKE=0; needs CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS";
	return NULL;
}

static int failures;

static void check(int ok, const char *format, ...) {
	va_list ap;
	va_start(ap, format);
	printf("%-5s ", ok ? "ok:" : "FAIL:");
	vprintf(format, ap);
	printf("\n");
	va_end(ap);
	if (!ok)
		failures++;
}

static volatile uint64_t *slot;
static volatile uint64_t sink;

// The siginfo of the last expected fault, as the handler saw it.
static struct {
	int signo, code;
	void *addr;
	uint32_t pkey;
} fault;
static sigjmp_buf recover;
static volatile sig_atomic_t fault_expected;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
	(void)sig;
	(void)ctx;
	if (!fault_expected) {
		// Not ours: return into the faulting instruction with the
		// default action, so the process dies with a core as usual.
		signal(SIGSEGV, SIG_DFL);
		return;
	}
	fault_expected = 0;
	fault.signo = si->si_signo;
	fault.code = si->si_code;
	fault.addr = si->si_addr;
	fault.pkey = si->si_pkey;
	siglongjmp(recover, 1);
}

static void write_attack(void) { *slot = attack; }
static void read_slot(void) { sink = *slot; }

// faults runs access under pkru and reports whether it raised SIGSEGV.
// After a fault the thread keeps the PKRU the kernel gave the handler
// (only key 0 allowed), not pkru: siglongjmp does not restore PKRU, so
// callers write the PKRU they need next.
static int faults(void (*access)(void), uint32_t pkru) {
	fault.signo = fault.code = 0;
	fault.addr = NULL;
	fault.pkey = 0;
	if (sigsetjmp(recover, 1) != 0)
		return 1;
	fault_expected = 1;
	wrpkru(pkru);
	access();
	fault_expected = 0;
	return 0;
}

static void check_pku_fault(const char *access, void (*fn)(void), uint32_t pkru, int key) {
	int faulted = faults(fn, pkru);
	check(faulted, "%s at %p under pkru=%#010x faults", access, (void *)slot, pkru);
	if (!faulted)
		return;
	printf("      observed: si_signo=%d si_code=%d si_addr=%p si_pkey=%u\n", fault.signo, fault.code,
	       fault.addr, fault.pkey);
	check(fault.signo == SIGSEGV && fault.code == SEGV_PKUERR,
	      "%s fault is SIGSEGV with si_code SEGV_PKUERR (%d): got signal %d si_code %d", access,
	      SEGV_PKUERR, fault.signo, fault.code);
	check(fault.addr == (void *)slot, "%s fault has si_addr %p: got %p", access, (void *)slot, fault.addr);
	check(fault.pkey == (uint32_t)key, "%s fault has si_pkey %d: got %u", access, key, fault.pkey);
}

int main(void) {
	setvbuf(stdout, NULL, _IONBF, 0);
	const char *reason = no_pku_reason();
	if (reason != NULL) {
		printf("FAIL: host has no PKU (%s): run this test through galeed_vm_test\n", reason);
		return 1;
	}

	struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO};
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, NULL) != 0) {
		perror("FAIL: sigaction(SIGSEGV)");
		return 1;
	}

	int key = pkey_alloc(0, 0);
	if (key < 0) {
		perror("FAIL: pkey_alloc");
		return 1;
	}
	long page_size = sysconf(_SC_PAGESIZE);
	char *page = mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED) {
		perror("FAIL: mmap");
		return 1;
	}
	if (pkey_mprotect(page, page_size, PROT_READ | PROT_WRITE, key) != 0) {
		perror("FAIL: pkey_mprotect");
		return 1;
	}
	slot = (volatile uint64_t *)(page + SLOT_OFFSET);
	printf("key %d tags the page at %p; the value lives at %p\n", key, (void *)page, (void *)slot);

	uint32_t allowed = rdpkru() & ~(PKRU_AD(key) | PKRU_WD(key));
	uint32_t write_disabled = allowed | PKRU_WD(key);
	uint32_t access_disabled = allowed | PKRU_AD(key);

	wrpkru(allowed);
	check(rdpkru() == allowed, "WRPKRU %#010x reads back: got %#010x", allowed, rdpkru());
	*slot = original;
	check(*slot == original, "write and read of %#llx succeed while key %d is allowed (pkru=%#010x)",
	      (unsigned long long)original, key, allowed);

	wrpkru(write_disabled);
	uint64_t v = *slot;
	check(v == original, "read under write-disable (pkru=%#010x) succeeds: got %#llx", write_disabled,
	      (unsigned long long)v);
	check_pku_fault("write", write_attack, write_disabled, key);

	wrpkru(allowed);
	v = *slot;
	check(v == original, "value survives the blocked write of %#llx: got %#llx", (unsigned long long)attack,
	      (unsigned long long)v);

	check_pku_fault("read", read_slot, access_disabled, key);

	wrpkru(allowed);
	*slot = updated;
	v = *slot;
	check(v == updated, "write and read of %#llx succeed again after re-enabling key %d: got %#llx",
	      (unsigned long long)updated, key, (unsigned long long)v);

	printf("%s: %d assertion(s) failed\n", failures ? "FAIL" : "PASS", failures);
	return failures ? 1 : 0;
}
