package wrappers

import (
	"encoding/binary"
	"fmt"
)

// Policy is what C code may do with Go memory during one cgo call: the
// first argument of galeed_enter_c, whose values the LLVM pass shares with
// go/mpk/galeed.h.
type Policy int

const (
	Deny      Policy = 0
	ReadOnly  Policy = 1
	ReadWrite Policy = 2 // no isolation
)

func (p Policy) String() string {
	switch p {
	case Deny:
		return "deny"
	case ReadOnly:
		return "read-only"
	case ReadWrite:
		return "read-write"
	}
	return fmt.Sprintf("policy(%d)", int(p))
}

// policyAt recovers the policy a galeed_enter_c call at b.insns[call]
// passes in EDI: the value of the last instruction before it, in the same
// straight-line run, that writes RDI (or any part of it). That must be a
// constant: `xor edi, edi` or `mov edi, imm32` in any of their encodings,
// which is how compilers pass the pass's constant argument. Anything else
// is an error, never a guess.
//
// A run ends at a branch, a call, or the target of a direct branch in the
// function; targets of indirect jumps (jump tables) are unknown, and cgo's
// wrappers, which have no switch, have none.
func policyAt(fn *function, b *body, call int) (Policy, error) {
	for i := call - 1; i >= 0; i-- {
		if next := b.insns[i+1].off; b.labels[next] {
			return 0, fmt.Errorf("its straight-line run starts at the branch target +%#x without setting EDI", next)
		}
		in := b.insns[i]
		at := fmt.Sprintf("+%#x (% x)", in.off, fn.code[in.off:in.off+in.Len])
		switch e, v := effect(fn.code[in.off:], in); e {
		case setsEDI:
			if v < int64(Deny) || v > int64(ReadWrite) {
				return 0, fmt.Errorf("EDI is %d (set at %s), which is not a policy: deny is 0, read-only 1, read-write 2", v, at)
			}
			return Policy(v), nil
		case writesEDI:
			return 0, fmt.Errorf("EDI is last written at %s, not by `xor edi, edi` or `mov edi, imm32`", at)
		case callsOut:
			return 0, fmt.Errorf("the call at %s can change EDI after any constant was set", at)
		case endsRun:
			return 0, fmt.Errorf("its straight-line run starts after the branch at %s without setting EDI", at)
		}
	}
	return 0, fmt.Errorf("nothing sets EDI between the wrapper's start and the call")
}

// insnEffect is what one instruction does to RDI, as far as the policy is
// concerned.
type insnEffect int

const (
	keepsEDI  insnEffect = iota // provably leaves RDI alone
	setsEDI                     // sets EDI to a constant
	writesEDI                   // writes RDI otherwise, or may: every unmodelled instruction
	callsOut                    // a call: RDI is caller-saved
	endsRun                     // jmp, jcc, ret: control does not fall through
)

const rdi = 7

