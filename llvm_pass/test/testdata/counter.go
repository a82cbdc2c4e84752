// The cgo package whose wrappers are the inputs of galeed-cgo-call-handles
// (see regenerate.sh): its preamble includes the generator's header for
// tools/galeedgen/testdata/src/paper, whose shared-type marker
// galeed_shared_type__Counter says struct Counter is shared and its type ID;
// no manifest is involved.
package counter

/*
#include "paper_galeed.h"

void counter_add5(struct Counter *c);
*/
import "C"

func Add5(c *C.struct_Counter) { C.counter_add5(c) }
