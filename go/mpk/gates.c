// The gates of galeed.h. The per-thread frame stack lives in C-writable TLS
// on purpose: what a gate writes to PKRU never depends on it in a way that
// helps C. Leaving C always means Go mode, and returning from a Go callback
// always means one of the C modes (a frame claiming anything else there is an
// unbalanced or forged stack, and aborts). Forging frames can thus at most
// choose a weaker C mode for the forging thread, or mislabel reports; even
// read-write grants only what calling galeed_enter_go does, and C code
// calling the gates on its own is out of scope (doc.go).

#include <stddef.h>

#include "mpk.h"
#include "pkru.h"

void galeed_gate_broken(void) {
	galeed_die("galeed: a gate wrote a PKRU value that is not one of the process's legal values: "
	           "code jumped into the middle of a gate\n");
}

static void push(int kind, const char *call) {
	struct galeed_thread *t = &galeed_thread;
	if (t->top + 1 >= GALEED_MAX_DEPTH)
		galeed_die("galeed: gates nested deeper than GALEED_MAX_DEPTH\n");
	t->frames[++t->top] = (struct galeed_frame){kind, call};
}

void galeed_enter_c(galeed_policy policy, const char *call) {
	if ((unsigned)policy > GALEED_READWRITE)
		galeed_die("galeed_enter_c: policy is not GALEED_DENY, GALEED_READONLY or GALEED_READWRITE\n");
	push(GALEED_FRAME_C_DENY + policy, call);
	if (galeed_cfg.active)
		galeed_wrpkru_c(policy);
}

void galeed_leave_c(void) {
	struct galeed_thread *t = &galeed_thread;
	if (t->top <= 0 || t->frames[t->top].kind == GALEED_FRAME_GO)
		galeed_die("galeed_leave_c: not inside galeed_enter_c (unbalanced gates)\n");
	t->top--;
	if (galeed_cfg.active)
		galeed_wrpkru_go();
}

void galeed_enter_go(void) {
	push(GALEED_FRAME_GO, NULL);
	if (galeed_cfg.active)
		galeed_wrpkru_go();
}

void galeed_leave_go(void) {
	struct galeed_thread *t = &galeed_thread;
	if (t->top <= 0 || t->frames[t->top].kind != GALEED_FRAME_GO)
		galeed_die("galeed_leave_go: not inside galeed_enter_go (unbalanced gates)\n");
	int below = t->frames[--t->top].kind;
	if (below < GALEED_FRAME_C_DENY || below > GALEED_FRAME_C_READWRITE)
		galeed_die("galeed_leave_go: the Go callback was not called from C mode (unbalanced gates)\n");
	if (galeed_cfg.active)
		galeed_wrpkru_c(below - GALEED_FRAME_C_DENY);
}

const char *galeed_policy_name(int kind) {
	switch (kind) {
	case GALEED_FRAME_C_DENY:
		return "deny";
	case GALEED_FRAME_C_READONLY:
		return "read-only";
	case GALEED_FRAME_C_READWRITE:
		return "read-write";
	}
	return "Go mode";
}
