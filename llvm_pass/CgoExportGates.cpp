//===- CgoExportGates.cpp - Go-mode gates around C's calls into Go --------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//

#include "CgoExportGates.h"
#include "GaleedDiagnostic.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"

using namespace llvm;

#define DEBUG_TYPE "galeed-cgo-export-gates"

namespace galeed {

static cl::opt<std::string>
    ClEnterGo("galeed-enter-go",
              cl::desc("Gate called before an exported Go function's wrapper "
                       "calls crosscall2"),
              cl::init("galeed_enter_go"));

static cl::opt<std::string>
    ClLeaveGo("galeed-leave-go",
              cl::desc("Gate called after crosscall2 returns to C"),
              cl::init("galeed_leave_go"));

// runtime/cgo's entry from C into Go, which every //export wrapper calls.
static constexpr StringLiteral Crosscall2 = "crosscall2";

PreservedAnalyses CgoExportGatesPass::run(Module &M, ModuleAnalysisManager &) {
  Function *Entry = M.getFunction(Crosscall2);
  if (!Entry)
    return PreservedAnalyses::all();

  SmallVector<CallInst *, 4> Calls;
  for (User *U : Entry->users()) {
    auto *CB = dyn_cast<CallBase>(U);
    if (!CB || CB->getCalledOperand() != Entry)
      continue;
    if (auto *Call = dyn_cast<CallInst>(CB)) {
      Calls.push_back(Call);
      continue;
    }
    // cgo's wrappers are C; a C++ caller's invoke would need a
    // galeed_leave_go on its unwind edge too.
    diagnose(DS_Error, *CB->getFunction(), CB->getDebugLoc(),
             "cannot gate this call of crosscall2: it may unwind or branch");
  }
  if (Calls.empty())
    return PreservedAnalyses::all();

  LLVMContext &Ctx = M.getContext();
  FunctionCallee EnterGo = M.getOrInsertFunction(ClEnterGo, Type::getVoidTy(Ctx));
  FunctionCallee LeaveGo = M.getOrInsertFunction(ClLeaveGo, Type::getVoidTy(Ctx));
  for (CallInst *Call : Calls) {
    IRBuilder<> IRB(Call);
    IRB.SetCurrentDebugLocation(Call->getDebugLoc());
    IRB.CreateCall(EnterGo);
    IRB.SetInsertPoint(Call->getNextNode());
    IRB.CreateCall(LeaveGo);
    Ctx.diagnose(OptimizationRemark(DEBUG_TYPE, "Gated", Call)
                 << Call->getFunction()->getName()
                 << " enters Go in Go mode");
  }
  return PreservedAnalyses::none();
}

} // namespace galeed
