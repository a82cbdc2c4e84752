// The C view of the shared Go structs of the pseudo-pointer tests, as the
// generator (tools/galeedgen) would write it; llvm_pass/test/manifests/point.json
// is their manifest.
#include <stdbool.h>
#include <stdint.h>

struct Point {
  int64_t x;
  int64_t y;
};

struct Sample {
  int32_t id;
  double value;
  int16_t level;
  bool valid;
};

// A shared struct with a shared struct inside.
struct Line {
  struct Point start;
  int64_t len;
};
