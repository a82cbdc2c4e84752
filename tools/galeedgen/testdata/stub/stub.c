// The registry and gates for galeedgen's driver test: a handle is a table
// index + 1 (no tags: that is go/handles' job). resolve aborts, as the real
// one does, when a handle is unknown, of another type, or used outside Go
// mode, so accessors that skip the gate or resolve the wrong type fail.
//
// stub_c_only stands in for heap isolation seen from the other side: memory
// it returns is inaccessible in Go mode (PROT_NONE from galeed_enter_go to
// galeed_leave_go), and an access there ends the process with a report. An
// accessor given such memory as its caller's buffer must touch it in C
// mode only, so that, given Go memory instead, it would fault on the Go key
// as the caller's own access does.
#define _DEFAULT_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "galeed.h"
#include "galeed_handles.h"

int stub_in_go;   // 1 between galeed_enter_go and galeed_leave_go
int stub_entries; // galeed_enter_go calls so far

static struct {
	const void *p;
	uint32_t type;
} table[64];
static int used;

enum { c_only_size = 4 << 12 };
static char *c_only; // mapped by the first stub_c_only, c_only_size bytes
static size_t c_only_used;

static void protect_c_only(int prot) {
	if (c_only && mprotect(c_only, c_only_size, prot) != 0) {
		perror("stub: mprotect");
		abort();
	}
}

static void on_segv(int sig) {
	(void)sig;
	static const char msg[] = "stub: memory access fault (in Go mode on stub_c_only memory?)\n";
	write(2, msg, sizeof msg - 1);
	_exit(4);
}

void *stub_c_only(size_t n) {
	if (!c_only) {
		c_only = mmap(NULL, c_only_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (c_only == MAP_FAILED) {
			perror("stub: mmap");
			abort();
		}
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_segv;
		sigaction(SIGSEGV, &sa, NULL);
	}
	n = (n + 15) & ~(size_t)15;
	if (stub_in_go || n > c_only_size - c_only_used) {
		fprintf(stderr, "stub: stub_c_only(%zu) in Go mode or out of memory\n", n);
		abort();
	}
	void *p = c_only + c_only_used;
	c_only_used += n;
	return p;
}

void galeed_enter_go(void) {
	if (stub_in_go) {
		fprintf(stderr, "stub: galeed_enter_go nested\n");
		abort();
	}
	stub_in_go = 1;
	stub_entries++;
	protect_c_only(PROT_NONE);
}

void galeed_leave_go(void) {
	if (!stub_in_go) {
		fprintf(stderr, "stub: galeed_leave_go without galeed_enter_go\n");
		abort();
	}
	stub_in_go = 0;
	protect_c_only(PROT_READ | PROT_WRITE);
}

galeed_handle galeed_handle_acquire(const void *p, uint32_t type) {
	if (!stub_in_go) {
		fprintf(stderr, "stub: acquire outside Go mode\n");
		abort();
	}
	for (int i = 0; i < used; i++)
		if (table[i].p == p && table[i].type == type)
			return (galeed_handle)i + 1;
	table[used].p = p;
	table[used].type = type;
	return (galeed_handle)++used;
}

// Lifetimes are go/handles' business; a getter must name a live parent.
galeed_handle galeed_handle_acquire_child(galeed_handle parent, const void *p, uint32_t type) {
	if (parent == 0 || parent > (galeed_handle)used) {
		fprintf(stderr, "stub: child of bad parent %llu\n", (unsigned long long)parent);
		abort();
	}
	return galeed_handle_acquire(p, type);
}

void *galeed_handle_resolve(galeed_handle h, uint32_t type) {
	if (!stub_in_go || h == 0 || h > (galeed_handle)used || table[h - 1].type != type) {
		fprintf(stderr, "stub: bad resolve of handle %llu for type %#x\n", (unsigned long long)h, type);
		abort();
	}
	return (void *)table[h - 1].p;
}
