// Package paper is Galeed's running example, in Go: a Go struct handed to a
// C++ library that adds 5 to one of its fields. The library (paper.cc) is
// compiled with the pseudo-pointer pass, so it never holds a pointer into Go
// memory: the cgo call hands it a handle, and its `c->N += 5` becomes two
// checked accessor calls.
package paper

/*
#include "cc/paper/paper.h"
*/
import "C"

import "unsafe"

// Counter is shared with C++ through handles.
//
//galeed:shared
type Counter struct {
	N     int64
	Steps uint32
	Done  bool
}

// Tally is a second shared type, so that a handle of one type can be tried
// as the other.
//
//galeed:shared
type Tally struct {
	Count int32
}

// Add5 has the C++ library add 5 to c.N (and count the step).
func Add5(c *Counter) { C.paper_add5((*C.struct_Counter)(unsafe.Pointer(c))) }
