package wrappers

import (
	"encoding/binary"

	"github.com/galeed-go/galeed/tools/pkruscan/x86len"
)

// insn is one instruction of a function.
type insn struct {
	off int // from the function's start
	x86len.Inst
}

// exit is a control transfer out of a function: a call, or a jump to
// another function (a tail call).
type exit struct {
	insn int // index in body.insns
	target
	tail bool
}

// body is a function decoded linearly from its symbol's start, which is
// how compilers lay functions out: x86 compilers keep jump tables and
// constants out of the code.
type body struct {
	insns  []insn
	labels map[int]bool // offsets a direct branch inside the function jumps to
	exits  []exit
	err    error // why decoding stopped before the end, at offset errOff
	errOff int
}

func decode(im *image, fn *function) *body {
	b := &body{labels: map[int]bool{}}
	code := fn.code
	for off := 0; off < len(code); {
		in, err := x86len.Decode(code[off:])
		if err != nil {
			b.err, b.errOff = err, off
			break
		}
		i := insn{off, in}
		b.insns = append(b.insns, i)
		next := off + in.Len
		if dest, ok := branchTarget(code, i); ok {
			switch to := int64(next) + dest; {
			case code[off+in.Opcode] == 0xe8: // call
				b.exits = append(b.exits, exit{len(b.insns) - 1, im.callee(fn.addr + uint64(to)), false})
			case to >= 0 && to < int64(len(code)):
				b.labels[int(to)] = true
			default:
				b.exits = append(b.exits, exit{len(b.insns) - 1, im.callee(fn.addr + uint64(to)), true})
			}
		}
		if slot, tail, ok := gotCall(code, i); ok {
			b.exits = append(b.exits, exit{len(b.insns) - 1, im.throughSlot(fn.addr+uint64(int64(next)+slot), "GOT"), tail})
		}
		off = next
	}
	return b
}

// branchTarget returns the displacement of a direct call, jump or
// conditional jump from the end of the instruction.
func branchTarget(code []byte, i insn) (int64, bool) {
	op := code[i.off+i.Opcode:]
	end := code[:i.off+i.Len]
	rel32 := func() int64 { return int64(int32(binary.LittleEndian.Uint32(end[len(end)-4:]))) }
	rel8 := func() int64 { return int64(int8(end[len(end)-1])) }
	switch {
	case op[0] == 0xe8 || op[0] == 0xe9: // call, jmp rel32
		return rel32(), true
	case op[0] == 0xeb || op[0]&0xf0 == 0x70 || (op[0] >= 0xe0 && op[0] <= 0xe3): // jmp, jcc, loop, jrcxz rel8
		return rel8(), true
	case op[0] == 0x0f && op[1]&0xf0 == 0x80: // jcc rel32
		return rel32(), true
	}
	return 0, false
}

// gotCall recognizes `call *slot(%rip)` and `jmp *slot(%rip)`, the form of
// calls of imported functions compiled with -fno-plt, and returns the
// slot's displacement from the end of the instruction.
func gotCall(code []byte, i insn) (slot int64, tail, ok bool) {
	op := code[i.off+i.Opcode:]
	if op[0] != 0xff || i.Len-i.Opcode != 6 || (op[1] != 0x15 && op[1] != 0x25) {
		return 0, false, false
	}
	return int64(int32(binary.LittleEndian.Uint32(op[2:]))), op[1] == 0x25, true
}

// rel32Refs returns the offsets in r at which bytes encode a call or jump
// with a 32-bit displacement, or a call through a RIP-relative GOT slot,
// that reaches something matching want, at every byte offset. It covers
// code that cannot be decoded linearly: any direct call needs such bytes
// somewhere.
func (im *image) rel32Refs(r codeRange, want func(target) bool) []int {
	var offs []int
	for i := range r.code {
		c := r.code[i:]
		next := func(n int) uint64 { return r.addr + uint64(i+n) }
		var t target
		switch {
		case len(c) >= 5 && (c[0] == 0xe8 || c[0] == 0xe9):
			t = im.callee(next(5) + uint64(int64(int32(binary.LittleEndian.Uint32(c[1:])))))
		case len(c) >= 6 && c[0] == 0x0f && c[1]&0xf0 == 0x80:
			t = im.callee(next(6) + uint64(int64(int32(binary.LittleEndian.Uint32(c[2:])))))
		case len(c) >= 6 && c[0] == 0xff && (c[1] == 0x15 || c[1] == 0x25):
			t = im.throughSlot(next(6)+uint64(int64(int32(binary.LittleEndian.Uint32(c[2:])))), "GOT")
		default:
			continue
		}
		if want(t) {
			offs = append(offs, i)
		}
	}
	return offs
}