// effect classifies the instruction in at the start of code. It models
// what compilers emit between setting up a call's arguments and the call
// (moves, address computations, arithmetic, stack operations, SSE moves);
// anything else counts as a write of RDI, so an unusual instruction can
// only turn a readable policy into an error, never into a wrong one.
func effect(code []byte, in insn) (insnEffect, int64) {
	op := in.Opcode
	var rex byte
	if op > 0 && code[op-1]&0xf0 == 0x40 {
		rex = code[op-1]
	}
	// Only a REX prefix may precede a constant load: 66 would make it a
	// 16-bit write of DI.
	plain := op == 0 || (op == 1 && rex != 0)
	w := rex&8 != 0
	c := code[op:in.Len]
	// ModRM fields with their REX extensions; valid only where read.
	mod := func(at int) byte { return c[at] >> 6 }
	reg := func(at int) int { return int(c[at]>>3&7) | int(rex>>2&1)<<3 }
	rm := func(at int) int { return int(c[at]&7) | int(rex&1)<<3 }
	regOrRM := func(at int, toReg bool) insnEffect { // the destination is reg or r/m
		if (toReg && reg(at) == rdi) || (!toReg && mod(at) == 3 && rm(at) == rdi) {
			return writesEDI
		}
		return keepsEDI
	}
	rmDest := func(at int) insnEffect { return regOrRM(at, false) }
	imm32 := func() int64 {
		v := int64(int32(binary.LittleEndian.Uint32(c[len(c)-4:])))
		if !w {
			v = int64(uint32(v)) // a 32-bit write zero-extends
		}
		return v
	}
	opReg := int(c[0]&7) | int(rex&1)<<3 // register in the low opcode bits

	switch b := c[0]; {
	case b < 0x40 && b&7 <= 3: // add, or, adc, sbb, and, sub, xor, cmp with ModRM
		if (b == 0x31 || b == 0x33) && c[1] == 0xff && rex&0x05 == 0 && plain {
			return setsEDI, 0 // xor edi, edi (or rdi)
		}
		if b>>3 == 7 { // cmp
			return keepsEDI, 0
		}
		return regOrRM(1, b&2 != 0), 0
	case b < 0x40 && (b&7 == 4 || b&7 == 5): // the same on AL/EAX with an immediate
		return keepsEDI, 0
	case b >= 0x50 && b <= 0x57, b == 0x68, b == 0x6a, b == 0x9c: // push
		return keepsEDI, 0
	case b >= 0x58 && b <= 0x5f: // pop
		if opReg == rdi {
			return writesEDI, 0
		}
		return keepsEDI, 0
	case b == 0x63, b == 0x69, b == 0x6b: // movsxd, imul with immediate
		return regOrRM(1, true), 0
	case b&0xf0 == 0x70, b == 0xc2, b == 0xc3, b == 0xe9, b == 0xeb, b >= 0xe0 && b <= 0xe3, b == 0xcc:
		return endsRun, 0 // jcc, ret, jmp, loop, int3
	case b >= 0x80 && b <= 0x83: // group 1 with an immediate
		if c[1]>>3&7 == 7 { // cmp
			return keepsEDI, 0
		}
		return rmDest(1), 0
	case b == 0x84, b == 0x85, b == 0xa8, b == 0xa9: // test
		return keepsEDI, 0
	case b == 0x86, b == 0x87: // xchg
		if reg(1) == rdi || (mod(1) == 3 && rm(1) == rdi) {
			return writesEDI, 0
		}
		return keepsEDI, 0
	case b == 0x88, b == 0x89, b == 0x8c, b == 0x8f: // mov r/m, r; mov r/m, sreg; pop r/m
		return rmDest(1), 0
	case b == 0x8a, b == 0x8b, b == 0x8d: // mov r, r/m; lea
		return regOrRM(1, true), 0
	case b == 0x90 && rex&1 == 0, b == 0x98, b == 0x99, b == 0xc9: // nop, cdqe, cqo, leave
		return keepsEDI, 0
	case b >= 0xb8 && b <= 0xbf && opReg == rdi: // mov edi, imm32 (movabs rdi, imm64)
		if !plain {
			return writesEDI, 0
		}
		if w {
			return setsEDI, int64(binary.LittleEndian.Uint64(c[1:]))
		}
		return setsEDI, imm32()
	case b >= 0xb0 && b <= 0xbf: // mov r, imm
		if opReg == rdi {
			return writesEDI, 0 // mov dil, imm8 (or bh)
		}
		return keepsEDI, 0
	case (b == 0xc6 || b == 0xc7) && c[1]>>3&7 == 0: // mov r/m, imm (other /n: xabort, xbegin)
		if b == 0xc7 && c[1] == 0xc7 && rex&1 == 0 && plain {
			return setsEDI, imm32() // mov edi, imm32 as c7 /0
		}
		return rmDest(1), 0
	case b == 0xc0, b == 0xc1, b >= 0xd0 && b <= 0xd3: // shifts and rotates
		return rmDest(1), 0
	case b == 0xe8:
		return callsOut, 0
	case b == 0xf6, b == 0xf7: // test, not, neg, mul, imul, div, idiv
		if n := c[1] >> 3 & 7; n == 2 || n == 3 {
			return rmDest(1), 0 // not, neg
		}
		return keepsEDI, 0 // test; the rest write RAX and RDX
	case b == 0xfe, b == 0xff:
		switch c[1] >> 3 & 7 {
		case 0, 1: // inc, dec
			return rmDest(1), 0
		case 2, 3:
			return callsOut, 0
		case 4, 5:
			return endsRun, 0
		case 6: // push
			return keepsEDI, 0
		}
		return writesEDI, 0
	case b == 0x0f:
		return effect0F(c, regOrRM)
	}
	return writesEDI, 0
}

// effect0F classifies the two-byte opcodes compilers put between a call's
// arguments and the call.
func effect0F(c []byte, regOrRM func(at int, toReg bool) insnEffect) (insnEffect, int64) {
	switch b := c[1]; {
	case b == 0x0b: // ud2
		return endsRun, 0
	case b >= 0x18 && b <= 0x1f: // hint NOPs, endbr64; rdssp writes r/m
		return regOrRM(2, false), 0
	case b&0xf0 == 0x40, b == 0xaf, b == 0xb6, b == 0xb7, b == 0xbe, b == 0xbf: // cmov, imul, movzx, movsx
		return regOrRM(2, true), 0
	case b&0xf0 == 0x80:
		return endsRun, 0 // jcc
	case b&0xf0 == 0x90: // setcc
		return regOrRM(2, false), 0
	case b == 0x10, b == 0x11, b == 0x28, b == 0x29, b == 0x57, b == 0x6f, b == 0x7f, b == 0xd6, b == 0xef:
		// movups/movss/movsd, movaps/movapd, xorps, movdqa/movdqu, movq,
		// pxor: registers are XMM, memory operands are not RDI.
		return keepsEDI, 0
	}
	return writesEDI, 0
}
