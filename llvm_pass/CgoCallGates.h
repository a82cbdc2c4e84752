//===- CgoCallGates.h - C-mode gates around cgo's calls into C ------------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// When Go calls C.f, the Go runtime switches to the system stack and calls
// the wrapper cgo generated for f in _cgo_*.cgo2.c:
//
//   void _cgo_<hash>_Cfunc_f(void *v) {   // v: the arguments' frame, on the
//     ... = _cgo_topofstack();           //    goroutine stack (Go memory)
//     _cgo_r = f(_cgo_a->p0, _cgo_a->p1);
//     ... = _cgo_topofstack();
//     _cgo_a->r = _cgo_r;
//   }
//
// The frame is Go memory, so the wrapper itself must run in Go mode; only the
// call of f may run in C mode. This pass therefore rewrites every call of C
// code in such a wrapper into
//
//   galeed_enter_c(<policy>, "C.f");
//   _cgo_r = f(...);
//   galeed_leave_c();
//
// leaving the frame's reads and writes, and cgo's own helpers, outside.
// A C macro used as a value (C.M) has no call: its expression is evaluated
// between the two _cgo_topofstack calls, and that span is gated instead.
//
// The pass must see the wrappers before the inliner does: once f is inlined
// (a static inline function from the preamble, say) there is no call left to
// gate, and the pass reports an error rather than leave the wrapper open.
// Registered at clang's pipeline start, it runs before any inlining at every
// optimization level.
//
// Each call's policy is its C function's (CallPolicies.h): declared with
// GALEED_CALL_POLICY (galeed_call_policy.h), which leaves a constant
// `galeed_call_policy__<function>` in the translation unit, or listed in the
// -galeed-call-policies manifest; else -galeed-default-policy's.
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_CGOCALLGATES_H
#define GALEED_LLVM_PASS_CGOCALLGATES_H

#include "llvm/IR/PassManager.h"

namespace galeed {

class CgoCallGatesPass : public llvm::PassInfoMixin<CgoCallGatesPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

  // The wrappers are optnone at -O0, and an ungated wrapper is a hole in the
  // isolation, not a missed optimization.
  static bool isRequired() { return true; }
};

} // namespace galeed

#endif // GALEED_LLVM_PASS_CGOCALLGATES_H
