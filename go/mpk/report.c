// The violation report, printed from the signal trampoline when C code
// faults on the Go key, before Go's own crash handling runs. It is built in
// one buffer and written with one write(2): async-signal-safe, and not
// interleaved with Go's output.
//
// Symbols come from the executable's own ELF symbol table (read through
// /proc/self/exe), which static and dynamic binaries both have and which
// names static C functions too; dladdr covers shared libraries. A stripped
// executable reports the bare pc.

#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "mpk.h"

// The page-fault error code's bit for a write access (x86 PF_WRITE).
#define PF_WRITE 2

struct buf {
	char b[2048];
	size_t n;
};

static void put(struct buf *b, const char *s) {
	size_t n = strlen(s);
	if (n > sizeof b->b - b->n)
		n = sizeof b->b - b->n;
	memcpy(b->b + b->n, s, n);
	b->n += n;
}

static void putnum(struct buf *b, uint64_t v, int base) {
	char d[24];
	int i = sizeof d;
	d[--i] = 0;
	do
		d[--i] = "0123456789abcdef"[v % base];
	while ((v /= base) && i > 0);
	if (base == 16)
		put(b, "0x");
	put(b, d + i);
}

// exe_symbol appends "name+0xoff" for pc if the executable's symbol table
// has a function containing it. The load bias (non-zero for PIE) is where
// this very function is minus where the table says it is.
static int exe_symbol(struct buf *b, uintptr_t pc) {
	int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct stat st;
	const char *f = MAP_FAILED;
	if (fstat(fd, &st) == 0)
		f = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (f == MAP_FAILED)
		return 0;
	int found = 0;
	const Elf64_Ehdr *eh = (const void *)f;
	const Elf64_Shdr *sh = (const void *)(f + eh->e_shoff);
	for (int i = 0; i < eh->e_shnum && !found; i++) {
		if (sh[i].sh_type != SHT_SYMTAB)
			continue;
		const Elf64_Sym *sym = (const void *)(f + sh[i].sh_offset);
		size_t n = sh[i].sh_size / sizeof *sym;
		const char *str = f + sh[sh[i].sh_link].sh_offset;
		uintptr_t bias = 0;
		for (size_t j = 0; j < n; j++)
			if (strcmp(str + sym[j].st_name, "exe_symbol") == 0)
				bias = (uintptr_t)exe_symbol - sym[j].st_value;
		for (size_t j = 0; j < n; j++) {
			uintptr_t lo = sym[j].st_value + bias;
			if (ELF64_ST_TYPE(sym[j].st_info) == STT_FUNC && pc >= lo && pc < lo + sym[j].st_size) {
				put(b, str + sym[j].st_name);
				put(b, "+");
				putnum(b, pc - lo, 16);
				found = 1;
				break;
			}
		}
	}
	munmap((void *)f, st.st_size);
	return found;
}

static void symbolize(struct buf *b, uintptr_t pc) {
	if (exe_symbol(b, pc))
		return;
	Dl_info di;
	if (dladdr((void *)pc, &di) && di.dli_sname) {
		put(b, di.dli_sname);
		put(b, "+");
		putnum(b, pc - (uintptr_t)di.dli_saddr, 16);
		put(b, " (");
		put(b, di.dli_fname);
		put(b, ")");
		return;
	}
	put(b, "?? (no symbol)");
}

void galeed_report(siginfo_t *info, void *ctx) {
	const mcontext_t *mc = &((ucontext_t *)ctx)->uc_mcontext;
	const char *kind = (mc->gregs[REG_ERR] & PF_WRITE) ? "WRITE" : "READ";
	uintptr_t addr = (uintptr_t)info->si_addr, pc = mc->gregs[REG_RIP];
	const struct galeed_frame *fr = &galeed_thread.frames[galeed_thread.top];
	struct buf b = {.n = 0}, where = {.n = 0};
	symbolize(&where, pc);
	where.b[where.n < sizeof where.b ? where.n : sizeof where.b - 1] = 0;

	put(&b, "=================================================================\n==");
	putnum(&b, getpid(), 10);
	put(&b, "==ERROR: galeed: ");
	put(&b, kind);
	put(&b, " of Go memory at ");
	putnum(&b, addr, 16);
	put(&b, " (pkey ");
	putnum(&b, galeed_cfg.key, 10);
	put(&b, ") in C code\n    #0 ");
	putnum(&b, pc, 16);
	put(&b, " in ");
	put(&b, where.b);
	put(&b, "\n    cgo call: ");
	put(&b, fr->call ? fr->call : "(none recorded)");
	put(&b, "\n    C mode:   ");
	put(&b, galeed_policy_name(fr->kind));
	put(&b, "\n    thread:   ");
	putnum(&b, syscall(SYS_gettid), 10);
	// The calls this one is nested in (through Go callbacks), innermost
	// first, each with its policy: a read-write call shows here as the
	// place where isolation was off.
	for (int i = galeed_thread.top - 1; i > 0; i--) {
		const struct galeed_frame *outer = &galeed_thread.frames[i];
		put(&b, "\n    within:   ");
		if (outer->kind == GALEED_FRAME_GO) {
			put(&b, "a Go callback");
			continue;
		}
		put(&b, outer->call ? outer->call : "(none recorded)");
		put(&b, " (");
		put(&b, galeed_policy_name(outer->kind));
		put(&b, ")");
	}
	put(&b, "\nSUMMARY: galeed: ");
	put(&b, kind);
	put(&b, " of Go memory in ");
	put(&b, where.b);
	put(&b, " blocked; Go's crash report follows\n");
	put(&b, "=================================================================\n");
	write(2, b.b, b.n);
}
