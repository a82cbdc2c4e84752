//===- CgoCallHandles.h - Call-scoped handles in cgo's Go -> C wrappers ---===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// The wrapper side of galeed-pseudo-pointers (PseudoPointers.h). When a cgo
// wrapper (CgoCallGates.h) calls a C function whose struct T* parameter
// became a galeed_handle, the Go pointer the frame holds is turned into a
// call-scoped handle around the call, in Go mode:
//
//   h = galeed_handle_acquire(p, <type id of T>);   // before galeed_enter_c
//   galeed_enter_c(<policy>, "C.f");
//   f(h);
//   galeed_leave_c();
//   galeed_handle_release(h);                        // after galeed_leave_c
//
// galeed-cgo-call-gates gates every call a wrapper makes but cgo's helpers,
// so it must not see the acquire and release: galeed-pseudo-pointers runs
// after it and puts them outside the gates it finds next to the call (alone,
// it puts them next to the call). Several handles are acquired in argument
// order and released in reverse. A nil pointer is the registry's business:
// galeed_handle_acquire(NULL, t) returns 0 and galeed_handle_release(0) does
// nothing.
//
// Where the shared types come from. With the shared-type manifest
// (-galeed-shared-types), galeed-pseudo-pointers rewrites consumers and
// wrappers alike and calls acquireAround. A Go package's own cgo C, though,
// is compiled by rules_go, which cannot name a generated file in its flags;
// its preamble includes the generator's <pkg>_galeed.h instead, which
// defines for each shared type T
//
//   static const uint32_t galeed_shared_type__T __attribute__((used)) =
//       GALEED_TYPE_T;
//
// (in C++ an internal alias of that name to the mangled constant).
// CgoCallHandlesPass (galeed-cgo-call-handles) reads these markers:
//
// - without a manifest, in a module with cgo wrappers, they are the shared
//   types: each function the module declares (not defines) with a struct T *
//   parameter of a marked T and called by a wrapper takes a galeed_handle
//   (i64) instead, the ABI of consumers compiled with the manifest, and the
//   wrappers' calls get call-scoped handles as above. Field accesses need the
//   manifest: a wrapper calling such a function defined in the module, or
//   any other use of it (address taken, called from non-wrapper code), is an
//   error. A module without cgo wrappers is left alone.
// - with a manifest, a marker whose type ID differs from the manifest's
//   type of the same name is an error (one of the two is stale); the
//   markers change nothing else, galeed-pseudo-pointers doing the work.
//
// A marker whose initializer is not an integer constant from 1 to 2^32-1 is
// an error.
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_CGOCALLHANDLES_H
#define GALEED_LLVM_PASS_CGOCALLHANDLES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/PassManager.h"

#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class CallBase;
class GlobalValue;
class Module;
class Value;
} // namespace llvm

namespace galeed {

/// Whether \p Name is a cgo Go -> C wrapper's (_cgo_<hash>_Cfunc_f,
/// _C2func_f, _Cmacro_m), as CgoCallGates recognizes them.
bool isCgoWrapperName(llvm::StringRef Name);

/// The name prefix of the header's shared-type markers.
constexpr llvm::StringLiteral SharedTypeMarkerPrefix = "galeed_shared_type__";

/// One galeed_shared_type__<CName> marker of the module.
struct SharedTypeMarker {
  std::string CName;
  uint32_t TypeId = 0;
  const llvm::GlobalValue *Marker = nullptr;
};

class CgoCallHandles {
public:
  explicit CgoCallHandles(llvm::Module &M) : M(M) {}

  /// The module's markers, in its order; false after reporting a malformed
  /// one.
  bool readMarkers(std::vector<SharedTypeMarker> &Markers) const;

  /// With -galeed-shared-types: reports each marker whose type ID the
  /// manifest contradicts; false if any.
  bool checkMarkersAgainstManifest(
      const std::vector<SharedTypeMarker> &Markers) const;

  /// Without a manifest: passes call-scoped handles for the marked shared
  /// types from the module's cgo wrappers to the functions they call
  /// (rewriting those declarations); false after reporting what cannot be
  /// done, having changed nothing. \p Changed says whether anything changed.
  bool wrapWithMarkers(const std::vector<SharedTypeMarker> &Markers,
                       bool &Changed);

  /// Acquires a call-scoped handle of type \p TypeId for \p Ptr (a Go
  /// pointer argument of \p Call) before \p Call and its gates, releases it
  /// after them, and returns the handle (an i64).
  llvm::Value *acquireAround(llvm::CallBase &Call, llvm::Value *Ptr,
                             uint32_t TypeId);

private:
  llvm::Module &M;
};

/// galeed-cgo-call-handles: the marker-driven wrapper side (above).
class CgoCallHandlesPass : public llvm::PassInfoMixin<CgoCallHandlesPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);

  // A raw Go pointer passed to a handle parameter is a hole in the isolation.
  static bool isRequired() { return true; }
};

} // namespace galeed

#endif // GALEED_LLVM_PASS_CGOCALLHANDLES_H
