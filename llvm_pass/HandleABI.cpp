//===- HandleABI.cpp - Pointer parameters passed as galeed handles --------===//

#include "HandleABI.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Attributes.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace galeed {

Function *withHandleParams(Function &Old, const SmallBitVector &IsHandle,
                           Type *Handle) {
  FunctionType *OldTy = Old.getFunctionType();
  SmallVector<Type *, 4> Params(OldTy->params().begin(),
                                OldTy->params().end());
  for (unsigned I : IsHandle.set_bits())
    Params[I] = Handle;
  auto *NewTy =
      FunctionType::get(OldTy->getReturnType(), Params, OldTy->isVarArg());
  Module &M = *Old.getParent();
  Function *New = Function::Create(NewTy, Old.getLinkage(),
                                   Old.getAddressSpace(), "", &M);
  New->copyAttributesFrom(&Old);
  New->setComdat(Old.getComdat());
  for (unsigned I : IsHandle.set_bits())
    New->removeParamAttrs(I, AttributeFuncs::typeIncompatible(Handle));
  M.getFunctionList().remove(New);
  M.getFunctionList().insert(Old.getIterator(), New);
  New->takeName(&Old);
  New->copyMetadata(&Old, 0);
  return New;
}

CallBase *callWithHandleArgs(CallBase &Call, Function &New,
                             ArrayRef<Value *> Args,
                             const SmallBitVector &IsHandle, Type *Handle) {
  SmallVector<OperandBundleDef, 1> Bundles;
  Call.getOperandBundlesAsDefs(Bundles);
  CallBase *NewCall;
  if (auto *Inv = dyn_cast<InvokeInst>(&Call)) {
    NewCall = InvokeInst::Create(New.getFunctionType(), &New,
                                 Inv->getNormalDest(), Inv->getUnwindDest(),
                                 Args, Bundles, "", &Call);
  } else {
    auto *CI = CallInst::Create(New.getFunctionType(), &New, Args, Bundles,
                                "", &Call);
    CI->setTailCallKind(cast<CallInst>(Call).getTailCallKind());
    NewCall = CI;
  }
  NewCall->setCallingConv(Call.getCallingConv());
  AttributeList Attrs = Call.getAttributes();
  for (unsigned I : IsHandle.set_bits())
    Attrs = Attrs.removeParamAttributes(
        Call.getContext(), I, AttributeFuncs::typeIncompatible(Handle));
  NewCall->setAttributes(Attrs);
  NewCall->setDebugLoc(Call.getDebugLoc());
  NewCall->copyMetadata(Call);
  NewCall->takeName(&Call);
  Call.replaceAllUsesWith(NewCall);
  Call.eraseFromParent();
  return NewCall;
}

} // namespace galeed
