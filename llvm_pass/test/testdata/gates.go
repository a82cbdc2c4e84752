// The cgo package whose generated wrappers, compiled by clang-14, are the
// inputs of //llvm_pass/test (see regenerate.sh). Every Go -> C and C -> Go
// shape the gate passes meet appears once.
package gates

/*
#include <stdint.h>
#include <stdlib.h>
#include "galeed_call_policy.h"

void hello(void);
int64_t add(int64_t a, int32_t b);
static inline int sq(int x) { return x * x; }
int setup(int mode);
extern int *counter_ptr;
#define COUNTER (*counter_ptr)

const char *peek(const char *s);
GALEED_CALL_POLICY(peek, readonly);
void fill(char *buf, size_t n);
GALEED_CALL_POLICY(fill, readwrite);
*/
import "C"

//export GoAdd
func GoAdd(x C.int, p *C.char) C.int { return x }

//export GoVoid
func GoVoid() {}

func Calls() {
	C.hello()
	_ = C.add(1, 2)
	_ = C.sq(3)
	_, _ = C.setup(1)
	_ = C.COUNTER
	_ = C.malloc(3)
	_ = C.peek(nil)
	C.fill(nil, 0)
}
