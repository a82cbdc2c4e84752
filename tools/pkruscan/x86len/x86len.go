// Package x86len measures x86-64 machine instructions: given the bytes at
// some address, it says how long the instruction there is and where its
// opcode starts, without naming it.
//
// pkruscan needs exactly this to tell whether a WRPKRU or XRSTOR byte
// sequence is an instruction the compiler meant to emit or bytes hidden
// inside another instruction (an immediate, a displacement), which only a
// jump into the middle of that instruction would execute. A full
// disassembler would bring a dependency and far more surface than a length
// decoder needs.
//
// Coverage: legacy and REX prefixes; the one-byte, 0F, 0F38 and 0F3A maps
// in 64-bit mode (general-purpose, x87, MMX, SSE through SSE4.2, AES,
// SHA, system instructions); VEX (AVX, AVX2, FMA, BMI, AMX), EVEX maps 1,
// 2, 3, 5 and 6 (AVX-512, AVX512-FP16), AMD XOP and 3DNow!. Whatever else
// is reported as an error instead of guessed: APX (the REX2 prefix and EVEX
// map 4), other VEX/EVEX maps, opcodes undefined in 64-bit mode, and
// encodings whose length differs between Intel and AMD (a 66 prefix on a
// near CALL, JMP or Jcc, and 0F FF).
package x86len

import (
	"errors"
	"fmt"
)

// MaxLen is the architectural limit on instruction length; longer byte
// sequences raise #GP rather than execute.
const MaxLen = 15

// Inst is the shape of one decoded instruction.
type Inst struct {
	Len    int // bytes from the first prefix to the end of the immediate
	Opcode int // offset of the opcode (or VEX/EVEX/XOP escape) after legacy and REX prefixes
}

// ErrTruncated means the bytes end before the instruction does.
var ErrTruncated = errors.New("instruction runs past the end of the code")

// Operand-encoding classes of an opcode: whether a ModRM byte follows and
// how long the immediate is.
type class uint8

const (
	cNone  class = iota // no ModRM, no immediate
	cM                  // ModRM
	cMB                 // ModRM, imm8
	cMZ                 // ModRM, imm16/32 by operand size
	cB                  // imm8
	cW                  // imm16
	cWB                 // imm16, imm8 (ENTER)
	cZ                  // imm16/32 by operand size
	cV                  // imm16/32/64 by operand size (MOV r, imm)
	cO                  // moffs: 64-bit address, or 32-bit with 67
	cRel                // rel32; vendor-dependent with 66 (and no REX.W)
	cGrp3B              // F6: ModRM, imm8 only for /0 and /1 (TEST)
	cGrp3Z              // F7: ModRM, imm16/32 only for /0 and /1
	cEsc                // prefix or escape byte, handled before the table
	cBad                // undefined in 64-bit mode
)

// Shorter names keep the opcode maps below readable as 16x16 grids.
const (
	n_ = cNone
	m_ = cM
	mb = cMB
	mz = cMZ
	b_ = cB
	w_ = cW
	wb = cWB
	z_ = cZ
	v_ = cV
	o_ = cO
	r_ = cRel
	g3 = cGrp3B
	gz = cGrp3Z
	e_ = cEsc
	x_ = cBad
)

