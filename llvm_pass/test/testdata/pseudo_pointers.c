// C consumers of shared Go structs (point.h) that galeed-pseudo-pointers
// rewrites into accessor calls: every access below is allowed.
#include "point.h"

// The Galeed paper's example: add 5 to a field.
void point_add5(struct Point *p) { p->x += 5; }

// Two fields, of two types.
double sample_scaled(struct Sample *s, double k) {
  s->id = 7;
  return s->value * k;
}

// A loop.
int64_t point_walk(struct Point *p, int n) {
  int64_t sum = 0;
  for (int i = 0; i < n; i++) {
    p->x += p->y;
    sum += p->x;
  }
  return sum;
}

// The pointer passed on to another consumer (the handle is), copied into
// another local, and compared with NULL.
int point_add10(struct Point *p) {
  struct Point *q = p;
  if (q == 0)
    return -1;
  point_add5(q);
  point_add5(p);
  return 0;
}

// A narrow integer, whose setter's argument is extended as the x86-64 ABI
// wants, and a bool (an i8 in memory).
void sample_mark(struct Sample *s, int16_t level) {
  s->level = level;
  s->valid = !s->valid;
}

// A struct Line passed by value and one returned: C copies (byval, sret),
// which stay pointers; and a field of struct Line through a handle.
struct Line line_moved(struct Line l, int64_t dx) {
  l.len += dx;
  return l;
}
void line_grow(struct Line *l) { l->len++; }
