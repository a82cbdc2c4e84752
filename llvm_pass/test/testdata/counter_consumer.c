// Not a cgo wrapper: C code including the generator's header (markers and
// all) and taking a struct Counter *. Without the shared-type manifest,
// galeed-cgo-call-handles leaves it alone (the consumer rewrite needs the
// manifest's fields).
#include "paper_galeed.h"

void counter_add5(struct Counter *c) { c->N += 5; }
