#!/usr/bin/env bash
# galeed-pseudo-pointers in clang-14, as the galeed toolchain runs it: at the
# start of the pipeline, after the gates, given -galeed-shared-types through
# -mllvm. Arguments: clang, FileCheck, plugin, manifests/point.json,
# testdata/point.h, testdata/pseudo_pointers.c,
# testdata/pseudo_pointers_errors.c, this script (its CHECK lines).
set -euo pipefail
clang="$1" filecheck="$2" plugin="$3" manifest="$4" include="$(dirname "$5")"
consumers="$6" errors="$7" checks="$8"
flags=(-fpass-plugin="${plugin}" -Xclang -load -Xclang "${plugin}" -I"${include}")

# Every rejected use at once: clang, unlike opt, goes on after an error.
if "${clang}" -S -emit-llvm -O0 -g -o /dev/null "${flags[@]}" \
  -mllvm -galeed-shared-types="${manifest}" "${errors}" 2>errors.txt; then
  echo "pseudo_pointers_errors.c compiled, but every function in it is wrong" >&2
  exit 1
fi
"${filecheck}" --check-prefixes=ERR "${checks}" <errors.txt

# The consumers at -O2: accessor calls on the handle.
"${clang}" -S -emit-llvm -O2 -o - "${flags[@]}" \
  -mllvm --galeed-shared-types="${manifest}" "${consumers}" |
  "${filecheck}" --check-prefixes=O2 "${checks}"

# Without the manifest, nothing changes: the struct pointer is a pointer.
"${clang}" -S -emit-llvm -O2 -o - "${flags[@]}" "${consumers}" |
  "${filecheck}" --check-prefixes=NONE "${checks}"

# ERR: pseudo_pointers_errors.c:13:42: in function next_x: pointer arithmetic on a struct Point pointer
# ERR: pseudo_pointers_errors.c:14:46: in function first_word: casts a struct Point pointer to another pointer type
# ERR: pseudo_pointers_errors.c:15:38: in function leak: passes a struct Point pointer to log_ptr, which does not take a galeed handle
# ERR: pseudo_pointers_errors.c:16:31: in function print: passes a struct Point pointer to printf, which does not take a galeed handle
# ERR: pseudo_pointers_errors.c:17:36: in function save: stores a struct Point pointer outside the function's local variables
# ERR: pseudo_pointers_errors.c:18:44: in function address: converts a struct Point pointer to a narrower integer
# ERR: pseudo_pointers_errors.c:19:45: in function copy: copies the whole struct Point out of a struct Point pointer (memcpy or struct assignment), a galeed handle (use galeed_Point_read or galeed_Point_write for the whole struct)
# ERR: pseudo_pointers_errors.c:20:61: in function overwrite: copies the whole struct Point into a struct Point pointer
# ERR: pseudo_pointers_errors.c:20:61: in function overwrite: copies the whole struct Point out of a struct Point pointer
# ERR: pseudo_pointers_errors.c:21:39: in function x_address: takes the address of field x of struct Point
# ERR: pseudo_pointers_errors.c:22:43: in function identity: returns a struct Point pointer
# ERR: pseudo_pointers_errors.c:23:51: in function start_x: field start of struct Line is a nested shared struct
# ERR: pseudo_pointers_errors.c:26:3: in function local: passes a struct Point pointer that is not a galeed handle to point_add5
# ERR: 13 errors generated.
#
# O2-LABEL: define dso_local void @point_add5(i64 noundef %0)
# O2-NEXT:    [[X:%.*]] = tail call i64 @galeed_Point_get_x(i64 %0)
# O2-NEXT:    [[SUM:%.*]] = add nsw i64 [[X]], 5
# O2-NEXT:    tail call void @galeed_Point_set_x(i64 %0, i64 [[SUM]])
# O2-NEXT:    ret void
#
# NONE-LABEL: define dso_local void @point_add5(%struct.Point* nocapture noundef %0)
# NONE-NOT:   @galeed_
