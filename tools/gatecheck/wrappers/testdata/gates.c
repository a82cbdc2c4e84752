/*
 * Stand-ins for go/mpk's gates and runtime/cgo's crosscall2 and
 * crosscall2_trampoline, under their real names.
 */
#include "fixture.h"

void galeed_enter_c(int policy, const char *call) { __asm__ volatile("" ::"r"(policy), "r"(call)); }
void galeed_leave_c(void) { __asm__ volatile(""); }
void galeed_enter_go(void) { __asm__ volatile(""); }
void galeed_leave_go(void) { __asm__ volatile(""); }
void crosscall2(void (*fn)(void *), void *a, int n, size_t ctxt) { __asm__ volatile("" ::"r"(fn), "r"(a), "r"(n), "r"(ctxt)); }

/* runtime/cgo's asm_amd64.s: TEXT crosscall2_trampoline<>(SB); JMP crosscall2(SB). */
__asm__(".text\n"
        ".type crosscall2_trampoline, @function\n"
        "crosscall2_trampoline:\n"
        "  jmp crosscall2\n"
        ".size crosscall2_trampoline, .-crosscall2_trampoline\n");
