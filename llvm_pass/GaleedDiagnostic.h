//===- GaleedDiagnostic.h - Diagnostics of galeed-go's passes -------------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// The passes' errors and warnings go through LLVMContext::diagnose, so clang
// reports them like its own (an error fails the compilation) and opt prints
// them, both with the source location when the IR carries debug info, or
// with the file and line of the passes' own input at fault.
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_GALEEDDIAGNOSTIC_H
#define GALEED_LLVM_PASS_GALEEDDIAGNOSTIC_H

#include "llvm/IR/DiagnosticInfo.h"

namespace galeed {

class DiagnosticInfoGaleed : public llvm::DiagnosticInfoWithLocationBase {
public:
  /// Reports at \p Loc when it has a location, else at \p Fn's definition.
  DiagnosticInfoGaleed(llvm::DiagnosticSeverity Severity,
                       const llvm::Function &Fn, const llvm::DebugLoc &Loc,
                       const llvm::Twine &Msg);

  void print(llvm::DiagnosticPrinter &DP) const override;

  static bool classof(const llvm::DiagnosticInfo *DI) {
    return DI->getKind() == kind();
  }

private:
  static llvm::DiagnosticKind kind();

  // Diagnostics are handled before LLVMContext::diagnose returns, while the
  // caller's Twine is alive, as in LLVM's own DiagnosticInfo classes.
  const llvm::Twine &Msg;
};

/// A problem in an input of the passes other than the IR (the call-policy
/// manifest), printed "<file>:<line>: <message>" as compilers print errors in
/// their own inputs; line 0 stands for the whole file.
class DiagnosticInfoGaleedFile : public llvm::DiagnosticInfo {
public:
  DiagnosticInfoGaleedFile(llvm::DiagnosticSeverity Severity,
                           llvm::StringRef File, unsigned Line,
                           const llvm::Twine &Msg);

  void print(llvm::DiagnosticPrinter &DP) const override;

  static bool classof(const llvm::DiagnosticInfo *DI) {
    return DI->getKind() == kind();
  }

private:
  static llvm::DiagnosticKind kind();

  // Alive until LLVMContext::diagnose returns, as DiagnosticInfoGaleed's Msg.
  llvm::StringRef File;
  unsigned Line;
  const llvm::Twine &Msg;
};

/// Reports \p Msg about \p Fn, at \p Loc when it has a location.
void diagnose(llvm::DiagnosticSeverity Severity, const llvm::Function &Fn,
              const llvm::DebugLoc &Loc, const llvm::Twine &Msg);

/// Reports \p Msg about line \p Line of \p File (0: the whole file).
void diagnose(llvm::DiagnosticSeverity Severity, llvm::LLVMContext &Ctx,
              llvm::StringRef File, unsigned Line, const llvm::Twine &Msg);

} // namespace galeed

#endif // GALEED_LLVM_PASS_GALEEDDIAGNOSTIC_H
