// galeed.h: the C side of galeed-go's gates, for C code that runs inside a
// cgo call. Go mode (the Go key accessible) and C mode (the Go key denied,
// read-only, or, for a call that opts out of isolation, accessible as in Go
// mode) are PKRU states of one thread; the gates switch between them and
// keep a per-thread stack so nested calls (Go -> C -> Go callback -> C)
// return to the right state.
//
//   Go calls C:   galeed_enter_c(GALEED_DENY, "C.f"); f(...); galeed_leave_c();
//   C calls Go:   galeed_enter_go(); GoExportedFunction(...); galeed_leave_go();
//
// The galeed toolchain's pass (llvm_pass) writes these calls into cgo's
// wrappers; C code never calls the gates itself (they would nest wrongly
// inside the wrappers' own). This header is the contract between the pass,
// //tools/gatecheck and the runtime.
//
// When the defense is off or the host lacks PKU the gates only keep the
// stack. Every gate verifies the PKRU value it wrote against the process's
// read-only table of the three legal values and aborts on a mismatch.
#ifndef GALEED_H
#define GALEED_H

#include <stdint.h>

// What C code may do with Go memory while it runs.
typedef enum {
	GALEED_DENY = 0,      // neither read nor write
	GALEED_READONLY = 1,  // read only
	GALEED_READWRITE = 2, // no isolation for this call: the Go key stays accessible
} galeed_policy;

// call names the cgo call in violation reports; it must stay valid until the
// matching galeed_leave_c (a string literal).
void galeed_enter_c(galeed_policy policy, const char *call);
void galeed_leave_c(void);
void galeed_enter_go(void);
void galeed_leave_go(void);

#endif
