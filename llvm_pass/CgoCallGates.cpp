//===- CgoCallGates.cpp - C-mode gates around cgo's calls into C ----------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//

#include "CgoCallGates.h"
#include "CallPolicies.h"
#include "GaleedDiagnostic.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"

using namespace llvm;

#define DEBUG_TYPE "galeed-cgo-call-gates"

namespace galeed {

static cl::opt<std::string>
    ClEnterC("galeed-enter-c",
             cl::desc("Gate called before a cgo wrapper's call into C, with "
                      "the call's policy and name"),
             cl::init("galeed_enter_c"));

static cl::opt<std::string>
    ClLeaveC("galeed-leave-c",
             cl::desc("Gate called after a cgo wrapper's call into C"),
             cl::init("galeed_leave_c"));

namespace {

/// A Go->C wrapper, recognized by its name. cmd/cgo names it
/// _cgo_<12 hex digits>_<mangled name>, where the mangled name is _Cfunc_<f>
/// for C.f, _C2func_<f> for C.f called for two results (the second errno),
/// and _Cmacro_<m> for a macro C.m used as a value.
struct CgoWrapper {
  enum WrapperKind { CallsFunction, EvaluatesMacro } Kind;
  /// The C function or macro the Go code names.
  StringRef CName;
};

} // namespace

static Optional<CgoWrapper> parseWrapperName(StringRef Name) {
  const size_t HashLen = 12;
  if (!Name.consume_front("_cgo_") || Name.size() <= HashLen ||
      !all_of(Name.take_front(HashLen), isHexDigit))
    return None;
  Name = Name.drop_front(HashLen);

  CgoWrapper W;
  if (Name.consume_front("_Cfunc_") || Name.consume_front("_C2func_"))
    W.Kind = CgoWrapper::CallsFunction;
  else if (Name.consume_front("_Cmacro_"))
    W.Kind = CgoWrapper::EvaluatesMacro;
  else
    return None;
  if (Name.empty())
    return None;
  // cgo turns C.malloc into C._CMalloc, whose wrapper _Cfunc__Cmalloc calls
  // malloc (cmd/cgo's fixGo): policies and reports should say malloc.
  W.CName = Name == "_Cmalloc" ? StringRef("malloc") : Name;
  return W;
}

/// The functions a Go->C wrapper calls as part of cgo's calling convention
/// rather than as the C code the Go program asked for. They stay in Go mode,
/// outside the gates.
static bool isCgoHelper(StringRef Callee) {
  return StringSwitch<bool>(Callee)
      // Returns the goroutine's stack top, read from g (Go memory), before
      // and after the call, so the wrapper finds the frame again if a
      // callback into Go moved the goroutine stack.
      .Case("_cgo_topofstack", true)
      // With -race: tell the race detector that Go's memory operations
      // happen before the C call and the C call's before Go's, updating the
      // race runtime's state, which Go shares. cgo defines them as static
      // functions calling __tsan_acquire/__tsan_release, which inlining in
      // an earlier pipeline may have exposed.
      .Cases("_cgo_tsan_acquire", "_cgo_tsan_release", true)
      .Cases("__tsan_acquire", "__tsan_release", true)
      // With -msan: marks the result slot in the Go frame as initialized
      // after the wrapper wrote it; the slot is Go memory by design.
      .Case("__msan_unpoison", true)
      // For C.f called for errno too: errno is cleared before the call and
      // read after it. glibc's accessor returns the thread's own errno slot
      // (C memory), so gating it would only add two PKRU switches; the gates
      // themselves must leave errno alone, as they run between the two.
      .Case("__errno_location", true)
      .Default(false);
}

/// ", declared at <file>:<line>" for a policy constant with debug info. The
/// declaration, not the generated wrapper, is where a user looks.
static std::string declaredAt(const GlobalVariable *Declaration) {
  SmallVector<DIGlobalVariableExpression *, 1> DebugInfo;
  if (Declaration)
    Declaration->getDebugInfo(DebugInfo);
  if (DebugInfo.empty())
    return "";
  const DIGlobalVariable *Var = DebugInfo.front()->getVariable();
  return (", declared at " + Var->getFilename() + ":" + Twine(Var->getLine()))
      .str();
}

namespace {

/// A call's policy, and where it was set for messages: ", declared at
/// <file>:<line>" (GALEED_CALL_POLICY), ", listed at <file>:<line>" (the
/// manifest), both, or nothing (the default).
struct ChosenPolicy {
  CallPolicy Policy;
  std::string Origin;
};

class CgoCallGates {
public:
  CgoCallGates(Module &M, const CallPolicyManifest &Manifest)
      : M(M), Manifest(Manifest) {}

