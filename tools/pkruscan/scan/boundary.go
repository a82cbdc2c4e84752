package scan

import (
	"fmt"

	"github.com/galeed-go/galeed/tools/pkruscan/x86len"
)

// Placement says how a finding relates to the intended decoding.
type Placement int

const (
	// BoundaryUnknown: the sweep could not reach the finding.
	BoundaryUnknown Placement = iota
	// OnBoundary: the bytes are an instruction the sweep decodes.
	OnBoundary
	// Hidden: the bytes lie inside another instruction, reachable only by
	// jumping into its middle.
	Hidden
)

// Boundary is the outcome of the linear sweep for one finding.
type Boundary struct {
	Placement Placement
	From      string // where the sweep started: a symbol, section or segment name
	// Within is, for Hidden, the instruction containing the bytes, as
	// From+offset, and WithinLen its length.
	Within    string
	WithinLen int
	Reason    string // for BoundaryUnknown
}

// sweep is a linear decoding of code from its start, named from. It is
// resumable: asked about increasing offsets, it continues where it
// stopped, so any number of findings after one starting point cost one
// pass over the code.
type sweep struct {
	code []byte
	from string
	pos  int   // start of the next instruction to decode
	err  error // why decoding stopped at pos, if it did
}

// to decodes until the instruction whose opcode is at offset opcode, which
// must not be smaller than in the previous call. Comparing opcode
// positions rather than instruction starts keeps a prefixed instruction
// (REX.W XRSTOR64, say) on its boundary.
func (s *sweep) to(opcode int) Boundary {
	// Each step returns or advances pos by a whole instruction that ends at
	// or before opcode, so the loop ends.
	for s.err == nil {
		inst, err := x86len.Decode(s.code[s.pos:])
		if err != nil {
			s.err = err
			break
		}
		if s.pos+inst.Opcode == opcode {
			return Boundary{Placement: OnBoundary, From: s.from}
		}
		if s.pos+inst.Len > opcode {
			return Boundary{Placement: Hidden, From: s.from, Within: fmt.Sprintf("%s+%#x", s.from, s.pos), WithinLen: inst.Len}
		}
		s.pos += inst.Len
	}
	return Boundary{From: s.from, Reason: fmt.Sprintf("cannot decode the instruction at %s+%#x: %v", s.from, s.pos, s.err)}
}
