// Written as if c were an ordinary pointer: the pseudo-pointer pass makes c
// a galeed handle and each field access an accessor call.
#include "cc/paper/paper.h"

extern "C" void paper_add5(struct Counter *c) {
	c->N += 5;
	c->Steps++;
}
