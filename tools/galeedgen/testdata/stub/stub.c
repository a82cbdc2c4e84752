// The registry and gates for galeedgen's driver test: a handle is a table
// index + 1 (no tags: that is go/handles' job). resolve aborts, as the real
// one does, when a handle is unknown, of another type, or used outside Go
// mode, so accessors that skip the gate or resolve the wrong type fail.
#include <stdio.h>
#include <stdlib.h>

#include "galeed.h"
#include "galeed_handles.h"

int stub_in_go;   // 1 between galeed_enter_go and galeed_leave_go
int stub_entries; // galeed_enter_go calls so far

static struct {
	const void *p;
	uint32_t type;
} table[64];
static int used;

void galeed_enter_go(void) {
	if (stub_in_go) {
		fprintf(stderr, "stub: galeed_enter_go nested\n");
		abort();
	}
	stub_in_go = 1;
	stub_entries++;
}

void galeed_leave_go(void) {
	if (!stub_in_go) {
		fprintf(stderr, "stub: galeed_leave_go without galeed_enter_go\n");
		abort();
	}
	stub_in_go = 0;
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

void *galeed_handle_resolve(galeed_handle h, uint32_t type) {
	if (!stub_in_go || h == 0 || h > (galeed_handle)used || table[h - 1].type != type) {
		fprintf(stderr, "stub: bad resolve of handle %llu for type %#x\n", (unsigned long long)h, type);
		abort();
	}
	return (void *)table[h - 1].p;
}
