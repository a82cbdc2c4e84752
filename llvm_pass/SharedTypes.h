//===- SharedTypes.h - The shared-type manifest of galeed-pseudo-pointers -===//
//
// Part of galeed-go.
//
//===----------------------------------------------------------------------===//
//
// The manifest -galeed-shared-types=<file> names, written by the generator
// (tools/galeedgen) for the Go structs C may reach through handles
// (docs/pseudo-pointers.md). JSON, schema version 1:
//
//   {"version": 1,
//    "types": [
//      {"c_name": "Point",           // struct Point in C, %struct.Point in IR
//       "type_id": 123,              // 1 .. 2^32-1, unique in the manifest
//       "size": 16,                  // sizeof(struct Point)
//       "fields": [
//         {"name": "x", "index": 0, "offset": 0, "size": 8, "kind": "int",
//          "getter": "galeed_Point_get_x", "setter": "galeed_Point_set_x"},
//         ...]}]}
//
// kind is one of int, uint, float, bool, enum (scalars: C code may load and
// store them), pointer, struct (a nested shared struct), string, slice, array
// (C code reaches them only through accessors it calls itself). A scalar
// needs a getter; a field without a setter is read-only. The accessors may
// also be given as tools/galeedgen writes them, "accessors": {"get": ...,
// "set": ..., "len": ..., "copy": ...}. Optional: a type's "read" and
// "write" (batch accessors, named in hints), a field's "c_type" (an enum
// whose C type starts with "uint" is unsigned), a top-level "format", which
// must then be "galeedgen-manifest". Other members ("go_name", "align",
// "index_accessors", ...) are ignored; the members above are required unless
// said otherwise.
//
//===----------------------------------------------------------------------===//

#ifndef GALEED_LLVM_PASS_SHAREDTYPES_H
#define GALEED_LLVM_PASS_SHAREDTYPES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace galeed {

struct SharedField {
  std::string Name;
  unsigned Index = 0;
  uint64_t Offset = 0;
  uint64_t Size = 0;
  std::string Kind;
  std::string Getter;
  /// Empty when C may not write the field.
  std::string Setter;
  /// Strings, slices and arrays (for hints); may be empty.
  std::string Len, Copy;
  /// The C type ("c_type"), when the manifest gives it.
  std::string CType;

  /// int, uint, float, bool, enum: loads and stores become getter and
  /// setter calls.
  bool isScalar() const;
  /// Whether a narrow integer value of the field is sign-extended.
  bool isSigned() const;
};

struct SharedType {
  std::string CName;
  uint32_t TypeId = 0;
  uint64_t Size = 0;
  std::vector<SharedField> Fields;

  /// The field starting at \p Offset, or null.
  const SharedField *fieldAt(uint64_t Offset) const;
  /// The batch accessors (for hints): "read" and "write" from the manifest,
  /// else galeed_<CName>_read and _write.
  std::string Read, Write;
  std::string readAccessor() const {
    return Read.empty() ? "galeed_" + CName + "_read" : Read;
  }
  std::string writeAccessor() const {
    return Write.empty() ? "galeed_" + CName + "_write" : Write;
  }
};

/// The manifest -galeed-shared-types names.
class SharedTypeManifest {
public:
  /// Read at the first call; empty (and no problem) without the option.
  static const SharedTypeManifest &get();

  llvm::StringRef path() const { return Path; }
  bool empty() const { return Types.empty(); }

  /// What is wrong with the file; a manifest with problems has no types.
  llvm::ArrayRef<std::string> problems() const { return Problems; }

  llvm::ArrayRef<SharedType> types() const { return Types; }

  /// The type whose C name is \p CName, or null.
  const SharedType *lookup(llvm::StringRef CName) const;

private:
  explicit SharedTypeManifest(std::string Path);
  void parse(llvm::StringRef Text);

  std::string Path;
  std::vector<SharedType> Types;
  llvm::StringMap<size_t> ByCName;
  std::vector<std::string> Problems;
};

} // namespace galeed

#endif // GALEED_LLVM_PASS_SHAREDTYPES_H
