//===- CallPolicies.cpp - Where a cgo call's policy comes from ------------===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//

#include "CallPolicies.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/LineIterator.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace galeed {

static cl::opt<CallPolicy> ClDefaultPolicy(
    "galeed-default-policy",
    cl::desc("Policy of a cgo call whose C function declares none with "
             "GALEED_CALL_POLICY and has none in -galeed-call-policies"),
    cl::init(CallPolicy::Deny),
    cl::values(
        clEnumValN(CallPolicy::Deny, "deny", "C may not access Go memory"),
        clEnumValN(CallPolicy::ReadOnly, "readonly",
                   "C may read Go memory but not write it"),
        clEnumValN(CallPolicy::ReadWrite, "readwrite",
                   "C may read and write Go memory: no isolation")));

static cl::opt<std::string> ClCallPolicies(
    "galeed-call-policies",
    cl::desc("Manifest of C functions' policies, for code that cannot "
             "declare them with GALEED_CALL_POLICY (llvm_pass/README.md)"),
    cl::value_desc("file"));

StringRef policyName(CallPolicy P) {
  switch (P) {
  case CallPolicy::Deny:
    return "deny";
  case CallPolicy::ReadOnly:
    return "readonly";
  case CallPolicy::ReadWrite:
    return "readwrite";
  }
  llvm_unreachable("unknown CallPolicy");
}

CallPolicy defaultPolicy() { return ClDefaultPolicy; }

// The manifest spells policies as -galeed-default-policy does, so the
// option's values are the one table of names to parse.
static Optional<CallPolicy> parsePolicyName(StringRef Name) {
  cl::parser<CallPolicy> &Names = ClDefaultPolicy.getParser();
  // parse prints a command-line error for an unknown name: look first.
  CallPolicy P = CallPolicy();
  if (Names.findOption(Name) == Names.getNumOptions() ||
      Names.parse(ClDefaultPolicy, ClDefaultPolicy.ArgStr, Name, P))
    return None;
  return P;
}

static std::string policyNames() {
  cl::parser<CallPolicy> &Names = ClDefaultPolicy.getParser();
  SmallVector<StringRef, 3> List;
  for (unsigned I = 0, E = Names.getNumOptions(); I != E; ++I)
    List.push_back(Names.getOption(I));
  return join(List, ", ");
}

static bool isCIdentifier(StringRef S) {
  return !S.empty() && !isDigit(S.front()) &&
         all_of(S, [](char C) { return isAlnum(C) || C == '_'; });
}

const CallPolicyManifest &CallPolicyManifest::get() {
  static const CallPolicyManifest Manifest(ClCallPolicies);
  return Manifest;
}

CallPolicyManifest::CallPolicyManifest(std::string Path)
    : Path(std::move(Path)) {
  if (this->Path.empty())
    return;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(this->Path, /*IsText=*/true);
  if (!Buffer) {
    Problems.push_back({0, "cannot read the call-policy manifest "
                           "(-galeed-call-policies): " +
                               Buffer.getError().message()});
    return;
  }
  for (line_iterator Line(**Buffer, /*SkipBlanks=*/false); !Line.is_at_end();
       ++Line)
    parseLine(Line.line_number(), *Line);
}

void CallPolicyManifest::parseLine(unsigned Line, StringRef Text) {
  SmallVector<StringRef, 2> Fields;
  SplitString(Text.split('#').first, Fields);
  if (Fields.empty())
    return;

  StringRef CName = Fields[0];
  if (Fields.size() != 2 || !CName.consume_front("C.") ||
      !isCIdentifier(CName)) {
    Problems.push_back(
        {Line, ("expected 'C.<function> <policy>', found '" + Text.trim() + "'")
                   .str()});
    return;
  }
  Optional<CallPolicy> P = parsePolicyName(Fields[1]);
  if (!P) {
    Problems.push_back({Line, ("unknown policy '" + Fields[1] + "' for C." +
                               CName + ": expected one of " + policyNames())
                                  .str()});
    return;
  }
  auto Inserted = Entries.try_emplace(CName, Entry{*P, Line});
  if (!Inserted.second)
    Problems.push_back(
        {Line, ("C." + CName + " is listed twice (first at line " +
                Twine(Inserted.first->second.Line) + ")")
                   .str()});
}

const CallPolicyManifest::Entry *
CallPolicyManifest::lookup(StringRef CName) const {
  auto It = Entries.find(CName);
  return It == Entries.end() ? nullptr : &It->second;
}

} // namespace galeed
