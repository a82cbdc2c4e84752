// An attacker's library: no WRPKRU instruction anywhere in its intended
// decoding, but the immediate of a mov holds the bytes 0f 01 ef, so a jump
// into the middle of that mov executes WRPKRU with whatever EAX holds.
unsigned int hidden_wrpkru(void) {
	unsigned int v;
	__asm__ volatile("movl $0x00ef010f, %0" : "=r"(v));
	return v;
}
