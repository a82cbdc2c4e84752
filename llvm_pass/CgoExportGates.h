//===- CgoExportGates.h - Go-mode gates around C's calls into Go ----------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// A Go function marked //export is called from C through a wrapper cgo
// generates in _cgo_export.c, which copies the arguments into a frame on the
// C stack and calls crosscall2, the runtime's entry from C into Go:
//
//   int GoF(int x) {
//     size_t _cgo_ctxt = _cgo_wait_runtime_init_done();
//     ... _cgo_a.p0 = x; ...
//     crosscall2(_cgoexp_<hash>_GoF, &_cgo_a, 8, _cgo_ctxt);
//     _cgo_release_context(_cgo_ctxt);
//     return _cgo_a.r0;
//   }
//
// The wrapper runs in whatever mode its C caller is in; from crosscall2 on,
// the runtime touches g, m and the goroutine stack, which are Go memory. This
// pass surrounds every direct call of crosscall2 with
//
//   galeed_enter_go();
//   crosscall2(...);
//   galeed_leave_go();
//
// so Go runs in Go mode and the C caller gets its own mode back. The wrapper's
// other calls stay in the caller's mode: _cgo_wait_runtime_init_done and
// _cgo_release_context are runtime/cgo's C code and use only C memory (its
// globals, and the context function a program registers with
// runtime.SetCgoTraceback, which is C as well).
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_CGOEXPORTGATES_H
#define GALEED_LLVM_PASS_CGOEXPORTGATES_H

#include "llvm/IR/PassManager.h"

namespace galeed {

class CgoExportGatesPass : public llvm::PassInfoMixin<CgoExportGatesPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

  static bool isRequired() { return true; }
};

} // namespace galeed

#endif // GALEED_LLVM_PASS_CGOEXPORTGATES_H
