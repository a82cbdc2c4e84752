// C consumers of shared Go structs (point.h) that galeed-pseudo-pointers
// must reject: each function uses the pointer for something a handle cannot
// do. llvm_pass/test/pseudo_pointers_errors.ll checks each error's line.
#include <stdint.h>
#include <string.h>
#include "point.h"

void log_ptr(const void *p);
int printf(const char *fmt, ...);
struct Point *saved;
void point_add5(struct Point *p);

int64_t next_x(struct Point *p) { return p[1].x; }
int64_t first_word(struct Point *p) { return *(int64_t *)p; }
void leak(struct Point *p) { log_ptr(p); }
void print(struct Point *p) { printf("%p\n", p); }
void save(struct Point *p) { saved = p; }
uint32_t address(struct Point *p) { return (uint32_t)p; }
struct Point copy(struct Point *p) { return *p; }
void overwrite(struct Point *p, const struct Point *from) { memcpy(p, from, sizeof *p); }
int64_t *x_address(struct Point *p) { return &p->x; }
struct Point *identity(struct Point *p) { return p; }
int64_t start_x(struct Line *l) { return l->start.x; }
void local(void) {
  struct Point q = {1, 2};
  point_add5(&q);
}
