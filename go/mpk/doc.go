// Package mpk puts the memory of the Go runtime under its own Intel MPK
// protection key, so that C code running inside a cgo call between
// galeed_enter_c and galeed_leave_c (galeed.h) faults instead of
// corrupting Go memory. Import it for its effect:
//
//	import _ "github.com/galeed-go/galeed/go/mpk"
//
// Linking it wraps four symbols of the whole program: runtime/cgo's
// x_cgo_mmap (so every mapping the runtime makes is tagged with the Go key
// as it is created), x_cgo_sigaction (so Go's signal handlers run in Go mode
// whatever PKRU the kernel starts them with), x_cgo_bindm (so the Go code a
// C thread that called into Go runs as it exits runs in Go mode) and
// pthread_create (so every thread has an alternate signal stack in C memory
// and a thread created in C mode stays in C mode). A C constructor
// allocates the key before the Go runtime starts. When C faults on the Go
// key, a report naming the access, address, key, C function, cgo call and
// thread is printed, then Go's own crash handling runs unchanged.
//
// GALEED_MODE=enforce|off|require picks the mode at start: enforce protects
// when the host has PKU and runs unprotected otherwise; off never protects;
// require aborts at start when it cannot protect. The default is enforce,
// or what the build chose (Bazel: --define=galeed_mode=off|require; go
// build: CGO_CFLAGS=-DGALEED_DEFAULT_MODE=require). GALEED_VERBOSE=1
// prints one line at start saying what is protected.
//
// Out of scope, as in Galeed: C code that calls mprotect, pkey_mprotect or
// sigaction itself, or that calls a gate's entry point on its own. The gates
// do stop any reuse of their WRPKRU with a value other than the process's
// three legal ones.
package mpk