// oneByte is the primary opcode map in 64-bit mode.
var oneByte = [256]class{
	/*      0   1   2   3   4   5   6   7   8   9   A   B   C   D   E   F */
	/* 0 */ m_, m_, m_, m_, b_, z_, x_, x_, m_, m_, m_, m_, b_, z_, x_, e_,
	/* 1 */ m_, m_, m_, m_, b_, z_, x_, x_, m_, m_, m_, m_, b_, z_, x_, x_,
	/* 2 */ m_, m_, m_, m_, b_, z_, e_, x_, m_, m_, m_, m_, b_, z_, e_, x_,
	/* 3 */ m_, m_, m_, m_, b_, z_, e_, x_, m_, m_, m_, m_, b_, z_, e_, x_,
	/* 4 */ e_, e_, e_, e_, e_, e_, e_, e_, e_, e_, e_, e_, e_, e_, e_, e_,
	/* 5 */ n_, n_, n_, n_, n_, n_, n_, n_, n_, n_, n_, n_, n_, n_, n_, n_,
	/* 6 */ x_, x_, e_, m_, e_, e_, e_, e_, z_, mz, b_, mb, n_, n_, n_, n_,
	/* 7 */ b_, b_, b_, b_, b_, b_, b_, b_, b_, b_, b_, b_, b_, b_, b_, b_,
	/* 8 */ mb, mz, x_, mb, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, e_,
	/* 9 */ n_, n_, n_, n_, n_, n_, n_, n_, n_, n_, x_, n_, n_, n_, n_, n_,
	/* A */ o_, o_, o_, o_, n_, n_, n_, n_, b_, z_, n_, n_, n_, n_, n_, n_,
	/* B */ b_, b_, b_, b_, b_, b_, b_, b_, v_, v_, v_, v_, v_, v_, v_, v_,
	/* C */ mb, mb, w_, n_, e_, e_, mb, mz, wb, n_, w_, n_, n_, b_, x_, n_,
	/* D */ m_, m_, m_, m_, x_, e_, x_, n_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* E */ b_, b_, b_, b_, b_, b_, b_, b_, r_, r_, x_, b_, n_, n_, n_, n_,
	/* F */ e_, n_, e_, e_, n_, n_, g3, gz, n_, n_, n_, n_, n_, n_, m_, m_,
}

// twoByte is the 0F map. 0F 38, 0F 3A and 0F 0F (3DNow!) are escapes to
// uniformly encoded maps and are decoded in code, as are 0F 78 and 0F B8,
// whose shape depends on the mandatory prefix, and 0F 20-23, whose ModRM
// never has a displacement.
var twoByte = [256]class{
	/*      0   1   2   3   4   5   6   7   8   9   A   B   C   D   E   F */
	/* 0 */ m_, m_, m_, m_, x_, n_, n_, n_, n_, n_, x_, n_, x_, m_, n_, e_,
	/* 1 */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* 2 */ e_, e_, e_, e_, x_, x_, x_, x_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* 3 */ n_, n_, n_, n_, n_, n_, x_, n_, e_, x_, e_, x_, x_, x_, x_, x_,
	/* 4 */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* 5 */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* 6 */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* 7 */ mb, mb, mb, mb, m_, m_, m_, n_, e_, m_, x_, x_, m_, m_, m_, m_,
	/* 8 */ r_, r_, r_, r_, r_, r_, r_, r_, r_, r_, r_, r_, r_, r_, r_, r_,
	/* 9 */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* A */ n_, n_, n_, m_, mb, m_, m_, m_, n_, n_, n_, m_, mb, m_, m_, m_,
	/* B */ m_, m_, m_, m_, m_, m_, m_, m_, e_, m_, mb, m_, m_, m_, m_, m_,
	/* C */ m_, m_, mb, m_, mb, mb, mb, m_, n_, n_, n_, n_, n_, n_, n_, n_,
	/* D */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* E */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_,
	/* F */ m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, m_, x_,
}

// prefixes collects what the legacy and REX prefixes change about length.
type prefixes struct {
	opsize16 bool // 66
	addr32   bool // 67
	rep      bool // F3
	repne    bool // F2
	lock     bool // F0
	rex      byte // REX byte immediately before the opcode, or 0
}

// Decode returns the shape of the instruction at the start of code.
func Decode(code []byte) (Inst, error) {
	var p prefixes
	i := 0
prefixLoop:
	for ; i < len(code); i++ {
		switch c := code[i]; {
		case c == 0x66:
			p.opsize16 = true
		case c == 0x67:
			p.addr32 = true
		case c == 0xF3:
			p.rep = true
		case c == 0xF2:
			p.repne = true
		case c == 0xF0:
			p.lock = true
		case c == 0x2E, c == 0x36, c == 0x3E, c == 0x26, c == 0x64, c == 0x65:
		case c&0xF0 == 0x40:
			p.rex = c
			continue // skip the reset below: REX counts only when last
		default:
			break prefixLoop
		}
		p.rex = 0
	}
	if i >= MaxLen {
		return Inst{}, fmt.Errorf("more than %d bytes of prefixes", MaxLen-1)
	}
	if i >= len(code) {
		return Inst{}, ErrTruncated
	}
	n, err := p.body(code, i)
	if err != nil {
		return Inst{}, err
	}
	if n > MaxLen {
		return Inst{}, fmt.Errorf("instruction is %d bytes, longer than the %d-byte limit", n, MaxLen)
	}
	if n > len(code) {
		return Inst{}, ErrTruncated
	}
	return Inst{Len: n, Opcode: i}, nil
}

