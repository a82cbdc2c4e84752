// RDPKRU and WRPKRU for go/mpk's C files, and the only WRPKRU sites in
// them: the two checked writes below.
//
// The instructions are spelled as bytes so every PKRU write is easy to find
// (tools/pkruscan looks for 0F 01 EF). Both need ECX = 0, WRPKRU also EDX = 0.
//
// Each write is an ERIM-style gate: after WRPKRU it compares EAX, the value
// just written, with the legal values in the read-only galeed_cfg (addressed
// RIP-relative, so not through a register an attacker controls), and aborts
// on a mismatch. Jumping straight to the WRPKRU with a value of one's own
// therefore either writes a legal value or dies before the next instruction
// that could use the Go key. The memory clobber keeps the compiler from
// moving accesses the new rights govern across the write.
#ifndef GALEED_PKRU_H
#define GALEED_PKRU_H

#include <stdint.h>

#include "mpk.h"

#define PKRU_AD(key) (1u << (2 * (key)))     // access disable
#define PKRU_WD(key) (1u << (2 * (key) + 1)) // write disable

static inline uint32_t galeed_rdpkru(void) {
	uint32_t eax, edx;
	__asm__ volatile(".byte 0x0f, 0x01, 0xee" : "=a"(eax), "=d"(edx) : "c"(0));
	return eax;
}

void galeed_gate_broken(void) __attribute__((noreturn));

// Switches this thread to Go mode.
static inline __attribute__((always_inline)) void galeed_wrpkru_go(void) {
	__asm__ goto(".byte 0x0f, 0x01, 0xef\n\t" // WRPKRU
	             "cmpl %1, %%eax\n\t"
	             "jne %l[broken]"
	             :
	             : "a"(galeed_cfg.pkru_go), "m"(galeed_cfg.pkru_go), "c"(0), "d"(0)
	             : "memory", "cc"
	             : broken);
	return;
broken:
	galeed_gate_broken();
}

// Switches this thread to C mode under policy, which the calling gate has
// checked is a galeed_policy. The check after WRPKRU does not trust the
// index: it compares EAX with each C-mode value at that value's own fixed
// address, so a jump to the WRPKRU with any EAX still writes one of them or
// dies. Read-write's value is Go mode's, which galeed_wrpkru_go accepts
// anyway: accepting it here too gives such a jump no value it lacked.
static inline __attribute__((always_inline)) void galeed_wrpkru_c(galeed_policy policy) {
	__asm__ goto(".byte 0x0f, 0x01, 0xef\n\t" // WRPKRU
	             "cmpl %1, %%eax\n\t"
	             "je 1f\n\t"
	             "cmpl %2, %%eax\n\t"
	             "je 1f\n\t"
	             "cmpl %3, %%eax\n\t"
	             "jne %l[broken]\n"
	             "1:"
	             :
	             : "a"(galeed_cfg.pkru_c[policy]), "m"(galeed_cfg.pkru_c[GALEED_DENY]),
	               "m"(galeed_cfg.pkru_c[GALEED_READONLY]), "m"(galeed_cfg.pkru_c[GALEED_READWRITE]),
	               "c"(0), "d"(0)
	             : "memory", "cc"
	             : broken);
	return;
broken:
	galeed_gate_broken();
}

#endif
