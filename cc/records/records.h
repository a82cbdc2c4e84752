// The C++ library of package records (records.go).
#ifndef GALEED_CC_RECORDS_H
#define GALEED_CC_RECORDS_H

#include <stddef.h>

#include "cc/records/records_galeed.h"

#ifdef __cplusplus
extern "C" {
#endif

// Copies r's name into name (n bytes, NUL-terminated) and returns its
// length; sets r->Total to the sum of the tags, the scores and the owner's
// balance, rewrites each score as per mille of the highest (negative ones
// as 0; unchanged when none is positive), sets r->Seen and adds 1 to the
// first tag.
size_t records_summarize(struct Record *r, char *name, size_t n);

#ifdef __cplusplus
}
#endif

#endif
