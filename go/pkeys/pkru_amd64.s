#include "textflag.h"

// RDPKRU and WRPKRU are safe to execute from Go: they touch only the
// executing thread's PKRU, which the kernel saves and restores with the
// rest of the thread's XSAVE state, and the Go runtime never reads or
// writes it. What Go adds is that a goroutine is not tied to a thread, so
// a value written here binds whichever thread the goroutine happens to run
// on; callers pin it with runtime.LockOSThread. A locked thread also makes
// the runtime spawn new threads from its clean template thread instead of
// cloning this thread's PKRU.
//
// The instructions are spelled as their bytes so the encodings that matter
// for a PKU sandbox (any 0F 01 EF in a binary can rewrite PKRU) are plain to
// see here. The ISA requires ECX = 0 for both and EDX = 0 for WRPKRU.

// func Read() PKRU
TEXT ·Read(SB), NOSPLIT, $0-4
	XORL CX, CX
	BYTE $0x0F; BYTE $0x01; BYTE $0xEE // RDPKRU: EAX = PKRU, EDX = 0
	MOVL AX, ret+0(FP)
	RET

// func Write(p PKRU)
TEXT ·Write(SB), NOSPLIT, $0-4
	MOVL p+0(FP), AX
	XORL CX, CX
	XORL DX, DX
	BYTE $0x0F; BYTE $0x01; BYTE $0xEF // WRPKRU: PKRU = EAX
	RET
