// Out of line, in its own file, so that a cgo call of it is a whole call.

#include "calls.h"

uint64_t next(uint64_t x) { return x + 1; }
