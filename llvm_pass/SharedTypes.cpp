//===- SharedTypes.cpp - The shared-type manifest of galeed-pseudo-pointers ===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//

#include "SharedTypes.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace galeed {

static cl::opt<std::string> ClSharedTypes(
    "galeed-shared-types",
    cl::desc("Manifest of the Go structs C code reaches through handles "
             "(galeed-pseudo-pointers; llvm_pass/README.md); without it the "
             "pass does nothing"),
    cl::value_desc("manifest.json"));

bool SharedField::isScalar() const {
  return StringSwitch<bool>(Kind)
      .Cases("int", "uint", "float", "bool", "enum", true)
      .Default(false);
}

bool SharedField::isSigned() const {
  return Kind == "int" || (Kind == "enum" && !StringRef(CType).startswith("u"));
}

static bool isKnownKind(StringRef Kind) {
  return StringSwitch<bool>(Kind)
      .Cases("int", "uint", "float", "bool", "enum", true)
      .Cases("pointer", "struct", "string", "slice", "array", true)
      .Default(false);
}

static bool isCIdentifier(StringRef S) {
  return !S.empty() && !isDigit(S.front()) &&
         all_of(S, [](char C) { return isAlnum(C) || C == '_'; });
}

const SharedField *SharedType::fieldAt(uint64_t Offset) const {
  for (const SharedField &F : Fields)
    if (F.Offset == Offset)
      return &F;
  return nullptr;
}

const SharedTypeManifest &SharedTypeManifest::get() {
  static const SharedTypeManifest Manifest(ClSharedTypes);
  return Manifest;
}

SharedTypeManifest::SharedTypeManifest(std::string Path)
    : Path(std::move(Path)) {
  if (this->Path.empty())
    return;
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(this->Path, /*IsText=*/true);
  if (!Buffer) {
    Problems.push_back("cannot read the shared-type manifest "
                       "(-galeed-shared-types): " +
                       Buffer.getError().message());
    return;
  }
  parse((*Buffer)->getBuffer());
  if (!Problems.empty()) {
    Types.clear();
    ByCName.clear();
  }
}

namespace {

/// Reads the members of one JSON object, recording a problem for each
/// missing or mistyped member under \p Where ("types[0].fields[1]").
class ObjectReader {
public:
  ObjectReader(const json::Object &O, std::string Where,
               std::vector<std::string> &Problems)
      : O(O), Where(std::move(Where)), Problems(Problems) {}

  bool string(StringRef Key, std::string &Out, bool Required = true) {
    const json::Value *V = O.get(Key);
    if (!V || V->kind() == json::Value::Null) {
      if (Required)
        missing(Key, "a string");
      return !Required;
    }
    Optional<StringRef> S = V->getAsString();
    if (!S)
      return wrong(Key, "a string");
    Out = S->str();
    return true;
  }

  bool integer(StringRef Key, uint64_t Max, uint64_t &Out) {
    const json::Value *V = O.get(Key);
    if (!V)
      return missing(Key, "an integer");
    Optional<int64_t> I = V->getAsInteger();
    if (!I || *I < 0 || uint64_t(*I) > Max)
      return wrong(Key, ("an integer from 0 to " + Twine(Max)).str());
    Out = uint64_t(*I);
    return true;
  }

  const json::Array *array(StringRef Key) {
    const json::Value *V = O.get(Key);
    if (!V) {
      missing(Key, "an array");
      return nullptr;
    }
    const json::Array *A = V->getAsArray();
    if (!A)
      wrong(Key, "an array");
    return A;
  }

  bool problem(const Twine &Msg) {
    Problems.push_back((Where + ": " + Msg).str());
    return false;
  }

  const std::string &where() const { return Where; }

private:
  bool missing(StringRef Key, StringRef What) {
    return problem("missing \"" + Key + "\" (" + What + ")");
  }
  bool wrong(StringRef Key, StringRef What) {
    return problem("\"" + Key + "\" must be " + What);
  }

  const json::Object &O;
  std::string Where;
  std::vector<std::string> &Problems;
};

} // namespace

