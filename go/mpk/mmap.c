// Tagging of the Go runtime's memory. In a cgo binary the runtime maps all
// its memory (heap arenas, goroutine stacks, metadata) through runtime/cgo's
// x_cgo_mmap, from the first allocation on. The link wraps that one symbol
// (-Wl,--wrap=x_cgo_mmap), so this wrapper sees exactly the runtime's
// mappings and never C code's own mmap calls.

#define _GNU_SOURCE
#include <sys/mman.h>

#include "mpk.h"

uint64_t galeed_tagged_mappings, galeed_tagged_bytes;

uintptr_t __real_x_cgo_mmap(void *addr, uintptr_t length, int32_t prot, int32_t flags, int32_t fd,
                            uint32_t offset);

uintptr_t __wrap_x_cgo_mmap(void *addr, uintptr_t length, int32_t prot, int32_t flags, int32_t fd,
                            uint32_t offset) {
	uintptr_t p = __real_x_cgo_mmap(addr, length, prot, flags, fd, offset);
	// x_cgo_mmap returns errno, a small number, on failure.
	if (!galeed_cfg.active || p < 4096)
		return p;
	if (pkey_mprotect((void *)p, length, prot, galeed_cfg.key) != 0)
		galeed_die("galeed: pkey_mprotect of a Go runtime mapping failed\n");
	__atomic_add_fetch(&galeed_tagged_mappings, 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&galeed_tagged_bytes, length, __ATOMIC_RELAXED);
	return p;
}
