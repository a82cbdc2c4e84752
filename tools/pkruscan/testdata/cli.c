/*
 * Fixture for the command's tests. Built as is, it holds an aligned WRPKRU
 * in a gate the tests allow and one hidden in an immediate; built with
 * -DCLEAN, neither, so the same source also yields a clean object.
 */
#ifndef CLEAN
void cli_gate(void) { __asm__ volatile(".byte 0x0f, 0x01, 0xef"); }

unsigned cli_hidden(void) {
	unsigned v;
	__asm__ volatile("movl $0xef010f, %0" : "=a"(v));
	return v;
}
#endif

int cli_plain(int x) { return 3 * x + 1; }