void SharedTypeManifest::parse(StringRef Text) {
  Expected<json::Value> Root = json::parse(Text);
  if (!Root) {
    Problems.push_back("malformed shared-type manifest: " +
                       toString(Root.takeError()));
    return;
  }
  const json::Object *Top = Root->getAsObject();
  if (!Top) {
    Problems.push_back("malformed shared-type manifest: expected an object");
    return;
  }
  ObjectReader R(*Top, "manifest", Problems);
  std::string Format;
  if (!R.string("format", Format, /*Required=*/false))
    return;
  if (!Format.empty() && Format != "galeedgen-manifest") {
    R.problem("\"format\" is '" + Format + "', not 'galeedgen-manifest'");
    return;
  }
  uint64_t Version = 0;
  if (!R.integer("version", UINT32_MAX, Version))
    return;
  if (Version != 1) {
    R.problem("version " + Twine(Version) +
              " is not supported: this pass reads version 1");
    return;
  }
  const json::Array *TypeList = R.array("types");
  if (!TypeList)
    return;

  for (size_t TI = 0; TI != TypeList->size(); ++TI) {
    std::string Where = ("types[" + Twine(TI) + "]").str();
    const json::Object *TO = (*TypeList)[TI].getAsObject();
    if (!TO) {
      Problems.push_back(Where + ": expected an object");
      continue;
    }
    ObjectReader TR(*TO, Where, Problems);
    SharedType T;
    uint64_t Id = 0;
    bool OK = TR.string("c_name", T.CName);
    OK &= TR.integer("type_id", UINT32_MAX, Id);
    OK &= TR.integer("size", UINT32_MAX, T.Size);
    OK &= TR.string("read", T.Read, /*Required=*/false);
    OK &= TR.string("write", T.Write, /*Required=*/false);
    const json::Array *FieldList = TR.array("fields");
    if (!OK || !FieldList)
      continue;
    if (!isCIdentifier(T.CName)) {
      TR.problem("\"c_name\" '" + T.CName + "' is not a C identifier");
      continue;
    }
    if (Id == 0) {
      TR.problem("type " + T.CName + ": \"type_id\" 0 is reserved");
      continue;
    }
    T.TypeId = uint32_t(Id);
    for (const SharedType &Other : Types)
      if (Other.TypeId == T.TypeId)
        TR.problem("type " + T.CName + " has the type_id of " + Other.CName +
                   " (" + Twine(Id) + ")");

    for (size_t FI = 0; FI != FieldList->size(); ++FI) {
      std::string FWhere =
          (Where + " (" + T.CName + ").fields[" + Twine(FI) + "]").str();
      const json::Object *FO = (*FieldList)[FI].getAsObject();
      if (!FO) {
        Problems.push_back(FWhere + ": expected an object");
        continue;
      }
      ObjectReader FR(*FO, FWhere, Problems);
      SharedField F;
      uint64_t Index = 0;
      bool FOK = FR.string("name", F.Name);
      FOK &= FR.integer("index", UINT32_MAX, Index);
      FOK &= FR.integer("offset", UINT32_MAX, F.Offset);
      FOK &= FR.integer("size", UINT32_MAX, F.Size);
      FOK &= FR.string("kind", F.Kind);
      FOK &= FR.string("getter", F.Getter, /*Required=*/false);
      FOK &= FR.string("setter", F.Setter, /*Required=*/false);
      FOK &= FR.string("c_type", F.CType, /*Required=*/false);
      if (const json::Value *A = FO->get("accessors")) {
        // tools/galeedgen's spelling.
        const json::Object *AO = A->getAsObject();
        if (!AO) {
          FR.problem("\"accessors\" must be an object");
          continue;
        }
        ObjectReader AR(*AO, FWhere + ".accessors", Problems);
        std::string Get, Set;
        FOK &= AR.string("get", Get, /*Required=*/false);
        FOK &= AR.string("set", Set, /*Required=*/false);
        FOK &= AR.string("len", F.Len, /*Required=*/false);
        FOK &= AR.string("copy", F.Copy, /*Required=*/false);
        if (F.Getter.empty())
          F.Getter = Get;
        if (F.Setter.empty())
          F.Setter = Set;
      }
      if (!FOK)
        continue;
      F.Index = unsigned(Index);
      if (!isKnownKind(F.Kind)) {
        FR.problem("unknown kind '" + F.Kind +
                   "': expected one of int, uint, float, bool, enum, "
                   "pointer, struct, string, slice, array");
        continue;
      }
      if (F.isScalar() && F.Getter.empty()) {
        FR.problem("field " + F.Name + " of kind " + F.Kind +
                   " needs a \"getter\"");
        continue;
      }
      if ((!F.Getter.empty() && !isCIdentifier(F.Getter)) ||
          (!F.Setter.empty() && !isCIdentifier(F.Setter))) {
        FR.problem("field " + F.Name + ": accessor names must be C identifiers");
        continue;
      }
      if (F.Size == 0 || F.Offset + F.Size > T.Size) {
        FR.problem("field " + F.Name + " (offset " + Twine(F.Offset) +
                   ", size " + Twine(F.Size) + ") does not fit in " + T.CName +
                   " (size " + Twine(T.Size) + ")");
        continue;
      }
      if (const SharedField *Same = T.fieldAt(F.Offset)) {
        FR.problem("fields " + Same->Name + " and " + F.Name + " of " +
                   T.CName + " both start at offset " + Twine(F.Offset));
        continue;
      }
      T.Fields.push_back(std::move(F));
    }
    auto Inserted = ByCName.try_emplace(T.CName, Types.size());
    if (!Inserted.second) {
      TR.problem("type " + T.CName + " is listed twice");
      continue;
    }
    Types.push_back(std::move(T));
  }
}

const SharedType *SharedTypeManifest::lookup(StringRef CName) const {
  auto It = ByCName.find(CName);
  return It == ByCName.end() ? nullptr : &Types[It->second];
}

} // namespace galeed
