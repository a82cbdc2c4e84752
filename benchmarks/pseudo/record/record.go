// Package record is the Go half of the pseudo-pointer accessor benchmark
// (benchmarks/pseudo): a shared Go struct, and the cgo calls that have C
// loop over it n times, through handles (handle.c, compiled with the
// pseudo-pointer pass) or through a raw pointer (raw.c, compiled without
// it). Each function is one cgo call for the whole loop, so a benchmark that
// times it measures the accesses, not the call.
package record

/*
#include "benchmarks/pseudo/record/pseudo.h"
*/
import "C"

import (
	"fmt"
	"runtime"
	"unsafe"

	"github.com/galeed-go/galeed/go/handles"
)

// Record is shared with C through handles.
//
//galeed:shared
type Record struct {
	N int64
	A int64
	B int64
	C int64
}

// Sum is what the chained and struct operations keep invariant up to +4 per
// iteration, and what they return.
func (r *Record) Sum() int64 { return r.N + r.A + r.B + r.C }

func (r *Record) ptr() *C.struct_Record { return (*C.struct_Record)(unsafe.Pointer(r)) }

// A Subject is a Record that C reaches either way: r itself for the
// handle functions (their cgo wrappers acquire a call-scoped handle), its
// address as an integer (pinned) for the raw ones, and an owned handle for
// the explicit-accessor ones.
type Subject struct {
	r      *Record
	pinner runtime.Pinner
	owned  handles.Handle
}

// NewSubject allocates a Record, pins it and shares it.
func NewSubject() (*Subject, error) {
	s := &Subject{r: &Record{N: 1, A: 2, B: 3, C: 4}}
	s.pinner.Pin(s.r)
	h, err := handles.Share(unsafe.Pointer(s.r), GaleedTypeRecord)
	if err != nil {
		s.pinner.Unpin()
		return nil, err
	}
	s.owned = h
	return s, nil
}

// Close reclaims the owned handle and unpins the Record.
func (s *Subject) Close() error {
	err := handles.Reclaim(s.owned)
	s.pinner.Unpin()
	return err
}

// Record is the Go object C works on.
func (s *Subject) Record() *Record { return s.r }

func (s *Subject) addr() C.uintptr_t { return C.uintptr_t(uintptr(unsafe.Pointer(s.r))) }

// An Op is one benchmarked operation: Run has C do it n times in one cgo
// call and checks what C returns against the Record.
type Op func(s *Subject, n int) error

// check compares C's result with the Record's state after n iterations
// that add step each to what want measures.
func check(name string, got C.int64_t, before, after, step int64, n int) error {
	if want := before + step*int64(n); after != want || int64(got) != want {
		return fmt.Errorf("%s over %d iterations: C returned %d, Go sees %d, want %d", name, n, int64(got), after, want)
	}
	return nil
}

// Single: c->N += 5.
var (
	RawSingle Op = func(s *Subject, n int) error {
		before := s.r.N
		got := C.pp_raw_single(s.addr(), C.uint64_t(n))
		return check("raw single", got, before, s.r.N, 5, n)
	}
	HandleSingle Op = func(s *Subject, n int) error {
		before := s.r.N
		got := C.pp_handle_single(s.r.ptr(), C.uint64_t(n))
		return check("handle single", got, before, s.r.N, 5, n)
	}
)

// Chained: 4 field reads, then 4 field writes.
var (
	RawChained Op = func(s *Subject, n int) error {
		before := s.r.Sum()
		got := C.pp_raw_chained(s.addr(), C.uint64_t(n))
		return check("raw chained", got, before, s.r.Sum(), 4, n)
	}
	HandleChained Op = func(s *Subject, n int) error {
		before := s.r.Sum()
		got := C.pp_handle_chained(s.r.ptr(), C.uint64_t(n))
		return check("handle chained", got, before, s.r.Sum(), 4, n)
	}
	// PerField is HandleChained written with explicit getters and setters
	// on an owned handle.
	PerField Op = func(s *Subject, n int) error {
		before := s.r.Sum()
		got := C.pp_per_field(C.galeed_handle(s.owned), C.uint64_t(n))
		return check("per-field", got, before, s.r.Sum(), 4, n)
	}
	// Batch is the same operation with galeed_Record_read and
	// galeed_Record_write: one gate crossing each for the whole struct.
	Batch Op = func(s *Subject, n int) error {
		before := s.r.Sum()
		got := C.pp_batch(C.galeed_handle(s.owned), C.uint64_t(n))
		return check("batch", got, before, s.r.Sum(), 4, n)
	}
)
