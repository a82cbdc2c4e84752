//===- GaleedDiagnostic.cpp - Diagnostics of galeed-go's passes -----------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//

#include "GaleedDiagnostic.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"

using namespace llvm;

namespace galeed {

static DiagnosticLocation locationOf(const Function &Fn, const DebugLoc &Loc) {
  if (Loc)
    return DiagnosticLocation(Loc);
  return DiagnosticLocation(Fn.getSubprogram());
}

DiagnosticInfoGaleed::DiagnosticInfoGaleed(DiagnosticSeverity Severity,
                                           const Function &Fn,
                                           const DebugLoc &Loc,
                                           const Twine &Msg)
    : DiagnosticInfoWithLocationBase(kind(), Severity, Fn,
                                     locationOf(Fn, Loc)),
      Msg(Msg) {}

DiagnosticKind DiagnosticInfoGaleed::kind() {
  static const int Kind = getNextAvailablePluginDiagnosticKind();
  return static_cast<DiagnosticKind>(Kind);
}

void DiagnosticInfoGaleed::print(DiagnosticPrinter &DP) const {
  // Without debug info the function is the only place there is to name.
  if (isLocationAvailable())
    DP << getLocationStr() << ": ";
  DP << "in function " << getFunction().getName() << ": " << Msg;
}

DiagnosticInfoGaleedFile::DiagnosticInfoGaleedFile(DiagnosticSeverity Severity,
                                                   StringRef File,
                                                   unsigned Line,
                                                   const Twine &Msg)
    : DiagnosticInfo(kind(), Severity), File(File), Line(Line), Msg(Msg) {}

DiagnosticKind DiagnosticInfoGaleedFile::kind() {
  static const int Kind = getNextAvailablePluginDiagnosticKind();
  return static_cast<DiagnosticKind>(Kind);
}

void DiagnosticInfoGaleedFile::print(DiagnosticPrinter &DP) const {
  DP << File;
  if (Line)
    DP << ":" << Line;
  DP << ": " << Msg;
}

void diagnose(DiagnosticSeverity Severity, const Function &Fn,
              const DebugLoc &Loc, const Twine &Msg) {
  Fn.getContext().diagnose(DiagnosticInfoGaleed(Severity, Fn, Loc, Msg));
}

void diagnose(DiagnosticSeverity Severity, LLVMContext &Ctx, StringRef File,
              unsigned Line, const Twine &Msg) {
  Ctx.diagnose(DiagnosticInfoGaleedFile(Severity, File, Line, Msg));
}

} // namespace galeed
