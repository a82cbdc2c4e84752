#ifndef MPKTEST_ATTACK_H
#define MPKTEST_ATTACK_H

#include <stdint.h>

#include "galeed_call_policy.h"

void cgo_write(uintptr_t p, uint64_t v);
void cgo_write_readwrite(uintptr_t p, uint64_t v);
GALEED_CALL_POLICY(cgo_write_readwrite, readwrite);
uint64_t cgo_read(uintptr_t p);
uint64_t cgo_read_readonly(uintptr_t p);
GALEED_CALL_POLICY(cgo_read_readonly, readonly);
void cgo_callback_readwrite(uintptr_t p, uint64_t v);
GALEED_CALL_POLICY(cgo_callback_readwrite, readwrite);
int cgo_thread_callback(void);
void cgo_null_write(void);
void cgo_thread_write(uintptr_t p, uint64_t v);
uint64_t cgo_add(uint64_t x);
uint64_t cgo_spin(uint64_t x, uint64_t n);
uint64_t cgo_nest(int depth, uintptr_t pkru, int with_pku);
struct handler_views {
	int ok;
	uintptr_t go_view, kernel_view;
};
// Reads the Go runtime's table of signal handlers, which is Go memory.
struct handler_views handler_views(int sig);
GALEED_CALL_POLICY(handler_views, readonly);
uintptr_t cgo_altstack(void);
uintptr_t cgo_hold_thread(void);
void cgo_release_thread(void);

#endif
