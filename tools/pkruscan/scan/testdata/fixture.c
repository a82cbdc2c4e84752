/*
 * Every kind of PKRU-writing instruction pkruscan must find, each in its
 * own function so findings can be checked by symbol. Inline assembly pins
 * the encodings whatever the compiler and optimization level.
 */

/* An aligned WRPKRU, as a call gate would write it. */
void gate_aligned(void) { __asm__ volatile(".byte 0x0f, 0x01, 0xef"); }

/* The same instruction in a function the tests allow by name. */
void gate_allowed(void) { __asm__ volatile(".byte 0x0f, 0x01, 0xef"); }

/* WRPKRU hidden in an immediate: b8 0f 01 ef 00. */
unsigned hidden_imm(void) {
	unsigned v;
	__asm__ volatile("movl $0xef010f, %0" : "=a"(v));
	return v;
}

/* WRPKRU hidden in a 64-bit immediate: 48 b8 90 90 90 0f 01 ef 90 90. */
unsigned long hidden_movabs(void) {
	unsigned long v;
	__asm__ volatile("movabsq $0x9090ef010f909090, %0" : "=a"(v));
	return v;
}

/* XRSTOR and XRSTORS restore PKRU when bit 9 of EDX:EAX is set. */
void restore(void *area) {
	__asm__ volatile("xrstor (%0)" : : "r"(area), "a"(1 << 9), "d"(0) : "memory");
}

void restore64(void *area) {
	__asm__ volatile("xrstor64 (%0)" : : "r"(area), "a"(1 << 9), "d"(0) : "memory");
}

void restore_s(void *area) {
	__asm__ volatile("xrstors (%0)" : : "r"(area), "a"(1 << 9), "d"(0) : "memory");
}

void restore_s64(void *area) {
	__asm__ volatile("xrstors64 (%0)" : : "r"(area), "a"(1 << 9), "d"(0) : "memory");
}

/* The same byte sequences as data: never executable, never reported. */
unsigned char wrpkru_data[] = {0x0f, 0x01, 0xef, 0x48, 0x0f, 0xae, 0x2f, 0x0f, 0xc7, 0x1f};
