//===- PseudoPointers.cpp - Loads and stores through handles become calls -===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//

#include "PseudoPointers.h"
#include "HandleABI.h"
#include "CgoCallHandles.h"
#include "GaleedDiagnostic.h"
#include "SharedTypes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#include <algorithm>
#include <map>

using namespace llvm;

#define DEBUG_TYPE "galeed-pseudo-pointers"

namespace galeed {

namespace {

/// A function whose struct T* parameters become galeed_handles.
struct Rewrite {
  Function *Old = nullptr;
  Function *New = nullptr;
  /// Per parameter: its shared type, or null when it is unchanged.
  SmallVector<const SharedType *, 4> Params;
};

/// A field load or store to turn into an accessor call.
struct FieldAccess {
  Instruction *Access;
  Value *Base; // the tracked struct T* it goes through
  const SharedField *Field;
};

/// What a rewritten function does with its struct T* pointers.
struct FunctionPlan {
  Rewrite *R = nullptr;
  /// Pointers carrying a handle: parameters and loads from slots.
  MapVector<Value *, const SharedType *> Tracked;
  /// Local variables (allocas) holding such pointers.
  MapVector<AllocaInst *, const SharedType *> Slots;
  SmallVector<FieldAccess, 8> Accesses;
  SmallVector<ICmpInst *, 2> NullCompares;
  /// GALEED_HANDLE(p): the pointer as a 64-bit integer, which is its handle.
  SmallVector<PtrToIntInst *, 2> HandleCasts;
  /// Bitcasts of slots feeding only lifetime markers.
  SmallVector<BitCastInst *, 2> SlotCasts;
  /// Instructions left without a use once rewritten.
  SetVector<Instruction *> Dead;
};

struct Problem {
  Function *Fn;
  Instruction *At; // null: the function itself
  std::string Message;
};

class PseudoPointers {
public:
  PseudoPointers(Module &M, const SharedTypeManifest &Manifest)
      : M(M), DL(M.getDataLayout()), Manifest(Manifest),
        Handle(Type::getInt64Ty(M.getContext())) {}

  /// Checks the manifest against the module's struct layouts; false after
  /// reporting a stale type.
  bool checkLayouts();
  /// Finds the functions to rewrite and checks every use of their pointers;
  /// false after reporting what cannot be rewritten.
  bool plan();
  void rewrite();

private:
  const SharedType *sharedPointee(Type *T) const;
  std::string typeName(const SharedType &T) const {
    return "struct " + T.CName;
  }
  void problem(Function *Fn, Instruction *At, const Twine &Msg) {
    Problems.push_back({Fn, At, Msg.str()});
  }

  void planFunction(FunctionPlan &P);
  void planUse(FunctionPlan &P, Value *V, const SharedType &T, Use &U,
               SmallVectorImpl<Value *> &Work);
  void planField(FunctionPlan &P, GetElementPtrInst *GEP, Value *Base,
                 const SharedType &T);
  bool planSlot(FunctionPlan &P, AllocaInst *Slot, const SharedType &T,
                SmallVectorImpl<Value *> &Work);
  void planCalls(Rewrite &R);
  bool checkAccessor(Instruction *At, StringRef Name, FunctionType *Ty);
  void reportProblems();

  void createFunction(Rewrite &R);
  void rewriteBody(FunctionPlan &P);
  void rewriteCalls(Rewrite &R);
  /// The accessor \p Name, declared with \p Ty unless the module has it.
  Function *accessor(StringRef Name, FunctionType *Ty);

  Module &M;
  const DataLayout &DL;
  const SharedTypeManifest &Manifest;
  Type *Handle;

