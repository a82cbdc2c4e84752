#include <stdint.h>

void cgo_write(uintptr_t p, uint64_t v);
uint64_t cgo_read(uintptr_t p, int policy);
void cgo_null_write(void);
void cgo_thread_write(uintptr_t p, uint64_t v);
uint64_t cgo_add(uint64_t x);
uint64_t cgo_spin(uint64_t x, uint64_t n);
uint64_t cgo_nest(int depth, uintptr_t pkru, int with_pku);
int handler_views(int sig, uintptr_t *go_view, uintptr_t *kernel_view);
uintptr_t cgo_altstack(void);
uintptr_t cgo_hold_thread(void);
void cgo_release_thread(void);
