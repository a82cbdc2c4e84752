// The cgo package whose wrappers are the inputs of the wrapper side of
// galeed-pseudo-pointers (see regenerate.sh): C functions taking pointers to
// a shared struct (point.h), which their wrappers turn into handles.
package pseudo

/*
#include "point.h"

void point_add5(struct Point *p);
int64_t point_dist(struct Point *a, struct Point *b);
*/
import "C"

func Add5(p *C.struct_Point) { C.point_add5(p) }

func Dist(a, b *C.struct_Point) int64 { return int64(C.point_dist(a, b)) }
