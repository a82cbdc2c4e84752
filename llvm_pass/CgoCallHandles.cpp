//===- CgoCallHandles.cpp - Call-scoped handles in cgo's Go -> C wrappers -===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//

#include "CgoCallHandles.h"
#include "GaleedDiagnostic.h"
#include "HandleABI.h"
#include "SharedTypes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalAlias.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"

using namespace llvm;

namespace galeed {

static cl::opt<std::string> ClHandleAcquire(
    "galeed-handle-acquire",
    cl::desc("Acquires a call-scoped handle in a cgo wrapper: "
             "galeed_handle (const void *, uint32_t type_id)"),
    cl::init("galeed_handle_acquire"));

static cl::opt<std::string> ClHandleRelease(
    "galeed-handle-release",
    cl::desc("Releases a call-scoped handle in a cgo wrapper: "
             "void (galeed_handle)"),
    cl::init("galeed_handle_release"));

bool isCgoWrapperName(StringRef Name) {
  const size_t HashLen = 12;
  if (!Name.consume_front("_cgo_") || Name.size() <= HashLen ||
      !all_of(Name.take_front(HashLen), isHexDigit))
    return false;
  Name = Name.drop_front(HashLen);
  return (Name.consume_front("_Cfunc_") || Name.consume_front("_C2func_") ||
          Name.consume_front("_Cmacro_")) &&
         !Name.empty();
}

/// The value of galeed-cgo-call-gates' option \p Name (the gates' names),
/// else \p Default.
static std::string gateName(StringRef Name, StringRef Default) {
  auto &Options = cl::getRegisteredOptions();
  auto It = Options.find(Name);
  if (It == Options.end())
    return Default.str();
  // Both options are cl::opt<std::string> (CgoCallGates.cpp).
  return static_cast<cl::opt<std::string> *>(It->second)->getValue();
}

static bool callsFunctionNamed(const Instruction *I, StringRef Name) {
  const auto *Call = dyn_cast_or_null<CallInst>(I);
  const Function *Callee = Call ? Call->getCalledFunction() : nullptr;
  return Callee && Callee->getName() == Name;
}

Value *CgoCallHandles::acquireAround(CallBase &Call, Value *Ptr,
                                     uint32_t TypeId) {
  LLVMContext &Ctx = M.getContext();
  Type *Handle = Type::getInt64Ty(Ctx);
  FunctionCallee Acquire =
      M.getOrInsertFunction(ClHandleAcquire, Handle, Type::getInt8PtrTy(Ctx),
                            Type::getInt32Ty(Ctx));
  FunctionCallee Release =
      M.getOrInsertFunction(ClHandleRelease, Type::getVoidTy(Ctx), Handle);

  Instruction *Begin = &Call;
  if (callsFunctionNamed(Call.getPrevNode(),
                         gateName("galeed-enter-c", "galeed_enter_c")))
    Begin = Call.getPrevNode();
  Instruction *End = &Call;
  if (callsFunctionNamed(Call.getNextNode(),
                         gateName("galeed-leave-c", "galeed_leave_c")))
    End = Call.getNextNode();

  IRBuilder<> IRB(Begin);
  IRB.SetCurrentDebugLocation(Call.getDebugLoc());
  Value *H = IRB.CreateCall(
      Acquire, {IRB.CreatePointerCast(Ptr, IRB.getInt8PtrTy()),
                IRB.getInt32(TypeId)},
      "galeed.handle");
  // An invoke has no single next instruction; cgo's wrappers are C and make
  // none (the pass reports them before getting here).
  IRB.SetInsertPoint(End->getNextNode());
  IRB.CreateCall(Release, {H});
  return H;
}

static std::string hex(uint64_t V) {
  std::string S;
  raw_string_ostream(S) << format_hex(V, 10);
  return S;
}

/// " (<source file>)", where the marker comes from.
static std::string markerSource(const Module &M) {
  return " (" + M.getSourceFileName() + ")";
}

bool CgoCallHandles::readMarkers(std::vector<SharedTypeMarker> &Markers) const {
  bool OK = true;
  auto Read = [&](const GlobalValue &GV, const GlobalVariable *Var) {
    StringRef CName = GV.getName();
    if (!CName.consume_front(SharedTypeMarkerPrefix))
      return;
    const ConstantInt *Id =
        Var && Var->hasDefinitiveInitializer()
            ? dyn_cast<ConstantInt>(Var->getInitializer())
            : nullptr;
    if (!Id || Id->isZero() || Id->getValue().getActiveBits() > 32) {
      diagnose(DS_Error, M.getContext(), M.getSourceFileName(), 0,
               "the shared-type marker " + GV.getName() +
                   " is not a constant type ID from 1 to 2^32-1: "
                   "regenerate the header (<pkg>_galeed.h) with galeedgen");
      OK = false;
      return;
    }
    Markers.push_back({CName.str(), uint32_t(Id->getZExtValue()), &GV});
  };
  for (const GlobalVariable &GV : M.globals())
    Read(GV, &GV);
  // C++: the constant's name is mangled, and extern "C" adds an alias.
  for (const GlobalAlias &GA : M.aliases())
    Read(GA, dyn_cast<GlobalVariable>(GA.getAliaseeObject()));
  return OK;
}

bool CgoCallHandles::checkMarkersAgainstManifest(
    const std::vector<SharedTypeMarker> &Markers) const {
  const SharedTypeManifest &Manifest = SharedTypeManifest::get();
  bool OK = true;
  for (const SharedTypeMarker &Mk : Markers) {
    const SharedType *T = Manifest.lookup(Mk.CName);
    if (!T || T->TypeId == Mk.TypeId)
      continue;
    diagnose(DS_Error, M.getContext(), Manifest.path(), 0,
             "stale shared-type manifest or header: struct " + Mk.CName +
                 " has type ID " + hex(Mk.TypeId) + " in its marker " +
                 Mk.Marker->getName() + markerSource(M) + ", but " +
                 hex(T->TypeId) + " in the manifest" +
                 ": regenerate both from the Go source");
    OK = false;
  }
  return OK;
}

namespace {
/// A declared function whose struct T* parameters become handles.
struct HandleCallee {
  Function *Old = nullptr;
  /// Per parameter: the marked type's ID, or 0 when it is unchanged.
  SmallVector<uint32_t, 4> TypeIds;
  SmallVector<const SharedTypeMarker *, 4> Types;
};
} // namespace

bool CgoCallHandles::wrapWithMarkers(
    const std::vector<SharedTypeMarker> &Markers, bool &Changed) {
  Changed = false;
  LLVMContext &Ctx = M.getContext();
  DenseMap<StructType *, const SharedTypeMarker *> Shared;
  for (const SharedTypeMarker &Mk : Markers)
    if (StructType *ST = StructType::getTypeByName(Ctx, "struct." + Mk.CName))
      Shared[ST] = &Mk;
  if (Shared.empty() || none_of(M, [](const Function &F) {
        return !F.isDeclaration() && isCgoWrapperName(F.getName());
      }))
    return true;

  auto SharedPointee = [&](Type *T) -> const SharedTypeMarker * {
    auto *PT = dyn_cast<PointerType>(T);
    if (!PT || PT->isOpaque())
      return nullptr;
    auto *ST = dyn_cast<StructType>(PT->getNonOpaquePointerElementType());
    return ST ? Shared.lookup(ST) : nullptr;
  };

  bool OK = true;
  MapVector<Function *, HandleCallee> Callees;
  for (Function &F : M) {
    if (F.isIntrinsic() || isCgoWrapperName(F.getName()))
      continue;
    HandleCallee C;
    C.Old = &F;
    bool Any = false;
    for (Argument &A : F.args()) {
      bool Copy = A.hasPassPointeeByValueCopyAttr() || A.hasStructRetAttr() ||
                  A.hasAttribute(Attribute::ByRef);
      const SharedTypeMarker *Mk = Copy ? nullptr : SharedPointee(A.getType());
      C.Types.push_back(Mk);
      C.TypeIds.push_back(Mk ? Mk->TypeId : 0);
      Any |= Mk != nullptr;
    }
    if (!Any)
      continue;
    // Only what a wrapper calls: the rest is the consumer rewrite's
    // (galeed-pseudo-pointers, with the manifest).
    bool FromWrapper = any_of(F.users(), [](const User *U) {
      const auto *I = dyn_cast<Instruction>(U);
      return I && isCgoWrapperName(I->getFunction()->getName());
    });
    if (!FromWrapper)
      continue;
    const SharedTypeMarker *First = *find_if(
        C.Types, [](const SharedTypeMarker *T) { return T != nullptr; });
    std::string TypeName = "struct " + First->CName;
    for (Use &U : F.uses()) {
      auto *I = dyn_cast<Instruction>(U.getUser());
      auto *Call = dyn_cast_or_null<CallInst>(I);
      Function *Caller = I ? I->getFunction() : nullptr;
      if (Call && Call->isCallee(&U) && isCgoWrapperName(Caller->getName())) {
        if (!F.isDeclaration()) {
          diagnose(DS_Error, *Caller, Call->getDebugLoc(),
                   "calls " + F.getName() + ", which this module defines "
                   "with a " + TypeName + " * parameter (a shared Go "
                   "struct, " + First->Marker->getName() + "): its body reaches the struct "
                   "only through a galeed handle, which needs the "
                   "shared-type manifest (-galeed-shared-types)");
          OK = false;
        }
        continue;
      }
      if (Caller)
        diagnose(DS_Error, *Caller, I->getDebugLoc(),
                 "uses " + F.getName() + ", whose " + TypeName +
                     " * parameters are galeed handles for cgo's wrappers, "
                     "outside a direct call from a cgo wrapper: without the "
                     "shared-type manifest (-galeed-shared-types) only cgo's "
                     "wrappers can pass it handles");
      else
        diagnose(DS_Error, Ctx, M.getSourceFileName(), 0,
                 "a constant uses " + F.getName() + ", whose " + TypeName +
                     " * parameters are galeed handles for cgo's wrappers");
      OK = false;
    }
    Callees.insert({&F, std::move(C)});
  }
  if (!OK)
    return false;

  Type *Handle = Type::getInt64Ty(Ctx);
  for (auto &Entry : Callees) {
    HandleCallee &C = Entry.second;
    Function *Old = C.Old;
    SmallBitVector IsHandle(C.TypeIds.size());
    for (unsigned I = 0; I < C.TypeIds.size(); ++I)
      IsHandle[I] = C.TypeIds[I] != 0;
    Function *New = withHandleParams(*Old, IsHandle, Handle);

    SmallVector<CallInst *, 4> Calls;
    for (User *U : Old->users())
      Calls.push_back(cast<CallInst>(U));
    for (CallInst *Call : Calls) {
      SmallVector<Value *, 4> Args(Call->args());
      for (unsigned I = 0; I < C.TypeIds.size(); ++I) {
        if (!C.TypeIds[I])
          continue;
        Value *A = Args[I];
        if (isa<ConstantPointerNull>(A) || isa<UndefValue>(A))
          Args[I] = ConstantInt::get(Handle, 0);
        else
          Args[I] = acquireAround(*Call, A, C.TypeIds[I]);
      }
      callWithHandleArgs(*Call, *New, Args, IsHandle, Handle);
    }
    Old->eraseFromParent();
    Changed = true;
  }
  return true;
}

PreservedAnalyses CgoCallHandlesPass::run(Module &M,
                                          ModuleAnalysisManager &) {
  CgoCallHandles Handles(M);
  std::vector<SharedTypeMarker> Markers;
  if (!Handles.readMarkers(Markers) || Markers.empty())
    return PreservedAnalyses::all();
  const SharedTypeManifest &Manifest = SharedTypeManifest::get();
  if (!Manifest.path().empty()) {
    // galeed-pseudo-pointers reports a broken manifest and does the rest.
    if (Manifest.problems().empty())
      Handles.checkMarkersAgainstManifest(Markers);
    return PreservedAnalyses::all();
  }
  bool Changed = false;
  Handles.wrapWithMarkers(Markers, Changed);
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace galeed
