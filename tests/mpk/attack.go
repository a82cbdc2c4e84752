// Package mpktest attacks Go memory from C code inside cgo calls, to show
// that go/mpk stops it (the tests, run in a PKU VM) and that without
// go/mpk the same bug silently corrupts Go (the same tests with
// GALEED_MODE=off). The C side is attack.c.
package mpktest

/*
#include <stdlib.h>

#include "attack.h"
*/
import "C"

import (
	"sync/atomic"
	"unsafe"

	_ "github.com/galeed-go/galeed/go/mpk" // the defense under test
)

// Addresses cross into C as integers: the attacks keep what cgo's pointer
// checks would refuse, such as a pointer into a goroutine stack.

// Write has buggy C code store v at p inside a cgo call (policy deny).
func Write(p unsafe.Pointer, v uint64) { C.cgo_write(C.uintptr_t(uintptr(p)), C.uint64_t(v)) }

// WriteUnderReadWrite is Write through a cgo call declared read-write: no
// isolation.
func WriteUnderReadWrite(p unsafe.Pointer, v uint64) {
	C.cgo_write_readwrite(C.uintptr_t(uintptr(p)), C.uint64_t(v))
}

// WriteFromCallback is Write from a Go callback inside a read-write call.
func WriteFromCallback(p unsafe.Pointer, v uint64) {
	C.cgo_callback_readwrite(C.uintptr_t(uintptr(p)), C.uint64_t(v))
}

//export goWriteFromCallback
func goWriteFromCallback(p C.uintptr_t, v C.uint64_t) { C.cgo_write(p, v) }

var cThreadCallbacks atomic.Int64

//export goCallbackFromCThread
func goCallbackFromCThread() { cThreadCallbacks.Add(1) }

// CallbackFromCThread has a thread C creates call into Go and exit; it
// returns how many such callbacks have run so far.
func CallbackFromCThread() int64 {
	if C.cgo_thread_callback() != 0 {
		return -1
	}
	return cThreadCallbacks.Load()
}

// Read has buggy C code load from p inside a cgo call (policy deny).
func Read(p unsafe.Pointer) uint64 { return uint64(C.cgo_read(C.uintptr_t(uintptr(p)))) }

// ReadUnderReadOnly is Read through a cgo call declared read-only.
func ReadUnderReadOnly(p unsafe.Pointer) uint64 {
	return uint64(C.cgo_read_readonly(C.uintptr_t(uintptr(p))))
}

// NullWrite has C code write to address 0 inside a cgo call.
func NullWrite() { C.cgo_null_write() }

// ThreadWrite has a thread that C creates inside a cgo call store v at p.
func ThreadWrite(p unsafe.Pointer, v uint64) {
	C.cgo_thread_write(C.uintptr_t(uintptr(p)), C.uint64_t(v))
}

// Add returns x+1, computed in C mode.
func Add(x uint64) uint64 { return uint64(C.cgo_add(C.uint64_t(x))) }

// Spin runs n rounds of a xorshift generator from x in C mode.
func Spin(x, n uint64) uint64 { return uint64(C.cgo_spin(C.uint64_t(x), C.uint64_t(n))) }

// SpinGo is Spin computed in Go, to check Spin's results.
func SpinGo(x, n uint64) uint64 {
	for i := uint64(0); i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// AltStack returns the calling thread's alternate signal stack, or 0.
func AltStack() uintptr { return uintptr(C.cgo_altstack()) }

// HoldCThread has C create a thread and keep it alive until release is
// called, and returns the thread's alternate signal stack, or 0.
func HoldCThread() (altStack uintptr, release func()) {
	return uintptr(C.cgo_hold_thread()), func() { C.cgo_release_thread() }
}

// HandlerViews returns the handler of signal sig as the Go runtime reads it
// and as the kernel holds it.
func HandlerViews(sig int) (goView, kernelView uintptr, ok bool) {
	v := C.handler_views(C.int(sig))
	return uintptr(v.go_view), uintptr(v.kernel_view), v.ok != 0
}

// Nest calls C, which calls back into Go, which calls C again: depth+1 C
// levels in all, depth callbacks. It returns 0+1+...+depth, summed on the
// way. With a non-nil pkru (len 2*(depth+1)), each C level d stores the
// PKRU it runs with before and after its callback at pkru[2d] and
// pkru[2d+1]; only on a host with PKU, where RDPKRU executes.
func Nest(depth int, pkru []uint32) uint64 {
	if pkru == nil {
		return uint64(goNest(C.int(depth), 0, 0))
	}
	n := 2 * (depth + 1)
	buf := C.calloc(C.size_t(n), 4) // C memory, which C mode may write
	defer C.free(buf)
	sum := goNest(C.int(depth), C.uintptr_t(uintptr(buf)), 1)
	copy(pkru, unsafe.Slice((*uint32)(buf), n))
	return uint64(sum)
}

//export goNest
func goNest(depth C.int, pkru C.uintptr_t, withPKU C.int) C.uint64_t {
	return C.cgo_nest(depth, pkru, withPKU)
}
