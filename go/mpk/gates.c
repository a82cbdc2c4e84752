// The gates of galeed.h. The per-thread frame stack lives in C-writable TLS
// on purpose: what a gate writes to PKRU never depends on it in a way that
// helps C. Leaving C always means Go mode, and returning from a Go callback
// always means one of the two C modes (a frame claiming Go mode there is an
// unbalanced or forged stack, and aborts). Forging frames can thus at most
// choose read-only over deny for the forging thread, or mislabel reports.

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
	if (policy != GALEED_DENY && policy != GALEED_READONLY)
		galeed_die("galeed_enter_c: policy is neither GALEED_DENY nor GALEED_READONLY\n");
	push(policy == GALEED_DENY ? GALEED_FRAME_C_DENY : GALEED_FRAME_C_READONLY, call);
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
	if (below == GALEED_FRAME_GO)
		galeed_die("galeed_leave_go: the Go callback was not called from C mode (unbalanced gates)\n");
	if (galeed_cfg.active)
		galeed_wrpkru_c(below == GALEED_FRAME_C_DENY ? GALEED_DENY : GALEED_READONLY);
}

const char *galeed_policy_name(int kind) {
	switch (kind) {
	case GALEED_FRAME_C_DENY:
		return "deny";
	case GALEED_FRAME_C_READONLY:
		return "read-only";
	}
	return "Go mode";
}
