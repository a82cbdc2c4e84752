// Package pseudotest tests pseudo-pointers end to end (in a PKU VM): Go
// structs that C++ updates through handles (cc/paper), and C that misuses
// handles and pointers (attacks.c), which must be detected.
package pseudotest

/*
#include "tests/pseudo/attacks.h"
*/
import "C"

import (
	"runtime"
	"unsafe"

	"github.com/galeed-go/galeed/cc/paper"
	"github.com/galeed-go/galeed/cc/records"
)

func record(r *records.Record) *C.struct_Record { return (*C.struct_Record)(unsafe.Pointer(r)) }

func counter(c *paper.Counter) *C.struct_Counter { return (*C.struct_Counter)(unsafe.Pointer(c)) }

// KeepThenRead has C keep the handle of one call and use it in the next.
func KeepThenRead(c *paper.Counter) int64 {
	C.keep_counter(counter(c))
	return int64(C.read_kept_counter())
}

// ReadForged has C read through a forged neighbour of c's handle.
func ReadForged(c *paper.Counter) int64 { return int64(C.read_forged_counter(counter(c))) }

// ReadAsTally has C read c's handle as a Tally's.
func ReadAsTally(c *paper.Counter) int32 { return int32(C.read_counter_as_tally(counter(c))) }

// SetDone has C store done into c.Done, a bool.
func SetDone(c *paper.Counter, done uint8) { C.set_counter_done(counter(c), C.uint8_t(done)) }

// Scribble has C write v at p, an address passed as an integer.
func Scribble(p unsafe.Pointer, v int64) { C.scribble(C.uintptr_t(uintptr(p)), C.int64_t(v)) }

// CopyNameTo has C copy r.Name over n bytes at dst, an address passed as an
// integer, through the copy accessor.
func CopyNameTo(r *records.Record, dst unsafe.Pointer, n int) int {
	// cgo refuses a pointer to memory holding an unpinned Go pointer.
	var pins runtime.Pinner
	defer pins.Unpin()
	if len(r.Name) > 0 {
		pins.Pin(unsafe.StringData(r.Name))
	}
	return int(C.copy_name_to(record(r), C.uintptr_t(uintptr(dst)), C.size_t(n)))
}

// CopyinTagsFrom has C copy the 4 uint16s at src, an address passed as an
// integer, into r.Tags through the copyin accessor, and returns the tags as
// C then reads them, little-endian.
func CopyinTagsFrom(r *records.Record, src unsafe.Pointer) uint64 {
	return uint64(C.copyin_tags_from(record(r), C.uintptr_t(uintptr(src))))
}

// ReadCounterInto has C batch-read c into the Counter_view at v, an address
// passed as an integer.
func ReadCounterInto(c *paper.Counter, v unsafe.Pointer) {
	C.read_counter_into(counter(c), C.uintptr_t(uintptr(v)))
}
