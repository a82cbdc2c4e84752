// GALEED_HANDLE(p) in a consumer: the pointer's 64 bits are the handle.
#include "galeed_handles.h"
#include "point.h"

galeed_handle handle_of(struct Point *p) { return GALEED_HANDLE(p); }
