// The C++ library of Galeed's running example, for Go (counter.go) and C++.
#ifndef GALEED_CC_PAPER_H
#define GALEED_CC_PAPER_H

#include "cc/paper/paper_galeed.h"

#ifdef __cplusplus
extern "C" {
#endif

// Adds 5 to c->N and counts the step in c->Steps.
void paper_add5(struct Counter *c);

#ifdef __cplusplus
}
#endif

#endif