  /// Gates \p Wrapper's C code; returns whether it changed anything.
  bool gate(Function &Wrapper, const CgoWrapper &W);

private:
  bool gateCalls(Function &Wrapper, StringRef CName, CallPolicy P);
  bool gateMacro(Function &Wrapper, StringRef CName, CallPolicy P);

  /// GALEED_CALL_POLICY's constant for \p CName, if declared.
  const GlobalVariable *policyDeclaration(StringRef CName) const;

  /// The policy of \p CName; None after reporting a malformed declaration
  /// or one the manifest contradicts.
  Optional<ChosenPolicy> policyFor(const Function &Wrapper, StringRef CName);

  /// Puts the C-mode gates before \p Begin and before \p End.
  void insertGates(Instruction *Begin, Instruction *End, const DebugLoc &Loc,
                   CallPolicy P, StringRef CName);

  Module &M;
  const CallPolicyManifest &Manifest;
};

} // namespace

bool CgoCallGates::gate(Function &Wrapper, const CgoWrapper &W) {
  Optional<ChosenPolicy> P = policyFor(Wrapper, W.CName);
  if (!P)
    return false;
  if (P->Policy == CallPolicy::ReadWrite)
    diagnose(DS_Warning, Wrapper, DebugLoc(),
             "C." + W.CName +
                 " runs with Go memory readable and writable: galeed does "
                 "not isolate this call (policy readwrite" +
                 P->Origin + ")");
  switch (W.Kind) {
  case CgoWrapper::CallsFunction:
    return gateCalls(Wrapper, W.CName, P->Policy);
  case CgoWrapper::EvaluatesMacro:
    return gateMacro(Wrapper, W.CName, P->Policy);
  }
  llvm_unreachable("unknown CgoWrapper kind");
}

bool CgoCallGates::gateCalls(Function &Wrapper, StringRef CName,
                             CallPolicy P) {
  SmallVector<CallInst *, 2> Calls;
  for (Instruction &I : instructions(Wrapper)) {
    auto *CB = dyn_cast<CallBase>(&I);
    if (!CB)
      continue;
    const Function *Callee = CB->getCalledFunction();
    if (Callee && (Callee->isIntrinsic() || isCgoHelper(Callee->getName())))
      continue;
    auto *Call = dyn_cast<CallInst>(CB);
    if (!Call) {
      // An invoke or callbr leaves through more than one edge, each needing
      // its own galeed_leave_c; cgo's wrappers are C and have neither.
      diagnose(DS_Error, Wrapper, CB->getDebugLoc(),
               "cannot gate C." + CName +
                   ": the call may unwind or branch, which a cgo wrapper's "
                   "call never does");
      return false;
    }
    Calls.push_back(Call);
  }

  if (Calls.empty()) {
    diagnose(DS_Error, Wrapper, DebugLoc(),
             "the cgo wrapper of C." + CName +
                 " calls no C function to gate: it was inlined or removed "
                 "before galeed-cgo-call-gates ran, which must come before "
                 "inlining");
    return false;
  }
  // C.malloc's wrapper calls malloc twice (once more for a zero-size
  // allocation), reading the frame in between: each call is gated alone.
  for (CallInst *Call : Calls)
    insertGates(Call, Call->getNextNode(), Call->getDebugLoc(), P, CName);
  return true;
}

bool CgoCallGates::gateMacro(Function &Wrapper, StringRef CName,
                             CallPolicy P) {
  // cgo evaluates the macro into a local between saving the stack top and
  // re-reading it, and reads and writes the frame only outside that span.
  SmallVector<CallInst *, 2> TopOfStack;
  for (Instruction &I : instructions(Wrapper))
    if (auto *Call = dyn_cast<CallInst>(&I))
      if (const Function *Callee = Call->getCalledFunction())
        if (Callee->getName() == "_cgo_topofstack")
          TopOfStack.push_back(Call);

  if (TopOfStack.size() != 2) {
    diagnose(DS_Error, Wrapper, DebugLoc(),
             "cannot find where the cgo wrapper of C." + CName +
                 " evaluates the macro: expected two calls of "
                 "_cgo_topofstack, found " +
                 Twine(TopOfStack.size()));
    return false;
  }
  insertGates(TopOfStack[0]->getNextNode(), TopOfStack[1],
              TopOfStack[0]->getDebugLoc(), P, CName);
  return true;
}

const GlobalVariable *CgoCallGates::policyDeclaration(StringRef CName) const {
  // GALEED_CALL_POLICY(f, p) defines this constant in every translation
  // unit that sees the declaration, cgo's wrappers included; the C compiler
  // has already rejected an unknown policy name.
  return M.getGlobalVariable(("galeed_call_policy__" + CName).str(),
                             /*AllowInternal=*/true);
}

Optional<ChosenPolicy> CgoCallGates::policyFor(const Function &Wrapper,
                                               StringRef CName) {
  const CallPolicyManifest::Entry *Listed = Manifest.lookup(CName);
  std::string ListedAt =
      Listed
          ? (", listed at " + Manifest.path() + ":" + Twine(Listed->Line)).str()
          : "";
  const GlobalVariable *Declared = policyDeclaration(CName);
  if (!Declared)
    return ChosenPolicy{Listed ? Listed->Policy : defaultPolicy(), ListedAt};

  const auto *Value = Declared->hasDefinitiveInitializer()
                          ? dyn_cast<ConstantInt>(Declared->getInitializer())
                          : nullptr;
  if (!Value || Value->getValue().ugt(unsigned(CallPolicy::ReadWrite))) {
    diagnose(DS_Error, Wrapper, DebugLoc(),
             "the policy of C." + CName + " (" + Declared->getName() +
                 declaredAt(Declared) +
                 ") is not a constant deny, readonly or readwrite: declare "
                 "it with GALEED_CALL_POLICY");
    return None;
  }
  auto P = static_cast<CallPolicy>(Value->getZExtValue());
  if (Listed && Listed->Policy != P) {
    diagnose(DS_Error, M.getContext(), Manifest.path(), Listed->Line,
             "C." + CName + " is " + policyName(Listed->Policy) + " here but " +
                 policyName(P) + " in its GALEED_CALL_POLICY (" +
                 Declared->getName() + declaredAt(Declared) + ")");
    return None;
  }
  return ChosenPolicy{P, declaredAt(Declared) + ListedAt};
}

void CgoCallGates::insertGates(Instruction *Begin, Instruction *End,
                               const DebugLoc &Loc, CallPolicy P,
                               StringRef CName) {
  LLVMContext &Ctx = M.getContext();
  // void galeed_enter_c(galeed_policy, const char *); void galeed_leave_c(void)
  FunctionCallee EnterC =
      M.getOrInsertFunction(ClEnterC, Type::getVoidTy(Ctx),
                            Type::getInt32Ty(Ctx), Type::getInt8PtrTy(Ctx));
  FunctionCallee LeaveC = M.getOrInsertFunction(ClLeaveC, Type::getVoidTy(Ctx));

  IRBuilder<> IRB(Begin);
  IRB.SetCurrentDebugLocation(Loc);
  // The name is for violation reports, which may come long after the call:
  // it has to live as long as the program, as galeed_enter_c requires.
  Value *Name = IRB.CreateGlobalStringPtr(("C." + CName).str(),
                                          "galeed.call." + CName);
  IRB.CreateCall(EnterC, {IRB.getInt32(unsigned(P)), Name});
  IRB.SetInsertPoint(End);
  IRB.CreateCall(LeaveC);

  // One remark per gated call: `-Rpass=galeed` (clang) or
  // `-pass-remarks=galeed` (opt) lists what runs in C mode and how.
  Ctx.diagnose(OptimizationRemark(DEBUG_TYPE, "Gated", Loc,
                                  Begin->getParent())
               << "C." << CName << " runs in C mode, policy "
               << policyName(P));
}

PreservedAnalyses CgoCallGatesPass::run(Module &M, ModuleAnalysisManager &) {
  const CallPolicyManifest &Manifest = CallPolicyManifest::get();
  if (!Manifest.problems().empty()) {
    for (const CallPolicyManifest::Problem &P : Manifest.problems())
      diagnose(DS_Error, M.getContext(), Manifest.path(), P.Line, P.Message);
    return PreservedAnalyses::all();
  }

  CgoCallGates Gates(M, Manifest);
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    if (Optional<CgoWrapper> W = parseWrapperName(F.getName()))
      Changed |= Gates.gate(F, *W);
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace galeed