// body decodes from the opcode at code[i] and returns the total length.
func (p prefixes) body(code []byte, i int) (int, error) {
	op := code[i]
	switch op {
	case 0x0F:
		return p.twoByte(code, i+1)
	case 0xC4, 0xC5:
		return p.vex(code, i)
	case 0x62:
		return p.evex(code, i)
	case 0x8F:
		if i+1 < len(code) && code[i+1]&0x1F >= 8 {
			return p.xop(code, i)
		}
		return p.operands(code, i+1, cM) // POP r/m64
	case 0xD5:
		return 0, errors.New("APX REX2 prefix (d5) is not supported")
	}
	c := oneByte[op]
	if c == cBad {
		return 0, fmt.Errorf("opcode %02x is undefined in 64-bit mode", op)
	}
	return p.operands(code, i+1, c)
}

func (p prefixes) twoByte(code []byte, i int) (int, error) {
	if i >= len(code) {
		return 0, ErrTruncated
	}
	op := code[i]
	switch op {
	case 0x38:
		return p.operands(code, i+2, cM)
	case 0x3A:
		return p.operands(code, i+2, cMB)
	case 0x0F:
		// 3DNow!: the opcode proper is the imm8 suffix.
		return p.operands(code, i+1, cMB)
	case 0x20, 0x21, 0x22, 0x23:
		// MOV to or from a control or debug register ignores ModRM.mod:
		// the operand is always a register, so no SIB or displacement.
		return i + 2, nil
	case 0x78:
		// 66 0F 78 is EXTRQ and F2 0F 78 INSERTQ (SSE4a), both with two
		// imm8; without those prefixes it is VMREAD.
		n, err := p.operands(code, i+1, cM)
		if p.opsize16 || p.repne {
			n += 2
		}
		return n, err
	case 0xB8:
		if !p.rep {
			return 0, errors.New("opcode 0f b8 without f3 (JMPE) is undefined in 64-bit mode")
		}
		return p.operands(code, i+1, cM) // POPCNT
	case 0xFF:
		return 0, errors.New("opcode 0f ff (UD0) has a vendor-dependent length")
	}
	c := twoByte[op]
	if c == cBad {
		return 0, fmt.Errorf("opcode 0f %02x is undefined in 64-bit mode", op)
	}
	return p.operands(code, i+1, c)
}

// vexLike rejects the prefixes that make a VEX, EVEX or XOP escape #UD.
func (p prefixes) vexLike(name string) error {
	if p.opsize16 || p.rep || p.repne || p.lock || p.rex != 0 {
		return fmt.Errorf("%s prefix after a 66, F2, F3, F0 or REX prefix is #UD", name)
	}
	return nil
}

// Opcodes of VEX/EVEX map 1 (0F) that take an imm8, like their legacy forms.
func map1Imm8(op byte) bool {
	switch op {
	case 0x70, 0x71, 0x72, 0x73, 0xC2, 0xC4, 0xC5, 0xC6:
		return true
	}
	return false
}

func (p prefixes) vex(code []byte, i int) (int, error) {
	if err := p.vexLike("VEX"); err != nil {
		return 0, err
	}
	payload := 1
	vmap := byte(1)
	if code[i] == 0xC4 {
		payload = 2
		if i+1 >= len(code) {
			return 0, ErrTruncated
		}
		vmap = code[i+1] & 0x1F
	}
	op := i + 1 + payload
	if op >= len(code) {
		return 0, ErrTruncated
	}
	switch vmap {
	case 1:
		switch {
		case code[op] == 0x77: // VZEROUPPER, VZEROALL
			return op + 1, nil
		case map1Imm8(code[op]):
			return p.operands(code, op+1, cMB)
		}
		return p.operands(code, op+1, cM)
	case 2:
		return p.operands(code, op+1, cM)
	case 3:
		return p.operands(code, op+1, cMB)
	}
	return 0, fmt.Errorf("VEX opcode map %d is not supported", vmap)
}

