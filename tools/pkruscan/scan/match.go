package scan

import "bytes"

// Kind names the instruction a finding's bytes encode.
type Kind string

// The instructions that can write PKRU.
const (
	WRPKRU   Kind = "WRPKRU"
	XRSTOR   Kind = "XRSTOR"
	XRSTOR64 Kind = "XRSTOR64"
)

// match is one pattern occurrence in a code region.
type match struct {
	kind   Kind
	start  int // first byte: the REX prefix of a 64-bit form, else the 0F escape
	opcode int // the 0F escape
}

func (m match) bytes(code []byte) []byte {
	return bytes.Clone(code[m.start : m.opcode+3])
}

// matches finds every PKRU-writing byte sequence in code, at every offset.
// Both patterns are 0F, an opcode byte and a ModRM byte, so the search
// jumps between 0F bytes.
func matches(code []byte) []match {
	var out []match
	for i := 0; i < len(code); {
		j := bytes.IndexByte(code[i:], 0x0F)
		if j < 0 {
			break
		}
		p := i + j
		i = p + 1
		if p+2 >= len(code) {
			break
		}
		op, modrm := code[p+1], code[p+2]
		reg, memory := modrm>>3&7, modrm>>6 != 3
		var m match
		switch {
		case op == 0x01 && modrm == 0xEF:
			m.kind = WRPKRU
		case op == 0xAE && reg == 5 && memory: // with a register operand it is LFENCE
			m.kind = XRSTOR
		default:
			continue
		}
		m.start, m.opcode = p, p
		// REX must immediately precede the opcode to count; 48-4F have W set.
		if m.kind != WRPKRU && p > 0 && code[p-1]&0xF8 == 0x48 {
			m.start--
			m.kind += "64"
		}
		out = append(out, m)
	}
	return out
}
