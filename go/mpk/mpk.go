package mpk

/*
#cgo LDFLAGS: -Wl,--wrap=x_cgo_mmap
#cgo LDFLAGS: -Wl,--wrap=x_cgo_sigaction
#cgo LDFLAGS: -Wl,--wrap=pthread_create
#include "mpk.h"

static int galeed_active(void) { return galeed_cfg.active; }
static int galeed_key(void) { return galeed_cfg.key; }
static int galeed_mode(void) { return galeed_cfg.mode; }
static const char *galeed_why(void) { return galeed_cfg.why; }
*/
import "C"

import "github.com/galeed-go/galeed/go/pkeys"

// Mode is the mode the process started in: "enforce", "off" or "require".
func Mode() string { return C.GoString(C.galeed_mode_name(C.galeed_mode())) }

// Protected reports whether the Go runtime's memory carries the Go key. If
// not, the error says why (GALEED_MODE=off, or what the host lacks).
func Protected() (pkeys.Key, error) {
	if C.galeed_active() == 0 {
		return 0, &unprotectedError{C.GoString(C.galeed_why())}
	}
	return pkeys.Key(C.galeed_key()), nil
}

type unprotectedError struct{ why string }

func (e *unprotectedError) Error() string { return "galeed: Go memory is not protected: " + e.why }

// Tagged counts the mappings the Go runtime has made since the process
// started, all tagged with the Go key, and their bytes. Both only grow.
func Tagged() (mappings, bytes uint64) {
	var m, b C.uint64_t
	C.galeed_tagged(&m, &b)
	return uint64(m), uint64(b)
}
