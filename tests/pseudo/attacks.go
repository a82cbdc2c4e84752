// Package pseudotest tests pseudo-pointers end to end (in a PKU VM): Go
// structs that C++ updates through handles (cc/paper), and C that misuses
// handles and pointers (attacks.c), which must be detected.
package pseudotest

/*
#include "tests/pseudo/attacks.h"
*/
import "C"

import (
	"unsafe"

	"github.com/galeed-go/galeed/cc/paper"
)

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
