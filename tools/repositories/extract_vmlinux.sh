#!/usr/bin/env bash
# Usage: extract_vmlinux.sh BZIMAGE OUT
# Writes the uncompressed ELF kernel inside an XZ-compressed bzImage to OUT.
# Under TCG emulation the guest spends ~3 s per boot decompressing a bzImage;
# qemu boots the ELF directly through its PVH entry point instead.
set -euo pipefail
bzimage="$1"
out="$2"
offset="$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "${bzimage}" | head -n 1 | cut -d: -f1)"
[[ -n "${offset}" ]] || { echo "${bzimage} holds no XZ stream" >&2; exit 1; }
# xz stops reading at the end of the stream; through a pipe, tail would then
# die of SIGPIPE and fail the script.
xz -dc --single-stream < <(tail -c "+$((offset + 1))" "${bzimage}") > "${out}"
[[ "$(head -c 4 "${out}" | od -An -c | tr -d ' ')" == '177ELF' ]] || { echo "the XZ stream in ${bzimage} is not an ELF kernel" >&2; exit 1; }
