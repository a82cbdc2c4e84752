// Package getg hands tests the address of the runtime's record of the
// calling goroutine (its g), runtime metadata an attack can aim at. It is
// its own package because Go assembly cannot live in a cgo package.
package getg

import "unsafe"

// G returns the calling goroutine's g, which the runtime allocates from
// the Go heap. Only its address means anything outside the runtime.
func G() unsafe.Pointer
