/*
 * dup1.c and dup2.c each define a static dup_gate, so an object linked
 * from both holds two symbols of that name and an allow for it must not
 * apply to either.
 */
static __attribute__((noinline)) void dup_gate(void) { __asm__ volatile(".byte 0x0f, 0x01, 0xef"); }
void call_dup1(void) { dup_gate(); }
