//===- PseudoPointers.h - Loads and stores through handles become calls ---===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// C and C++ code never holds a raw pointer into Go memory
// (docs/pseudo-pointers.md): for the Go structs listed in the shared-type
// manifest (-galeed-shared-types, SharedTypes.h), a `struct T *` parameter
// carries a galeed_handle (i64) instead, and every load or store of a field
// through it becomes a call of the field's accessor:
//
//   void point_add5(struct Point *p) { p->x += 5; }
//
// becomes, in IR,
//
//   define void @point_add5(i64 %p) {
//     %x = call i64 @galeed_Point_get_x(i64 %p)
//     %add = add nsw i64 %x, 5
//     call void @galeed_Point_set_x(i64 %p, i64 %add)
//
// The signature is rewritten in place: the function keeps its name and
// linkage and takes an i64 for each such parameter, which is its ABI for
// every caller (the handle ABI). Calls in the module follow: a consumer
// passes the handle it holds, a null pointer becomes 0, and a cgo wrapper
// acquires a call-scoped handle for the Go pointer (CgoCallHandles.h).
// Declarations with such parameters change the same way, so a consumer
// calls another translation unit's consumer with the handle.
//
// The pointer may be copied into local variables, compared with NULL, passed
// on to another consumer's handle parameter and used for field loads and
// stores of scalar fields (int, uint, float, bool); anything else is a
// compile error at its source location, with a hint: pointer arithmetic,
// casts, passing it to other code, storing it outside locals, returning it,
// ptrtoint, copying the whole struct (memcpy, struct assignment), taking a
// field's address, volatile or atomic field accesses, writing a field
// without a setter, and reaching into a field that is not a scalar --
// including a nested shared struct (`l->start.x`), which the pass rejects
// rather than chaining handles: C code calls galeed_<T>_get_<f> itself.
//
// Before rewriting anything the pass checks each manifest type against this
// module's %struct.<c_name> layout (DataLayout): a size or field offset that
// disagrees means a stale manifest, an error naming the manifest and type.
//
// Without -galeed-shared-types the pass does nothing.
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_PSEUDOPOINTERS_H
#define GALEED_LLVM_PASS_PSEUDOPOINTERS_H

#include "llvm/IR/PassManager.h"

namespace galeed {

class PseudoPointersPass : public llvm::PassInfoMixin<PseudoPointersPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

  // A raw Go pointer left in optnone code is a hole in the isolation.
  static bool isRequired() { return true; }
};

} // namespace galeed

#endif // GALEED_LLVM_PASS_PSEUDOPOINTERS_H