func (p prefixes) evex(code []byte, i int) (int, error) {
	if err := p.vexLike("EVEX"); err != nil {
		return 0, err
	}
	op := i + 4
	if op >= len(code) {
		return 0, ErrTruncated
	}
	switch emap := code[i+1] & 0x07; emap {
	case 1:
		if map1Imm8(code[op]) {
			return p.operands(code, op+1, cMB)
		}
		return p.operands(code, op+1, cM)
	case 2, 5, 6:
		return p.operands(code, op+1, cM)
	case 3:
		return p.operands(code, op+1, cMB)
	default:
		return 0, fmt.Errorf("EVEX opcode map %d is not supported", emap)
	}
}

func (p prefixes) xop(code []byte, i int) (int, error) {
	if err := p.vexLike("XOP"); err != nil {
		return 0, err
	}
	op := i + 3
	if op >= len(code) {
		return 0, ErrTruncated
	}
	switch xmap := code[i+1] & 0x1F; xmap {
	case 8:
		return p.operands(code, op+1, cMB)
	case 9:
		return p.operands(code, op+1, cM)
	case 10:
		n, err := p.operands(code, op+1, cM)
		return n + 4, err
	default:
		return 0, fmt.Errorf("XOP opcode map %d is undefined", xmap)
	}
}

// operands returns the instruction length given that its ModRM byte (if c
// has one) is at code[i].
func (p prefixes) operands(code []byte, i int, c class) (int, error) {
	hasModRM := false
	imm := 0
	immZ := 4
	if p.opsize16 && p.rex&0x08 == 0 {
		immZ = 2
	}
	switch c {
	case cNone:
	case cM:
		hasModRM = true
	case cMB:
		hasModRM, imm = true, 1
	case cMZ:
		hasModRM, imm = true, immZ
	case cB:
		imm = 1
	case cW:
		imm = 2
	case cWB:
		imm = 3
	case cZ:
		imm = immZ
	case cV:
		imm = immZ
		if p.rex&0x08 != 0 {
			imm = 8
		}
	case cO:
		imm = 8
		if p.addr32 {
			imm = 4
		}
	case cRel:
		// REX.W overrides 66 here as everywhere; the TLS general-dynamic
		// call sequence (66 66 48 E8) relies on that.
		if p.opsize16 && p.rex&0x08 == 0 {
			return 0, errors.New("66-prefixed near branch has a vendor-dependent length")
		}
		imm = 4
	case cGrp3B, cGrp3Z:
		hasModRM = true
		if i >= len(code) {
			return 0, ErrTruncated
		}
		if code[i]>>3&7 <= 1 { // TEST r/m, imm
			imm = 1
			if c == cGrp3Z {
				imm = immZ
			}
		}
	default:
		return 0, fmt.Errorf("internal error: opcode class %d reached operand decoding", c)
	}
	if !hasModRM {
		return i + imm, nil
	}
	m, err := modRMLen(code, i)
	if err != nil {
		return 0, err
	}
	return i + m + imm, nil
}

// modRMLen returns the length of the ModRM byte at code[i] together with
// its SIB byte and displacement. 64-bit mode has no 16-bit addressing, so
// the 67 prefix does not change this.
func modRMLen(code []byte, i int) (int, error) {
	if i >= len(code) {
		return 0, ErrTruncated
	}
	modrm := code[i]
	mod, rm := modrm>>6, modrm&7
	if mod == 3 {
		return 1, nil
	}
	n := 1
	if rm == 4 {
		if i+1 >= len(code) {
			return 0, ErrTruncated
		}
		n++
		if mod == 0 && code[i+1]&7 == 5 { // SIB with no base: disp32
			n += 4
		}
	} else if mod == 0 && rm == 5 { // RIP-relative
		n += 4
	}
	switch mod {
	case 1:
		n++
	case 2:
		n += 4
	}
	return n, nil
}
