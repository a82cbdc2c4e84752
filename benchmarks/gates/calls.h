#include <stdint.h>

uint64_t plain(uint64_t x);
uint64_t gated(uint64_t x);
int under_tcg(void);
