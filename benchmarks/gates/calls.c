// The two calls the benchmark compares, and how it tells emulation apart.

#include <cpuid.h>
#include <string.h>

#include "../../go/mpk/galeed.h"
#include "calls.h"

uint64_t plain(uint64_t x) { return x + 1; }

uint64_t gated(uint64_t x) {
	galeed_enter_c(GALEED_DENY, "gated");
	x++;
	galeed_leave_c();
	return x;
}

// QEMU's TCG names itself in the hypervisor CPUID leaf.
int under_tcg(void) {
	unsigned int eax, v[3];
	__cpuid(0x40000000, eax, v[0], v[1], v[2]);
	return memcmp(v, "TCGTCGTCGTCG", 12) == 0;
}
