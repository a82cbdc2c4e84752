#include <stdint.h>

void lib_remember(uintptr_t p);
void lib_reset(void);