  DenseMap<StructType *, const SharedType *> SharedStructs;
  MapVector<Function *, std::unique_ptr<Rewrite>> Rewrites;
  std::vector<std::unique_ptr<FunctionPlan>> Plans;
  DenseMap<Function *, FunctionPlan *> PlanOf;
  DenseMap<Value *, Value *> HandleOf;
  /// Accessors this module calls, with the type the calls need.
  StringMap<FunctionType *> Accessors;
  std::vector<Problem> Problems;
};

} // namespace

const SharedType *PseudoPointers::sharedPointee(Type *T) const {
  auto *PT = dyn_cast<PointerType>(T);
  if (!PT || PT->isOpaque())
    return nullptr;
  auto *ST = dyn_cast<StructType>(PT->getNonOpaquePointerElementType());
  return ST ? SharedStructs.lookup(ST) : nullptr;
}

bool PseudoPointers::checkLayouts() {
  bool OK = true;
  LLVMContext &Ctx = M.getContext();
  auto Stale = [&](const SharedType &T, const Twine &Msg) {
    diagnose(DS_Error, Ctx, Manifest.path(), 0,
             "stale shared-type manifest: struct " + T.CName + " of " +
                 M.getSourceFileName() + " " + Msg +
                 ": regenerate the manifest from the Go source");
    OK = false;
  };
  for (const SharedType &T : Manifest.types()) {
    StructType *ST = StructType::getTypeByName(Ctx, "struct." + T.CName);
    if (!ST)
      continue;
    SharedStructs[ST] = &T;
    // An incomplete struct T (declared, never defined) has no fields to
    // reach: only its pointers' passing changes.
    if (ST->isOpaque())
      continue;
    const StructLayout *SL = DL.getStructLayout(ST);
    if (SL->getSizeInBytes() != T.Size) {
      Stale(T, "has size " + Twine(SL->getSizeInBytes()) +
                   ", but the manifest says " + Twine(T.Size));
      continue;
    }
    for (const SharedField &F : T.Fields) {
      unsigned I = SL->getElementContainingOffset(F.Offset);
      uint64_t Size = DL.getTypeAllocSize(ST->getElementType(I));
      if (SL->getElementOffset(I) != F.Offset || Size != F.Size)
        Stale(T, "has no member of size " + Twine(F.Size) + " at offset " +
                     Twine(F.Offset) + ", where the manifest puts field " +
                     F.Name);
    }
  }
  return OK;
}

bool PseudoPointers::plan() {
  for (Function &F : M) {
    if (F.isIntrinsic() || isCgoWrapperName(F.getName()))
      continue;
    auto R = std::make_unique<Rewrite>();
    R->Old = &F;
    bool Any = false;
    for (Argument &A : F.args()) {
      // A struct passed by value (byval) or returned (sret) is a C copy.
      bool Copy = A.hasPassPointeeByValueCopyAttr() || A.hasStructRetAttr() ||
                  A.hasAttribute(Attribute::ByRef);
      R->Params.push_back(Copy ? nullptr : sharedPointee(A.getType()));
      Any |= R->Params.back() != nullptr;
    }
    if (Any)
      Rewrites[&F] = std::move(R);
  }
  for (auto &Entry : Rewrites) {
    Rewrite &R = *Entry.second;
    if (R.Old->isDeclaration())
      continue;
    Plans.push_back(std::make_unique<FunctionPlan>());
    Plans.back()->R = &R;
    PlanOf[R.Old] = Plans.back().get();
    planFunction(*Plans.back());
  }
  for (auto &Entry : Rewrites)
    planCalls(*Entry.second);
  reportProblems();
  return Problems.empty();
}

void PseudoPointers::planFunction(FunctionPlan &P) {
  SmallVector<Value *, 8> Work;
  for (Argument &A : P.R->Old->args())
    if (const SharedType *T = P.R->Params[A.getArgNo()]) {
      P.Tracked[&A] = T;
      Work.push_back(&A);
    }
  while (!Work.empty()) {
    Value *V = Work.pop_back_val();
    const SharedType &T = *P.Tracked.lookup(V);
    for (Use &U : V->uses())
      planUse(P, V, T, U, Work);
  }
  // A variable holding a handle holds nothing else.
  for (auto &Slot : P.Slots)
    for (User *U : Slot.first->users())
      if (auto *SI = dyn_cast<StoreInst>(U)) {
        Value *Stored = SI->getValueOperand();
        if (!P.Tracked.count(Stored) && !isa<ConstantPointerNull>(Stored) &&
            !isa<UndefValue>(Stored))
          problem(P.R->Old, SI,
                  "stores a " + typeName(*Slot.second) +
                      " pointer that is not a galeed handle in a variable "
                      "that holds one: only pointers received as " +
                      typeName(*Slot.second) +
                      " * parameters (or NULL) can be used");
      }
}

void PseudoPointers::planUse(FunctionPlan &P, Value *V, const SharedType &T,
                             Use &U, SmallVectorImpl<Value *> &Work) {
  Function *Fn = P.R->Old;
  auto *I = dyn_cast<Instruction>(U.getUser());
  if (!I) {
    problem(Fn, nullptr,
            "a " + typeName(T) + " pointer is used by a constant expression");
    return;
  }
  std::string Ptr = "a " + typeName(T) + " pointer";
  std::string Whole = " (use " + T.readAccessor() + " or " +
                      T.writeAccessor() + " for the whole struct)";

  if (auto *GEP = dyn_cast<GetElementPtrInst>(I)) {
    planField(P, GEP, V, T);
    return;
  }
  if (auto *SI = dyn_cast<StoreInst>(I)) {
    if (U.getOperandNo() == StoreInst::getPointerOperandIndex()) {
      problem(Fn, I, "writes the whole " + typeName(T) + " through " + Ptr +
                         ", a galeed handle" + Whole);
      return;
    }
    auto *Slot = dyn_cast<AllocaInst>(SI->getPointerOperand());
    if (Slot && Slot->getAllocatedType() == V->getType()) {
      // A variable whose address is taken is reported by planSlot.
      if (planSlot(P, Slot, T, Work))
        P.Dead.insert(SI);
      return;
    }
    problem(Fn, I,
            "stores " + Ptr + " outside the function's local variables: "
            "it is a galeed handle, valid only while the call lasts (declare "
            "the variable as galeed_handle for an owned handle)");
    return;
  }
  if (isa<LoadInst>(I)) {
    problem(Fn, I, "reads the whole " + typeName(T) + " through " + Ptr +
                       ", a galeed handle" + Whole);
    return;
  }
  if (auto *Cmp = dyn_cast<ICmpInst>(I)) {
    Value *Other = Cmp->getOperand(1 - U.getOperandNo());
    if (Cmp->isEquality() && isa<ConstantPointerNull>(Other)) {
      P.NullCompares.push_back(Cmp);
      P.Dead.insert(Cmp);
      return;
    }
    problem(Fn, I, "compares " + Ptr +
                       ", a galeed handle, with something other than NULL");
    return;
  }
  if (auto *Call = dyn_cast<CallBase>(I)) {
    Function *Callee = Call->getCalledFunction();
    auto It = Callee ? Rewrites.find(Callee) : Rewrites.end();
    if (Call->isArgOperand(&U) && It != Rewrites.end() &&
        Call->getArgOperandNo(&U) < It->second->Params.size() &&
        It->second->Params[Call->getArgOperandNo(&U)] == &T)
      return; // planCalls passes the handle
    problem(Fn, I,
            "passes " + Ptr + " to " +
                (Callee ? Callee->getName().str() : "an indirect call") +
                ", which does not take a galeed handle: only loads and stores "
                "of its fields, and calls of functions taking a " +
                typeName(T) + " * parameter, can use it");
    return;
  }
  if (auto *Cast = dyn_cast<BitCastInst>(I)) {
    bool AllMem = !Cast->use_empty(), AllCalls = !Cast->use_empty();
    bool Into = false;
    std::string Callee;
    for (User *CU : Cast->users()) {
      auto *Mem = dyn_cast<MemIntrinsic>(CU);
      AllMem &= Mem != nullptr;
      Into |= Mem && Mem->getRawDest() == Cast;
      auto *C = dyn_cast<CallBase>(CU);
      AllCalls &= C != nullptr;
      if (C && C->getCalledFunction() && Callee.empty())
        Callee = C->getCalledFunction()->getName().str();
    }
    if (AllMem)
      problem(Fn, I,
              "copies the whole " + typeName(T) + (Into ? " into " : " out of ") +
                  Ptr + " (memcpy or struct assignment), a galeed handle" +
                  Whole);
    else if (AllCalls)
      problem(Fn, I,
              "passes " + Ptr + " to " +
                  (Callee.empty() ? std::string("an indirect call") : Callee) +
                  ", which does not take a galeed handle: only loads and "
                  "stores of its fields, and calls of functions taking a " +
                  typeName(T) + " * parameter, can use it");
    else
      problem(Fn, I,
              "casts " + Ptr + " to another pointer type: it is a galeed "
              "handle, which reaches only the fields of " + typeName(T));
    return;
  }
  if (auto *Cast = dyn_cast<PtrToIntInst>(I)) {
    // GALEED_HANDLE(p) (galeed_handles.h) is how C reaches the accessors
    // this pass does not call for it (strings, arrays, nested structs,
    // batch): the integer is the handle itself. Any other width would be
    // arithmetic on an address that is not one.
    if (Cast->getType() == Handle) {
      P.HandleCasts.push_back(Cast);
      P.Dead.insert(Cast);
      return;
    }
    problem(Fn, I, "converts " + Ptr +
                       " to a narrower integer: it is a galeed handle, not "
                       "an address (GALEED_HANDLE(p) gives the handle)");
    return;
  }
  if (isa<ReturnInst>(I)) {
    problem(Fn, I, "returns " + Ptr +
                       ": it is a galeed handle, valid only while the call "
                       "lasts");
    return;
  }
  if (isa<PHINode>(I) || isa<SelectInst>(I)) {
    problem(Fn, I, "chooses between " + Ptr +
                       " and another pointer (?:), which galeed handles do "
                       "not support: use an if statement");
    return;
  }
  problem(Fn, I, "uses " + Ptr + " in a " + I->getOpcodeName() +
                     " instruction, which galeed handles do not support");
}

bool PseudoPointers::planSlot(FunctionPlan &P, AllocaInst *Slot,
                              const SharedType &T,
                              SmallVectorImpl<Value *> &Work) {
  if (P.Slots.count(Slot))
    return true;
  SmallVector<LoadInst *, 4> Loads;
  SmallVector<BitCastInst *, 1> Casts;
  for (User *U : Slot->users()) {
    if (auto *SI = dyn_cast<StoreInst>(U)) {
      if (SI->getPointerOperand() == Slot && SI->getValueOperand() != Slot)
        continue;
    } else if (auto *LI = dyn_cast<LoadInst>(U)) {
      Loads.push_back(LI);
      continue;
    } else if (auto *Cast = dyn_cast<BitCastInst>(U)) {
      if (all_of(Cast->users(), [](User *CU) {
            auto *II = dyn_cast<IntrinsicInst>(CU);
            return II && II->isLifetimeStartOrEnd();
          })) {
        Casts.push_back(Cast);
        continue;
      }
    }
    problem(P.R->Old, cast<Instruction>(U),
            "takes the address of a variable holding a " + typeName(T) +
                " pointer, a galeed handle, which must stay in local "
                "variables");
    return false;
  }
  P.Slots[Slot] = &T;
  P.Dead.insert(Slot);
  for (BitCastInst *Cast : Casts) {
    P.SlotCasts.push_back(Cast);
    P.Dead.insert(Cast);
  }
  for (LoadInst *LI : Loads) {
    P.Tracked[LI] = &T;
    P.Dead.insert(LI);
    Work.push_back(LI);
  }
  return true;
}

void PseudoPointers::planField(FunctionPlan &P, GetElementPtrInst *GEP,
                               Value *Base, const SharedType &T) {
  Function *Fn = P.R->Old;
  std::string Ptr = "a " + typeName(T) + " pointer";
  APInt Offset(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
  if (GEP->getPointerOperand() != Base ||
      !GEP->accumulateConstantOffset(DL, Offset) || Offset.isNegative() ||
      Offset.uge(T.Size)) {
    problem(Fn, GEP,
            "pointer arithmetic on " + Ptr + ", a galeed handle: only the "
            "fields of the one " + typeName(T) + " it names can be reached "
            "(p->field)");
    return;
  }
  const SharedField *F = T.fieldAt(Offset.getZExtValue());
  std::string Field = "field " + (F ? F->Name : std::string()) + " of " +
                      typeName(T);
  if (!F) {
    problem(Fn, GEP,
            "accesses offset " + Twine(Offset.getZExtValue()) + " of " +
                typeName(T) + ", where no field of the shared-type manifest " +
                Manifest.path() + " starts");
    return;
  }
  std::string NotScalar;
  if (F->Kind == "struct" || F->Kind == "pointer")
    NotScalar = Field + " is a " +
                (F->Kind == "struct" ? "nested shared struct"
                                     : "pointer into Go memory") +
                ", which galeed-pseudo-pointers does not reach through: "
                "call " +
                (F->Getter.empty() ? std::string("its getter") : F->Getter) +
                " for its galeed handle";
  else if (!F->isScalar())
    NotScalar = Field + " is a " + F->Kind + ", which C reaches only through " +
                (F->Len.empty() ? "galeed_" + T.CName + "_len_" + F->Name
                                : F->Len) +
                " and " +
                (F->Copy.empty() ? "galeed_" + T.CName + "_copy_" + F->Name
                                 : F->Copy);

  for (Use &U : GEP->uses()) {
    auto *I = cast<Instruction>(U.getUser());
    auto *LI = dyn_cast<LoadInst>(I);
    auto *SI = dyn_cast<StoreInst>(I);
    bool IsAccess =
        LI || (SI && U.getOperandNo() == StoreInst::getPointerOperandIndex());
    if (!IsAccess || !NotScalar.empty()) {
      if (!NotScalar.empty())
        problem(Fn, I, NotScalar);
      else
        problem(Fn, I,
                "takes the address of " + Field +
                    ", reached through a galeed handle, which has no "
                    "addresses: load or store the field instead");
      return;
    }
    Type *Ty = LI ? LI->getType() : SI->getValueOperand()->getType();
    bool Simple = LI ? LI->isSimple() : SI->isSimple();
    if (!Simple) {
      problem(Fn, I, "a volatile or atomic access of " + Field +
                         ": accessors are plain calls");
      return;
    }
    if (!(Ty->isIntegerTy() || Ty->isFloatingPointTy()) ||
        DL.getTypeStoreSize(Ty).getFixedSize() != F->Size) {
      problem(Fn, I,
              "accesses " + Twine(DL.getTypeStoreSize(Ty).getFixedSize()) +
                  " bytes of " + Field + " (" + Twine(F->Size) +
                  " bytes): only whole-field loads and stores become "
                  "accessor calls");
      return;
    }
    if (SI && F->Setter.empty()) {
      problem(Fn, I,
              "writes " + Field +
                  ", which is read-only from C (the manifest has no setter)");
      return;
    }
    FunctionType *AccTy =
        LI ? FunctionType::get(Ty, {Handle}, false)
           : FunctionType::get(Type::getVoidTy(M.getContext()), {Handle, Ty},
                               false);
    if (!checkAccessor(I, LI ? F->Getter : F->Setter, AccTy))
      return;
    P.Accesses.push_back({I, Base, F});
    P.Dead.insert(I);
  }
  P.Dead.insert(GEP);
}

/// A C bool is an i8 in memory but an i1 in an accessor's declaration
/// (bool galeed_T_get_f(galeed_handle)).
static bool isBoolFor(Type *Declared, Type *Accessed) {
  return Declared->isIntegerTy(1) && Accessed->isIntegerTy(8);
}

/// Whether an accessor declared \p Have can serve a call that needs \p Want.
static bool accessorFits(FunctionType *Have, FunctionType *Want) {
  if (Have == Want)
    return true;
  if (Have->getNumParams() != Want->getNumParams() || Have->isVarArg())
    return false;
  for (unsigned I = 0; I < Have->getNumParams(); ++I)
    if (Have->getParamType(I) != Want->getParamType(I) &&
        !isBoolFor(Have->getParamType(I), Want->getParamType(I)))
      return false;
  return Have->getReturnType() == Want->getReturnType() ||
         isBoolFor(Have->getReturnType(), Want->getReturnType());
}

bool PseudoPointers::checkAccessor(Instruction *At, StringRef Name,
                                   FunctionType *Ty) {
  FunctionType *Expected = Ty;
  if (Function *Existing = M.getFunction(Name))
    Expected = Existing->getFunctionType();
  auto Inserted = Accessors.try_emplace(Name, Expected);
  if (accessorFits(Inserted.first->second, Ty))
    return true;
  std::string Want, Have;
  raw_string_ostream(Want) << *Ty;
  raw_string_ostream(Have) << *Inserted.first->second;
  problem(At->getFunction(), At,
          "needs " + Name + " of type " + Want + ", but it is " + Have +
              " in this module: the header or manifest is stale");
  return false;
}

void PseudoPointers::planCalls(Rewrite &R) {
  for (Use &U : R.Old->uses()) {
    auto *Call = dyn_cast<CallBase>(U.getUser());
    if (!Call || !Call->isCallee(&U)) {
      auto *I = dyn_cast<Instruction>(U.getUser());
      problem(I ? I->getFunction() : R.Old, I,
              "takes the address of " + R.Old->getName() +
                  ", whose struct pointer parameters are galeed handles: "
                  "call it directly");
      continue;
    }
    if (!isa<CallInst>(Call) && !isa<InvokeInst>(Call)) {
      problem(Call->getFunction(), Call,
              "calls " + R.Old->getName() + " with callbr");
      continue;
    }
    Function *Caller = Call->getFunction();
    bool InWrapper = isCgoWrapperName(Caller->getName());
    if (InWrapper && !isa<CallInst>(Call)) {
      problem(Caller, Call, "a cgo wrapper invokes " + R.Old->getName());
      continue;
    }
    FunctionPlan *P = PlanOf.lookup(Caller);
    for (unsigned I = 0; I < R.Params.size(); ++I) {
      const SharedType *T = R.Params[I];
      if (!T)
        continue;
      Value *A = Call->getArgOperand(I);
      if (isa<ConstantPointerNull>(A) || isa<UndefValue>(A) || InWrapper ||
          (P && P->Tracked.count(A)))
        continue;
      problem(Caller, Call,
              "passes a " + typeName(*T) +
                  " pointer that is not a galeed handle to " +
                  R.Old->getName() + ", which takes one: only a " +
                  typeName(*T) +
                  " * received as a parameter (or NULL) can be passed");
    }
  }
}

void PseudoPointers::reportProblems() {
  // In the module's order, then the functions' own.
  DenseMap<const Function *, unsigned> FnOrder;
  DenseMap<const Instruction *, unsigned> InstOrder;
  for (Function &F : M) {
    FnOrder[&F] = FnOrder.size();
    for (Instruction &I : instructions(F))
      InstOrder[&I] = InstOrder.size();
  }
  std::stable_sort(Problems.begin(), Problems.end(),
                   [&](const Problem &A, const Problem &B) {
                     return std::make_pair(FnOrder.lookup(A.Fn),
                                           A.At ? InstOrder.lookup(A.At) : 0) <
                            std::make_pair(FnOrder.lookup(B.Fn),
                                           B.At ? InstOrder.lookup(B.At) : 0);
                   });
  // One report per instruction and message: a ?: of two handles, say.
  Problems.erase(std::unique(Problems.begin(), Problems.end(),
                             [](const Problem &A, const Problem &B) {
                               return A.Fn == B.Fn && A.At == B.At &&
                                      A.Message == B.Message;
                             }),
                 Problems.end());
  for (const Problem &P : Problems)
    diagnose(DS_Error, *P.Fn, P.At ? P.At->getDebugLoc() : DebugLoc(),
             P.Message);
}

/// Which of R's parameters become handles.
static SmallBitVector handleParams(const Rewrite &R) {
  SmallBitVector IsHandle(R.Params.size());
  for (unsigned I = 0; I < R.Params.size(); ++I)
    IsHandle[I] = R.Params[I] != nullptr;
  return IsHandle;
}

void PseudoPointers::createFunction(Rewrite &R) {
  Function *Old = R.Old;
  Function *New = withHandleParams(*Old, handleParams(R), Handle);
  Old->clearMetadata();
  New->getBasicBlockList().splice(New->begin(), Old->getBasicBlockList());
  for (Argument &A : Old->args()) {
    Argument *NA = New->getArg(A.getArgNo());
    NA->takeName(&A);
    if (R.Params[A.getArgNo()])
      HandleOf[&A] = NA;
    else
      A.replaceAllUsesWith(NA);
  }
  R.New = New;
}

/// Named values keep their names (".handle" added); clang's unnamed ones
/// stay unnamed.
static std::string handleName(const Value *V) {
  return V->hasName() ? (V->getName() + ".handle").str() : std::string();
}

void PseudoPointers::rewriteBody(FunctionPlan &P) {
  LLVMContext &Ctx = M.getContext();
  DenseMap<AllocaInst *, AllocaInst *> NewSlot;
  for (auto &Slot : P.Slots) {
    auto *S = new AllocaInst(Handle, Slot.first->getAddressSpace(), nullptr,
                             Align(8), handleName(Slot.first),
                             Slot.first);
    NewSlot[Slot.first] = S;
    SmallVector<DbgVariableIntrinsic *, 1> Dbg;
    findDbgUsers(Dbg, Slot.first);
    for (DbgVariableIntrinsic *D : Dbg)
      D->replaceVariableLocationOp(Slot.first, S);
    for (User *U : Slot.first->users())
      if (auto *LI = dyn_cast<LoadInst>(U)) {
        IRBuilder<> IRB(LI);
        HandleOf[LI] = IRB.CreateLoad(Handle, S, handleName(LI));
      }
  }
  for (BitCastInst *Cast : P.SlotCasts) {
    auto *S = NewSlot.lookup(cast<AllocaInst>(Cast->getOperand(0)));
    Cast->replaceAllUsesWith(
        new BitCastInst(S, Cast->getType(), Cast->getName(), Cast));
  }
  // Slot stores, after every handle exists.
  for (auto &Slot : P.Slots)
    for (User *U : Slot.first->users())
      if (auto *SI = dyn_cast<StoreInst>(U)) {
        Value *V = SI->getValueOperand();
        Value *H = HandleOf.lookup(V);
        if (!H)
          H = ConstantInt::get(Handle, 0); // NULL
        new StoreInst(H, NewSlot.lookup(Slot.first), SI);
      }
  for (auto &Tracked : P.Tracked) {
    SmallVector<DbgVariableIntrinsic *, 1> Dbg;
    findDbgUsers(Dbg, Tracked.first);
    for (DbgVariableIntrinsic *D : Dbg)
      D->replaceVariableLocationOp(Tracked.first, HandleOf.lookup(Tracked.first));
  }
  for (ICmpInst *Cmp : P.NullCompares) {
    Value *Ptr = isa<ConstantPointerNull>(Cmp->getOperand(0))
                     ? Cmp->getOperand(1)
                     : Cmp->getOperand(0);
    IRBuilder<> IRB(Cmp);
    Value *New = IRB.CreateICmp(Cmp->getPredicate(), HandleOf.lookup(Ptr),
                                ConstantInt::get(Handle, 0), Cmp->getName());
    Cmp->replaceAllUsesWith(New);
  }
  for (PtrToIntInst *Cast : P.HandleCasts)
    Cast->replaceAllUsesWith(HandleOf.lookup(Cast->getPointerOperand()));
  for (FieldAccess &A : P.Accesses) {
    IRBuilder<> IRB(A.Access);
    Value *H = HandleOf.lookup(A.Base);
    if (auto *LI = dyn_cast<LoadInst>(A.Access)) {
      Function *Getter = accessor(
          A.Field->Getter, FunctionType::get(LI->getType(), {Handle}, false));
      Value *V = IRB.CreateCall(Getter, {H}, LI->getName());
      if (V->getType() != LI->getType()) // bool
        V = IRB.CreateZExt(V, LI->getType());
      LI->replaceAllUsesWith(V);
    } else {
      auto *SI = cast<StoreInst>(A.Access);
      Value *V = SI->getValueOperand();
      Function *Setter = accessor(
          A.Field->Setter,
          FunctionType::get(Type::getVoidTy(Ctx), {Handle, V->getType()},
                            false));
      Type *ParamTy = Setter->getFunctionType()->getParamType(1);
      if (ParamTy != V->getType()) // bool
        V = IRB.CreateICmpNE(V, ConstantInt::get(V->getType(), 0));
      CallInst *Call = IRB.CreateCall(Setter, {H, V});
      // The x86-64 psABI as clang implements it: the caller extends an
      // integer argument narrower than 32 bits, and the callee relies on it.
      if (ParamTy->isIntegerTy() && ParamTy->getIntegerBitWidth() < 32)
        Call->addParamAttr(1, A.Field->isSigned() ? Attribute::SExt
                                                  : Attribute::ZExt);
    }
  }
}

Function *PseudoPointers::accessor(StringRef Name, FunctionType *Ty) {
  if (Function *F = M.getFunction(Name))
    return F; // checked by checkAccessor
  Function *F = Function::Create(Ty, GlobalValue::ExternalLinkage, Name, M);
  // An accessor aborts on a bad handle; it never unwinds.
  F->setDoesNotThrow();
  return F;
}

void PseudoPointers::rewriteCalls(Rewrite &R) {
  CgoCallHandles Wrappers(M);
  SmallVector<CallBase *, 4> Calls;
  for (User *U : R.Old->users())
    Calls.push_back(cast<CallBase>(U));
  for (CallBase *Call : Calls) {
    bool InWrapper = isCgoWrapperName(Call->getFunction()->getName());
    SmallVector<Value *, 4> Args(Call->args());
    for (unsigned I = 0; I < R.Params.size(); ++I) {
      if (!R.Params[I])
        continue;
      Value *A = Args[I];
      if (Value *H = HandleOf.lookup(A))
        Args[I] = H;
      else if (isa<ConstantPointerNull>(A) || isa<UndefValue>(A))
        Args[I] = ConstantInt::get(Handle, 0);
      else if (InWrapper)
        Args[I] = Wrappers.acquireAround(*Call, A, R.Params[I]->TypeId);
    }
    callWithHandleArgs(*Call, *R.New, Args, handleParams(R), Handle);
  }
}

void PseudoPointers::rewrite() {
  for (auto &Entry : Rewrites)
    createFunction(*Entry.second);
  for (auto &P : Plans)
    rewriteBody(*P);
  for (auto &Entry : Rewrites)
    rewriteCalls(*Entry.second);
  for (auto &P : Plans) {
    for (Instruction *I : P->Dead)
      I->dropAllReferences();
    for (Instruction *I : P->Dead) {
      if (!I->use_empty())
        I->replaceAllUsesWith(PoisonValue::get(I->getType()));
      I->eraseFromParent();
    }
  }
  for (auto &Entry : Rewrites) {
    Function *Old = Entry.second->Old;
    if (!Old->use_empty())
      Old->replaceAllUsesWith(PoisonValue::get(Old->getType()));
    Old->eraseFromParent();
  }
}

PreservedAnalyses PseudoPointersPass::run(Module &M, ModuleAnalysisManager &) {
  const SharedTypeManifest &Manifest = SharedTypeManifest::get();
  if (Manifest.path().empty())
    return PreservedAnalyses::all();
  if (!Manifest.problems().empty()) {
    for (const std::string &P : Manifest.problems())
      diagnose(DS_Error, M.getContext(), Manifest.path(), 0, P);
    return PreservedAnalyses::all();
  }
  PseudoPointers PP(M, Manifest);
  if (!PP.checkLayouts() || !PP.plan())
    return PreservedAnalyses::all();
  PP.rewrite();
  return PreservedAnalyses::none();
}

} // namespace galeed
