// Package records hands C++ (records.cc) Go structs with strings, nested
// structs, arrays of scalars and slices, through handles: the C++ reads
// the name into its own buffer, sums the tags and scores, reads the nested
// owner through its own handle, writes back scalars and the scores
// normalized (copy-in into the slice), never holding a pointer into Go
// memory.
package records

/*
#include <stdlib.h>

#include "cc/records/records.h"
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// Owner is nested in Record.
//
//galeed:shared
type Owner struct {
	ID      int64
	Balance int64
}

// Record is what C++ summarizes.
//
//galeed:shared
type Record struct {
	Name   string
	Tags   [4]uint16
	Owner  Owner
	Scores []int32
	Total  int64
	Seen   bool
}

// Summarize has C++ copy r.Name, add up r.Tags, r.Scores and r.Owner.Balance
// into r.Total, rewrite r.Scores in place as per mille of the highest score
// (negative ones as 0; untouched when none is positive), mark r as seen and
// bump its first tag. It returns the name as C++ copied it (at most 63
// bytes).
func Summarize(r *Record) string {
	// cgo refuses a pointer to memory holding unpinned Go pointers (the
	// name's and the scores' backing arrays), although C reaches them only
	// through accessors, in Go mode.
	var pins runtime.Pinner
	defer pins.Unpin()
	if len(r.Name) > 0 {
		pins.Pin(unsafe.StringData(r.Name))
	}
	if len(r.Scores) > 0 {
		pins.Pin(&r.Scores[0])
	}
	// The name comes back in C memory, which C may write.
	const size = 64
	name := (*C.char)(C.malloc(size))
	defer C.free(unsafe.Pointer(name))
	n := C.records_summarize((*C.struct_Record)(unsafe.Pointer(r)), name, size)
	return C.GoStringN(name, C.int(n))
}
