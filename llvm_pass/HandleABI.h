//===- HandleABI.h - Pointer parameters passed as galeed handles ----------===//
//
// Both pseudo-pointer transformations change a function's signature the same
// way: each parameter that points to a shared struct becomes an i64 galeed
// handle (galeed_handles.h), in place, under the function's own name, so
// every caller uses the handle ABI. galeed-pseudo-pointers does it to the
// consumers it rewrites, galeed-cgo-call-handles to the C functions cgo's
// wrappers call. These are the two steps they share.
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_HANDLEABI_H
#define GALEED_LLVM_PASS_HANDLEABI_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallBitVector.h"

namespace llvm {
class CallBase;
class Function;
class Type;
class Value;
} // namespace llvm

namespace galeed {

/// Creates, next to Old and with Old's name, attributes and metadata, the
/// function whose parameters marked in IsHandle are of type Handle instead;
/// Old keeps its body and uses, for the caller to move and to rewrite.
llvm::Function *withHandleParams(llvm::Function &Old,
                                 const llvm::SmallBitVector &IsHandle,
                                 llvm::Type *Handle);

/// Replaces Call with a call (or invoke) of New with Args, whose marked
/// arguments are handles: Call's attributes, bundles, debug location and
/// metadata carry over, minus the marked parameters' pointer attributes.
llvm::CallBase *callWithHandleArgs(llvm::CallBase &Call, llvm::Function &New,
                                   llvm::ArrayRef<llvm::Value *> Args,
                                   const llvm::SmallBitVector &IsHandle,
                                   llvm::Type *Handle);

} // namespace galeed

#endif
