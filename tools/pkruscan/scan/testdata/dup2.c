/* See dup1.c. */
static __attribute__((noinline)) void dup_gate(void) { __asm__ volatile(".byte 0x0f, 0x01, 0xef"); }
void call_dup2(void) { dup_gate(); }
