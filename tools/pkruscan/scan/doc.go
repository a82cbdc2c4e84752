// Package scan finds the instructions that can write the PKRU register in
// x86-64 ELF files and ar archives of them, the check Galeed and ERIM make
// before letting untrusted native code run next to memory guarded by
// protection keys: code that can write PKRU can simply switch the
// protection off.
//
// # What is reported
//
//   - WRPKRU, 0F 01 EF.
//   - XRSTOR, 0F AE /5 with a memory operand, and XRSTOR64 (REX.W).
//
// PKRU is XSAVE state component 9, so an XRSTOR restores it from memory
// whenever bit 9 of the requested-feature mask in EDX:EAX is set. That mask
// is a run-time value no static scan can know, so every XRSTOR form is
// reported. XRSTORS (0F C7 /3) restores it too, but only in ring 0: in user
// space it raises #GP, so it is not reported. Its three bytes are a common
// accident of encoding (the Go runtime's own code holds some inside
// displacements), and reporting them would only teach users to ignore
// findings.
//
// # Where it looks
//
// The patterns are matched at every byte offset, not only where a
// disassembler would start instructions, because an attacker who controls
// a jump target can execute bytes hidden inside another instruction's
// immediate or displacement. Each finding says whether it lies on an
// instruction boundary of the intended decoding: a linear sweep with
// package x86len from the start of the function symbol containing it; in
// stripped files, where no symbol may cover it, from the nearest function
// before it in the same section, else from the section's start. When the
// sweep meets bytes it cannot decode, the finding says "boundary unknown"
// rather than guess. A hidden
// finding is as dangerous as an aligned one; the distinction tells the
// reader whether the compiler emitted the instruction or it is an
// accident of encoding (or an attack).
//
// In relocatable objects (.o, archive members) the scanned bytes are the
// sections flagged SHF_EXECINSTR. In executables and shared objects they
// are the executable PT_LOAD segments, because the loader maps segments
// and ignores sections: whatever shares an executable segment (read-only
// data under older linkers' layouts, headers, padding) is executable and
// is scanned, and a finding there is reported against the section it
// falls in. Files without section headers are located by segment.
//
// # What a scan cannot promise
//
// Scanning objects is not a substitute for scanning what is finally
// loaded: the linker applies relocations, which can write these byte
// sequences into code, and it concatenates sections, so a sequence can
// straddle the end of one object's .text and the start of the next.
// Scan the linked binary. Code generated or modified at run time (JITs,
// mprotect) and PKRU changes through the kernel (sigreturn restoring a
// forged signal frame) are outside any static scan and belong to the
// runtime's system-call policy. Intel APX encodings (the REX2 prefix) are
// not matched; see package x86len.
package scan
