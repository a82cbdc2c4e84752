#include <cpuid.h>
#include <string.h>

#include "tcg.h"

// QEMU's TCG names itself in the hypervisor CPUID leaf.
int galeed_under_tcg(void) {
	unsigned int eax, v[3];
	__cpuid(0x40000000, eax, v[0], v[1], v[2]);
	return memcmp(v, "TCGTCGTCGTCG", 12) == 0;
}
