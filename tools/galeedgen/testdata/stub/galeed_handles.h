// Stands in for go/handles' galeed_handles.h in galeedgen's tests: exactly
// what generated code relies on, implemented by stub.c over a small table.
#ifndef GALEED_HANDLES_H
#define GALEED_HANDLES_H

#include <stdint.h>

typedef uint64_t galeed_handle;

void *galeed_handle_resolve(galeed_handle h, uint32_t type);
galeed_handle galeed_handle_acquire(const void *p, uint32_t type);
galeed_handle galeed_handle_acquire_child(galeed_handle parent, const void *p, uint32_t type);

#endif
