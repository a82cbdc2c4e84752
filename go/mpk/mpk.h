// Internal declarations shared by go/mpk's C files; galeed.h is the public API.
#ifndef GALEED_MPK_H
#define GALEED_MPK_H

#include <signal.h>
#include <stdint.h>

#include "galeed.h"

enum { GALEED_ENFORCE, GALEED_OFF, GALEED_REQUIRE };

// The process's protection setup, written once by the constructor before the
// Go runtime starts and then made read-only: its address is a link-time
// constant, so C code can neither redirect the gates to a forged copy nor,
// short of an mprotect system call, rewrite it.
// The alignment also makes its size a whole page, which it has to itself.
struct __attribute__((aligned(4096))) galeed_config {
	int mode;
	int active; // the Go key exists and tags the Go runtime's memory
	int key;
	uint32_t pkru_go;   // Go mode: the Go key allowed
	uint32_t pkru_c[3]; // C mode under each galeed_policy; read-write's is pkru_go
	// Go's handler for each signal, in a page tagged with the Go key, so only
	// Go-mode code can change what the signal trampoline calls.
	uintptr_t *go_handlers;
	// go/handles' table (Go-key memory when active), or NULL when the
	// program does not link go/handles. Here so its address, though public,
	// cannot be redirected.
	void *handle_table;
	char why[240]; // when !active: why (for GALEED_VERBOSE and the Go API)
};
// Hidden, so that even -fPIC code (cgo compiles with it) addresses it
// RIP-relative rather than through the GOT: the gates' checks after WRPKRU
// (pkru.h) then read the legal values at fixed addresses, never through a
// register a jump into the gate could have loaded.
extern struct galeed_config galeed_cfg __attribute__((visibility("hidden"))); // written only by the constructor

// One per gate crossing on a thread; frames[0] is the mode the thread started
// in (Go for threads Go or libc made, C for threads created in C mode). A C
// frame's kind is GALEED_FRAME_C_DENY + its galeed_policy.
enum {
	GALEED_FRAME_GO = 0,
	GALEED_FRAME_C_DENY = 1 + GALEED_DENY,
	GALEED_FRAME_C_READONLY = 1 + GALEED_READONLY,
	GALEED_FRAME_C_READWRITE = 1 + GALEED_READWRITE,
};
#define GALEED_MAX_DEPTH 64
struct galeed_frame {
	int kind;
	const char *call; // the cgo call, for reports
};
struct galeed_thread {
	int top;
	struct galeed_frame frames[GALEED_MAX_DEPTH];
};
extern __thread struct galeed_thread galeed_thread;

// Maps and fills go/handles' table, with c's key once setup has it; defined
// only when the program links go/handles (a weak reference, hence NULL
// otherwise). Runs in the constructor, single-threaded, before the
// configuration becomes read-only.
void *galeed_handle_table_setup(const struct galeed_config *c) __attribute__((weak));
// galeed_cfg.handle_table, for code outside go/mpk, which cannot reference
// the hidden galeed_cfg (cgo links each package on its own first).
void *galeed_handle_table(void);

void galeed_report(siginfo_t *info, void *ctx);
void galeed_die(const char *msg) __attribute__((noreturn));
extern const char *const galeed_mode_names[3]; // indexed by mode
const char *galeed_mode_name(int mode);
const char *galeed_policy_name(int kind);

// Counters of the Go runtime mappings tagged so far (cumulative; updated
// atomically).
extern uint64_t galeed_tagged_mappings, galeed_tagged_bytes;

#endif
