// galeed_call_policy.h: how much of Go's memory a C function may touch while
// Go calls it through cgo.
//
//   const char *peek(const char *s);
//   GALEED_CALL_POLICY(peek, readonly);
//
// Put the declaration next to the function's, in the cgo preamble or in a
// header it includes. The policies:
//
//   deny       C may neither read nor write Go memory (the default)
//   readonly   C may read Go memory but not write it
//   readwrite  no isolation for this call; every build says so (a warning)
//
// An unknown policy or function name is a compile error at the declaration.
// C code that cannot be edited gets its policies from the call-policy
// manifest instead (-galeed-call-policies, llvm_pass/README.md).
//
// How it reaches galeed-go's LLVM pass: the declaration defines a constant
// `galeed_call_policy__<function>`, kept by `used`, in every translation unit
// that sees it, including the one holding cgo's wrapper for the function,
// where the pass reads it. An attribute on the function's declaration would
// not do: clang drops annotations on functions that are only declared.
#ifndef GALEED_CALL_POLICY_H
#define GALEED_CALL_POLICY_H

// The values of galeed_policy (go/mpk/galeed.h).
#define GALEED_CALL_POLICY_deny 0
#define GALEED_CALL_POLICY_readonly 1
#define GALEED_CALL_POLICY_readwrite 2

#define GALEED_CALL_POLICY(function, policy)                                  \
	_Static_assert(sizeof(&(function)) != 0,                              \
		       "GALEED_CALL_POLICY names a declared function");       \
	__attribute__((used)) static const int galeed_call_policy__##function = \
	    GALEED_CALL_POLICY_##policy

#endif
