// GALEED_CALL_POLICY's mistakes are compile errors at the declaration, from
// the C compiler itself (clang-14 and gcc alike): an unknown policy name and
// a function that is not declared. Checked by clang_test.sh.
#include "galeed_call_policy.h"

const char *peek(const char *s);

// CHECK: policy_errors.c:[[@LINE+1]]:1: error: use of undeclared identifier 'GALEED_CALL_POLICY_readwrit'
GALEED_CALL_POLICY(peek, readwrit);

// CHECK: policy_errors.c:[[@LINE+1]]:20: error: use of undeclared identifier 'poke'
GALEED_CALL_POLICY(poke, readonly);
