package mpk

// The package makes no cgo calls: it reads the runtime's state straight from
// its C variables. A call would need a cgo wrapper, which the galeed
// toolchain gates like any other, and the runtime must not have to trust a
// policy of its own.

/*
#cgo LDFLAGS: -Wl,--wrap=x_cgo_mmap
#cgo LDFLAGS: -Wl,--wrap=x_cgo_sigaction
#cgo LDFLAGS: -Wl,--wrap=pthread_create
#cgo LDFLAGS: -Wl,--wrap=x_cgo_bindm
#include "mpk.h"
*/
import "C"

import (
	"sync/atomic"
	"unsafe"

	"github.com/galeed-go/galeed/go/pkeys"
)

// Mode is the mode the process started in: "enforce", "off" or "require".
func Mode() string { return C.GoString(C.galeed_mode_names[C.galeed_cfg.mode]) }

// Protected reports whether the Go runtime's memory carries the Go key. If
// not, the error says why (GALEED_MODE=off, or what the host lacks).
func Protected() (pkeys.Key, error) {
	if C.galeed_cfg.active == 0 {
		return 0, &unprotectedError{C.GoString(&C.galeed_cfg.why[0])}
	}
	return pkeys.Key(C.galeed_cfg.key), nil
}

type unprotectedError struct{ why string }

func (e *unprotectedError) Error() string { return "galeed: Go memory is not protected: " + e.why }

// Tagged counts the mappings the Go runtime has made since the process
// started, all tagged with the Go key, and their bytes. Both only grow.
func Tagged() (mappings, bytes uint64) {
	return atomic.LoadUint64((*uint64)(unsafe.Pointer(&C.galeed_tagged_mappings))),
		atomic.LoadUint64((*uint64)(unsafe.Pointer(&C.galeed_tagged_bytes)))
}
