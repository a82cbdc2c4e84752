//===- CallPolicies.h - Where a cgo call's policy comes from --------------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// A C function's policy says what its C code may do with Go memory while Go
// calls it. Code one can edit declares it next to the function with
// GALEED_CALL_POLICY (galeed_call_policy.h); code one cannot edit, such as a
// third-party module built unmodified, gets it from the call-policy manifest
// that -galeed-call-policies=<file> names. A function both name must have the
// same policy in both. Any other function gets -galeed-default-policy.
//
// The manifest, one function per line:
//
//   # comments and blank lines are ignored; a comment may also end a line
//   C.<function> <deny|readonly|readwrite>
//
// for instance
//
//   # writes the *sqlite3 handle into a Go variable
//   C._sqlite3_open_v2 readwrite
//
// C.<function> is the call's name in the gates and in violation reports. A
// line of another form, an unknown policy, a function listed twice and a file
// that cannot be read are errors in every compilation given the manifest, with
// cgo wrappers or without: the manifest is the build's, not one file's.
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_CALLPOLICIES_H
#define GALEED_LLVM_PASS_CALLPOLICIES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace galeed {

/// What C code may do with Go memory during one cgo call; the values are
/// galeed_policy's in go/mpk/galeed.h.
enum class CallPolicy : unsigned { Deny = 0, ReadOnly = 1, ReadWrite = 2 };

/// The policy's name in GALEED_CALL_POLICY, the manifest and the options.
llvm::StringRef policyName(CallPolicy P);

/// -galeed-default-policy: the policy of a function without another.
CallPolicy defaultPolicy();

/// The manifest -galeed-call-policies names.
class CallPolicyManifest {
public:
  struct Entry {
    CallPolicy Policy;
    unsigned Line;
  };

  struct Problem {
    /// 0 when the problem is the file as a whole.
    unsigned Line;
    std::string Message;
  };

  /// The manifest, read at the first call: clang compiles one module per
  /// process, but opt may transform several. Empty without the option.
  static const CallPolicyManifest &get();

  llvm::StringRef path() const { return Path; }

  /// What is wrong with the manifest. Its entries are only the lines without
  /// problems: a manifest with any must not decide a policy.
  llvm::ArrayRef<Problem> problems() const { return Problems; }

  /// The entry of C.\p CName, or null.
  const Entry *lookup(llvm::StringRef CName) const;

private:
  explicit CallPolicyManifest(std::string Path);

  void parseLine(unsigned Line, llvm::StringRef Text);

  std::string Path;
  /// Keyed by the C function's name, without "C.".
  llvm::StringMap<Entry> Entries;
  std::vector<Problem> Problems;
};

} // namespace galeed

#endif // GALEED_LLVM_PASS_CALLPOLICIES_H
