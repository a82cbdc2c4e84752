// Package handles is the registry of galeed-go's pseudo-pointers
// (docs/pseudo-pointers.md): the table of handles through which C code
// reaches Go objects it may touch on purpose, instead of raw pointers.
//
// The table and its operations are C (handles.c, API in galeed_handles.h),
// because the cgo wrappers and the generated accessors use them from C. The
// table lives in pages tagged with the Go key, created by go/mpk's
// constructor, so C mode can neither read nor write it, nor read the
// 128-bit SipHash key (from getrandom) that makes tags unforgeable. A
// handle's 32-bit tag is SipHash-2-4 over (slot, generation, type): a blind
// guess at a live handle succeeds with probability 2^-32, and the first
// wrong guess aborts the process with a report, so there is no second try.
// Generations are 8 bits: a handle of a slot released and reused 256 times
// since would check again (for the same type).
//
// This package is the Go side: RegisterType names the types handles are
// made for, Share hands C a handle of a Go object (owned scope) and Reclaim
// ends it. Its cgo calls run with policy deny, like every cgo call; the C
// functions they call switch to Go mode themselves for the table access.
package handles

/*
#include <stdlib.h>

#include "galeed_handles.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	_ "github.com/galeed-go/galeed/go/mpk" // maps the table, with the Go key
)

// Handle is a galeed_handle: what C holds instead of a pointer.
type Handle uint64

// TypeID identifies a shared type in handles: any nonzero value (galeedgen
// derives it from the type's import path and name); up to 1024 types.
type TypeID uint32

var (
	// ErrTableFull is Share's error when every slot holds a live handle.
	ErrTableFull = errors.New("galeed handles: the handle table is full")
	// ErrNotShared is Reclaim's error for a handle Share did not return
	// or that was reclaimed as often as shared.
	ErrNotShared = errors.New("galeed handles: not a shared handle")
)

func typeError(e C.galeed_handle_error, t TypeID) error {
	switch e {
	case C.GALEED_HANDLE_OK:
		return nil
	case C.GALEED_HANDLE_TABLE_FULL:
		return ErrTableFull
	case C.GALEED_HANDLE_UNREGISTERED_TYPE:
		return fmt.Errorf("galeed handles: type %d is not registered", t)
	}
	return fmt.Errorf("galeed handles: type %#x: id 0, name empty or too long, 1024 types already, or registered differently", t)
}

// RegisterType names type id for reports; size is the size of its Go
// value. Registering an id again with the same name and size is a no-op.
func RegisterType(id TypeID, name string, size uintptr) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	return typeError(C.galeed_handle_register_type(C.uint32_t(id), cname, C.size_t(size)), id)
}

// shares pins every shared object: the C side's count of shares of a
// handle matches n here, changed together under mu.
var shares struct {
	mu     sync.Mutex
	pinned map[Handle]*pinned
}

type pinned struct {
	pinner runtime.Pinner
	n      int
}

// Share returns a handle of the object p points to as type t, pinning the
// object until Reclaim has been called once per Share of it. Sharing an
// object again as the same type returns the same handle.
func Share(p unsafe.Pointer, t TypeID) (Handle, error) {
	if p == nil {
		return 0, errors.New("galeed handles: Share of a nil pointer")
	}
	shares.mu.Lock()
	defer shares.mu.Unlock()
	// The address crosses as an integer: C never dereferences it, so cgo's
	// pointer checks have nothing to check.
	r := C.galeed_handle_share(C.uintptr_t(uintptr(p)), C.uint32_t(t))
	if err := typeError(r.error, t); err != nil {
		return 0, err
	}
	h := Handle(r.handle)
	s := shares.pinned[h]
	if s == nil {
		if shares.pinned == nil {
			shares.pinned = make(map[Handle]*pinned)
		}
		s = new(pinned)
		s.pinner.Pin(p)
		shares.pinned[h] = s
	}
	s.n++
	return h, nil
}

// Reclaim ends one Share of h; the last one unpins the object and makes
// every copy of h that C kept expired.
func Reclaim(h Handle) error {
	shares.mu.Lock()
	defer shares.mu.Unlock()
	s := shares.pinned[h]
	if s == nil {
		return ErrNotShared
	}
	C.galeed_handle_reclaim(C.galeed_handle(h))
	if s.n--; s.n == 0 {
		s.pinner.Unpin()
		delete(shares.pinned, h)
	}
	return nil
}
