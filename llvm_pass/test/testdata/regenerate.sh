#!/usr/bin/env bash
# Regenerates the IR of //llvm_pass/test's inputs from real cgo output:
#   llvm_pass/test/testdata/regenerate.sh OUTDIR
# writes OUTDIR/<test>.ll for each test below (without its CHECK lines, which
# are kept by hand in llvm_pass/test/<test>.ll). Needs Go, clang-14 and
# llvm-extract-14; the pass itself plays no part.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

cp "${here}/gates.go" "${here}/not_cgo.c" "${work}/"
cp "${here}/pseudo.go" "${here}/point.h" "${here}/pseudo_pointers.c" "${here}/pseudo_pointers_errors.c" "${here}/pseudo_handle.c" "${work}/"
cp "${here}/counter.go" "${here}/counter_consumer.c" "${work}/"
# The generator's header for its paper package, which the counter package's
# preamble includes (markers: galeed_shared_type__Counter).
root="$(cd "${here}/../../.." && pwd)"
mkdir -p "${work}/gen"
(cd "${root}" && go run ./tools/galeedgen -pkg tools/galeedgen/testdata/src/paper \
  -importpath example.com/paper -out "${work}/gen")
cd "${work}"
# cgo's hash depends on the package's path; fix it for stable names, and
# keep the temporary directory out of the output, debug info included.
go tool cgo -objdir obj -importpath galeed.test/gates -trimpath "${work}" -- -I"${here}/../.." gates.go
go tool cgo -objdir pseudo_obj -importpath galeed.test/pseudo -trimpath "${work}" -- -I. pseudo.go
go tool cgo -objdir counter_obj -importpath galeed.test/counter -trimpath "${work}" -- -Igen -I"${root}/go/handles" counter.go

# The IR clang hands to the optimization pipeline, where the plugin runs:
# -O0 (optnone) and -O2 before any pass (-disable-llvm-passes), as well as
# fully optimized -O2 IR, which the pass must reject where f was inlined.
ir() { # NAME SOURCE FLAGS... -- FUNCTIONS... (none: the whole module)
  local name="$1" src="$2" flags=() fns=()
  shift 2
  while [[ "$1" != -- ]]; do flags+=("$1"); shift; done
  shift
  for f in "$@"; do fns+=("--func=$f"); done
  clang-14 -S -emit-llvm -Wno-unknown-attributes -I"${here}/../.." -Iobj -fdebug-prefix-map="${work}"=. \
    "${flags[@]}" -o "${name}.full.ll" "${src}"
  if ((${#fns[@]} == 0)); then
    cp "${name}.full.ll" "${out}/${name}.ll"
  elif grep -q '^@galeed_call_policy__' "${name}.full.ll"; then
    llvm-extract-14 -S "${fns[@]}" --rglob='^galeed_call_policy__' --keep-const-init -o "${out}/${name}.ll" "${name}.full.ll"
  elif grep -q '^@galeed_shared_type__' "${name}.full.ll"; then
    llvm-extract-14 -S "${fns[@]}" --rglob='^galeed_shared_type__' --keep-const-init -o "${out}/${name}.ll" "${name}.full.ll"
  else
    llvm-extract-14 -S "${fns[@]}" -o "${out}/${name}.ll" "${name}.full.ll"
  fi
}

w() { echo "_cgo_$(grep -o '_cgo_[0-9a-f]\{12\}_' obj/gates.cgo2.c | head -1 | cut -c6-17)_$1"; }

ir call_void          obj/gates.cgo2.c -O0 -- "$(w Cfunc_hello)"
ir call_args_result   obj/gates.cgo2.c -O0 -- "$(w Cfunc_add)"
ir call_O2_start      obj/gates.cgo2.c -O2 -Xclang -disable-llvm-passes -- "$(w Cfunc_add)" "$(w Cfunc_sq)" sq
ir call_O2            obj/gates.cgo2.c -O2 -- "$(w Cfunc_add)" "$(w Cfunc_hello)"
ir call_O2_inlined    obj/gates.cgo2.c -O2 -g -- "$(w Cfunc_sq)"
ir call_static_inline obj/gates.cgo2.c -O0 -- "$(w Cfunc_sq)" sq
ir call_errno         obj/gates.cgo2.c -O0 -- "$(w C2func_setup)"
ir call_macro         obj/gates.cgo2.c -O0 -- "$(w Cmacro_COUNTER)"
ir call_malloc        obj/_cgo_export.c -O2 -- "$(w Cfunc__Cmalloc)"
ir policy             obj/gates.cgo2.c -O0 -g -- "$(w Cfunc_peek)" "$(w Cfunc_fill)" "$(w Cfunc_hello)"
ir export             obj/_cgo_export.c -O0 -- GoAdd GoVoid
ir export_O2          obj/_cgo_export.c -O2 -- GoAdd GoVoid
ir not_cgo            not_cgo.c -O0 --

# galeed-pseudo-pointers (pseudo_*.ll): C consumers of the shared structs of
# point.h, whole; each rejected use alone (opt stops at the first error), with
# debug info for the errors' lines; cgo's wrappers of functions taking them.
p() { echo "_cgo_$(grep -o '_cgo_[0-9a-f]\{12\}_' pseudo_obj/pseudo.cgo2.c | head -1 | cut -c6-17)_$1"; }

ir pseudo_pointers          pseudo_pointers.c -O0 --
ir pseudo_pointers_O2_start pseudo_pointers.c -O2 -Xclang -disable-llvm-passes --
for f in next_x first_word leak print save address copy overwrite x_address identity start_x local; do
  ir "pseudo_error_${f}" pseudo_pointers_errors.c -O0 -g -- "${f}"
done
ir pseudo_handle            pseudo_handle.c -O0 -g -I"${root}/go/handles" -- handle_of
ir pseudo_wrapper           pseudo_obj/pseudo.cgo2.c -O0 -I. -- "$(p Cfunc_point_add5)" "$(p Cfunc_point_dist)"

# galeed-cgo-call-handles (handles_*.ll): cgo's wrapper of a function taking
# a struct Counter *, whose preamble includes the generated header with its
# marker, and C code including the header that is no cgo wrapper.
c() { echo "_cgo_$(grep -o '_cgo_[0-9a-f]\{12\}_' counter_obj/counter.cgo2.c | head -1 | cut -c6-17)_$1"; }

ir handles_wrapper      counter_obj/counter.cgo2.c -O0 -Igen -I"${root}/go/handles" -- "$(c Cfunc_counter_add5)"
ir handles_not_cgo      counter_consumer.c -O0 -Igen -I"${root}/go/handles" --
