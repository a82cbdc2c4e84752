#include <stdint.h>

// The cheapest C function worth calling: x + 1.
uint64_t next(uint64_t x);
