// galeed_handles.h: go/handles' C core, for the generated accessors and the
// pass's cgo wrapper code (docs/pseudo-pointers.md). A handle stands for a
// Go object C may reach only through checked accessors:
//
//	bits  0..23  slot, 1-based     bits 24..31  generation of the slot
//	bits 32..63  the first 32 bits of SipHash-2-4(slot | generation << 24,
//	             type id) under the process's 128-bit key
//
// Two kinds of entry points, by the mode they are called in:
//   - Go mode (the Go key accessible): acquire, acquire_child, release,
//     resolve. The wrappers call acquire before galeed_enter_c and release
//     after galeed_leave_c; accessors call resolve (and getters of nested
//     structs and pointer fields acquire_child) between their own
//     galeed_enter_go and galeed_leave_go.
//   - C mode, that is through a cgo call from Go (which the toolchain gates
//     with policy deny): share, reclaim, register_type. They switch to Go
//     mode themselves around the table access.
#ifndef GALEED_HANDLES_H
#define GALEED_HANDLES_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t galeed_handle; // 0 is never a valid handle

// In C/C++ the pseudo-pointer pass compiles, a parameter declared as a
// pointer to a shared type holds the handle the caller passed: its field
// loads and stores become accessor calls, and GALEED_HANDLE(p) is the handle
// itself, for the accessors no plain access maps to (strings, slices,
// arrays, nested structs, batch read/write).
#define GALEED_HANDLE(p) ((galeed_handle)(uintptr_t)(p))

// Go mode. Returns the handle of (p, type), the same one while any is live
// (counted: one release per acquire), or 0 for p == NULL. Aborts with a
// report when the table is full, and when type is not registered.
galeed_handle galeed_handle_acquire(const void *p, uint32_t type);
// Go mode. Drops one acquire of h (0: nothing); the last makes every copy
// of h expired. Aborts with a report on a forged or expired h.
void galeed_handle_release(galeed_handle h);
// Go mode. The handle of the object at p as type (0 for p == NULL), for a
// getter of a nested struct or pointer field of the object parent stands
// for: it lives exactly as long as parent's entry, and expires with it
// when parent's last reference goes (the release of a call-scoped handle,
// the reclaim of an owned one), including children of children. Calls for
// the same (p, type) under the same parent return the same handle and hold
// one reference, however many they are, so getters called in a loop do
// not fill the table; like acquire, the handle is the one of (p, type)
// while any is live (a child of two parents lives until both go). When p's
// entry is parent itself or one of its ancestors through child links (a
// pointer cycle), the handle is returned without a link: it already lives
// at least as long as the chain that leads to parent. Aborts with a report
// when parent is forged or expired, the table is full, or type is not
// registered.
galeed_handle galeed_handle_acquire_child(galeed_handle parent, const void *p, uint32_t type);
// Go mode. The object h stands for, if h is a live handle for type; else
// aborts with a report: forged, expired or type-confused. Lock-free and
// SipHash-free for a good handle (handles.c, "Resolving").
void *galeed_handle_resolve(galeed_handle h, uint32_t type);

typedef enum {
	GALEED_HANDLE_OK = 0,
	GALEED_HANDLE_TABLE_FULL = 1,
	GALEED_HANDLE_UNREGISTERED_TYPE = 2,
	GALEED_HANDLE_BAD_TYPE = 3, // id out of range, bad name, or registered differently
} galeed_handle_error;

struct galeed_handle_shared {
	galeed_handle handle;
	galeed_handle_error error;
};

// C mode (cgo). An owned handle of the object at address p (an integer, so
// that cgo's pointer checks do not inspect the object; the Go side pins
// it), live until as many galeed_handle_reclaim calls as shares.
struct galeed_handle_shared galeed_handle_share(uintptr_t p, uint32_t type);
// C mode (cgo). Drops one share of h. Aborts with a report on a forged or
// expired h, and when h has no share left.
void galeed_handle_reclaim(galeed_handle h);
// C mode (cgo). Names type id (1 .. 1023) for reports; name is copied.
// Registering an id again with the same name and size is allowed.
galeed_handle_error galeed_handle_register_type(uint32_t id, const char *name, size_t size);

#endif
