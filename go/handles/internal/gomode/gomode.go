// Package gomode lets go/handles' tests run the registry's Go-mode
// operations (acquire, release, resolve), which the cgo wrappers and the
// accessors call from C, and look into the table. Every cgo call runs in C
// mode (policy deny), so each C helper here brackets its work with
// galeed_enter_go/galeed_leave_go, as an accessor does; Read alone stays in
// C mode, as an attacker's code would.
package gomode

/*
#include <stdlib.h>

#include "go/handles/galeed_handles.h"
#include "go/handles/table.h"

static galeed_handle acquire(uintptr_t p, uint32_t type) {
	galeed_enter_go();
	galeed_handle h = galeed_handle_acquire((const void *)p, type);
	galeed_leave_go();
	return h;
}

static void release(galeed_handle h) {
	galeed_enter_go();
	galeed_handle_release(h);
	galeed_leave_go();
}

static uintptr_t resolve(galeed_handle h, uint32_t type) {
	galeed_enter_go();
	uintptr_t p = (uintptr_t)galeed_handle_resolve(h, type);
	galeed_leave_go();
	return p;
}

static galeed_handle acquire_child(galeed_handle parent, uintptr_t p, uint32_t type) {
	galeed_enter_go();
	galeed_handle h = galeed_handle_acquire_child(parent, (const void *)p, type);
	galeed_leave_go();
	return h;
}

// What a generated getter of a nested struct does, n times: resolve the
// parent, then acquire the child at offset off.
static galeed_handle getter_loop(galeed_handle parent, uint32_t ptype, uintptr_t off, uint32_t ctype, uint32_t n) {
	galeed_handle h = 0;
	for (uint32_t i = 0; i < n; i++) {
		galeed_enter_go();
		uintptr_t p = (uintptr_t)galeed_handle_resolve(parent, ptype);
		h = galeed_handle_acquire_child(parent, (const void *)(p + off), ctype);
		galeed_leave_go();
	}
	return h;
}

struct refs {
	uint32_t used, calls, shares, parents, children;
};

// The table's used slots, and the counts of slot's entry.
static struct refs refs(uint32_t slot) {
	galeed_enter_go();
	struct galeed_handle_table *t = galeed_handle_table();
	pthread_mutex_lock(&t->lock);
	struct galeed_handle_entry *e = &t->entries[slot];
	struct refs r = {t->used, e->calls, e->shares, e->parents, 0};
	for (uint32_t l = e->children; l; l = t->edges[l].next)
		r.children++;
	pthread_mutex_unlock(&t->lock);
	galeed_leave_go();
	return r;
}

// Acquires n handles of type, for the n words from p on.
static void fill(uintptr_t p, uint32_t n, uint32_t type) {
	galeed_enter_go();
	for (uint32_t i = 0; i < n; i++)
		galeed_handle_acquire((const void *)(p + 8 * i), type);
	galeed_leave_go();
}

// A misuse: share is a C-mode entry point.
static void share_in_go_mode(uintptr_t p, uint32_t type) {
	galeed_enter_go();
	galeed_handle_share(p, type);
	galeed_leave_go();
}

static void key(uint64_t out[2]) {
	galeed_enter_go();
	const struct galeed_handle_table *t = galeed_handle_table();
	out[0] = t->key[0];
	out[1] = t->key[1];
	galeed_leave_go();
}

static uintptr_t key_addr(void) { return (uintptr_t)((struct galeed_handle_table *)galeed_handle_table())->key; }

static uintptr_t entry_addr(uint32_t slot) {
	return (uintptr_t)&((struct galeed_handle_table *)galeed_handle_table())->entries[slot];
}

__attribute__((noinline)) static uint64_t read_in_c_mode(uintptr_t p) { return *(const volatile uint64_t *)p; }
*/
import "C"

import (
	"unsafe"

	"github.com/galeed-go/galeed/go/handles"
)

// Capacity is the number of slots in the table.
const Capacity = C.GALEED_HANDLE_CAPACITY

// Acquire is galeed_handle_acquire of the address p.
func Acquire(p uintptr, t handles.TypeID) handles.Handle {
	return handles.Handle(C.acquire(C.uintptr_t(p), C.uint32_t(t)))
}

// Release is galeed_handle_release.
func Release(h handles.Handle) { C.release(C.galeed_handle(h)) }

// Resolve is galeed_handle_resolve.
func Resolve(h handles.Handle, t handles.TypeID) uintptr {
	return uintptr(C.resolve(C.galeed_handle(h), C.uint32_t(t)))
}

// AcquireChild is galeed_handle_acquire_child of the address p.
func AcquireChild(parent handles.Handle, p uintptr, t handles.TypeID) handles.Handle {
	return handles.Handle(C.acquire_child(C.galeed_handle(parent), C.uintptr_t(p), C.uint32_t(t)))
}

// GetterLoop does n times what a generated getter of a nested struct at
// offset off of a pt does (resolve parent as pt, acquire_child of the field
// as ct) and returns the last child handle.
func GetterLoop(parent handles.Handle, pt handles.TypeID, off uintptr, ct handles.TypeID, n int) handles.Handle {
	return handles.Handle(C.getter_loop(C.galeed_handle(parent), C.uint32_t(pt), C.uintptr_t(off), C.uint32_t(ct), C.uint32_t(n)))
}

// Refs is what the table counts for a slot.
type Refs struct {
	Used                             uint32 // the table's slots handed out at least once
	Calls, Shares, Parents, Children uint32 // of the slot's entry
}

// SlotRefs returns the table's counts for slot.
func SlotRefs(slot uint32) Refs {
	r := C.refs(C.uint32_t(slot))
	return Refs{uint32(r.used), uint32(r.calls), uint32(r.shares), uint32(r.parents), uint32(r.children)}
}

// Fill acquires n handles of type t for the addresses p, p+8, ...
func Fill(p uintptr, n int, t handles.TypeID) { C.fill(C.uintptr_t(p), C.uint32_t(n), C.uint32_t(t)) }

// ShareInGoMode calls galeed_handle_share, a C-mode entry point, in Go mode.
func ShareInGoMode(p uintptr, t handles.TypeID) { C.share_in_go_mode(C.uintptr_t(p), C.uint32_t(t)) }

// Key returns the table's SipHash key.
func Key() [2]uint64 {
	k := (*[2]C.uint64_t)(C.malloc(16)) // C memory: C writes it
	defer C.free(unsafe.Pointer(k))
	C.key(&k[0])
	return [2]uint64{uint64(k[0]), uint64(k[1])}
}

// KeyAddr and EntryAddr are where the key and a slot's entry live; C mode
// can compute them from the read-only configuration, but not read there.
func KeyAddr() uintptr { return uintptr(C.key_addr()) }

// EntryAddr: see KeyAddr.
func EntryAddr(slot uint32) uintptr { return uintptr(C.entry_addr(C.uint32_t(slot))) }

// Read loads the word at p in C mode (policy deny), as buggy or hostile C
// code would.
func Read(p uintptr) uint64 { return uint64(C.read_in_c_mode(C.uintptr_t(p))) }
