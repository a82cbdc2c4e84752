//===- Plugin.cpp - galeed-go's LLVM pass plugin --------------------------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// Loaded with `clang-14 -fpass-plugin=<plugin>`, the plugin gates every cgo
// call at the start of the optimization pipeline, which every level runs
// before inlining; with `opt-14 -load-pass-plugin=<plugin>` each pass can be
// run by name:
//
//   -passes=galeed-cgo-call-gates     Go -> C wrappers (CgoCallGates.h)
//   -passes=galeed-cgo-export-gates   C -> Go wrappers (CgoExportGates.h)
//   -passes=galeed-cgo-call-handles   handles in cgo wrappers from the
//                                     header's shared-type markers
//                                     (CgoCallHandles.h; after the gates)
//   -passes=galeed-pseudo-pointers    handles for shared Go structs
//                                     (PseudoPointers.h; only with
//                                     -galeed-shared-types, after the gates)
//
//===----------------------------------------------------------------------===//

#include "CgoCallGates.h"
#include "CgoCallHandles.h"
#include "CgoExportGates.h"
#include "PseudoPointers.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"

using namespace llvm;

static bool parseModulePipeline(StringRef Name, ModulePassManager &MPM,
                                ArrayRef<PassBuilder::PipelineElement>) {
  if (Name == "galeed-cgo-call-gates") {
    MPM.addPass(galeed::CgoCallGatesPass());
    return true;
  }
  if (Name == "galeed-cgo-export-gates") {
    MPM.addPass(galeed::CgoExportGatesPass());
    return true;
  }
  if (Name == "galeed-cgo-call-handles") {
    MPM.addPass(galeed::CgoCallHandlesPass());
    return true;
  }
  if (Name == "galeed-pseudo-pointers") {
    MPM.addPass(galeed::PseudoPointersPass());
    return true;
  }
  return false;
}

static void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(parseModulePipeline);
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(galeed::CgoCallGatesPass());
        MPM.addPass(galeed::CgoExportGatesPass());
        // After the gates, which would gate their handle acquire and release
        // as C code (CgoCallHandles.h). Without -galeed-shared-types the
        // first passes handles from the header's markers and the second does
        // nothing; with it, the first checks the markers against it.
        MPM.addPass(galeed::CgoCallHandlesPass());
        MPM.addPass(galeed::PseudoPointersPass());
      });
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "GaleedCgoGates", LLVM_VERSION_STRING,
          registerCallbacks};
}
