#include <stdint.h>

// A C library with a use-after-return bug: it keeps a pointer across calls.
void ledger_keep(uintptr_t p);
void ledger_scribble(void);
int64_t ledger_peek(uintptr_t p);
