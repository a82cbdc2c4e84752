// Misuses of pseudo-pointers, for the tests. Go's view: functions that take
// a struct Counter or Record pointer, so the cgo wrapper hands each a call-scoped
// handle (attacks.c sees the handle it gets).
#ifndef GALEED_TESTS_PSEUDO_ATTACKS_H
#define GALEED_TESTS_PSEUDO_ATTACKS_H

#include <stddef.h>
#include <stdint.h>

#include "cc/paper/paper_galeed.h"
#include "cc/records/records_galeed.h"

void keep_counter(struct Counter *c);
int64_t read_kept_counter(void);
int64_t read_forged_counter(struct Counter *c);
int32_t read_counter_as_tally(struct Counter *c);
void set_counter_done(struct Counter *c, uint8_t done);
void scribble(uintptr_t p, int64_t v);
size_t copy_name_to(struct Record *r, uintptr_t dst, size_t n);
uint64_t copyin_tags_from(struct Record *r, uintptr_t src);
void read_counter_into(struct Counter *c, uintptr_t v);

#endif
