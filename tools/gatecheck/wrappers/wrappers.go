// Package wrappers proves, from a linked x86-64 ELF binary's machine code
// alone, that every cgo wrapper in it calls galeed-go's gates: the check
// that the LLVM pass (llvm_pass/) ran on all the C that was linked, made
// where it matters, after compilation and linking, and independently of
// the pass.
//
// # Which functions are wrappers
//
// Go → C: cmd/cgo names the C function through which Go calls C.f
// _cgo_<12 hex digits>_Cfunc_f (_C2func_f when Go also wants errno,
// _Cmacro_m for a macro used as a value). They are found by name in the
// symbol table, so the binary must keep it.
//
// C → Go: an //export wrapper in _cgo_export.c has the Go function's own
// name, so it is found by what it does: it calls crosscall2, the runtime's
// entry from C into Go. Every function symbol is decoded (package x86len)
// and its direct calls and tail jumps resolved; code that cannot be decoded
// linearly, or that no function symbol covers, is searched at every byte
// offset for a rel32 call or jump to crosscall2 instead. Calls through a
// function pointer are invisible to this: runtime/cgo's
// pthread_key_destructor (gcc_libinit.c) reaches crosscall2 that way, via
// x_crosscall2_ptr, when a C thread that called into Go exits; go/mpk
// gates that call itself (threadexit.c).
//
// # What a gated wrapper is
//
// A Go → C wrapper calls galeed_enter_c and galeed_leave_c, at least once
// each and equally often, and every galeed_enter_c call's policy can be
// read: the constant in EDI (see policyAt). A C → Go wrapper calls
// galeed_enter_go and galeed_leave_go likewise. Calls count whether direct,
// tail jumps (a void wrapper's last call), or through the PLT or the GOT
// when the gates live in a shared object. The binary must define or import
// the gates its wrappers need.
//
// Counting calls does not prove they are in the right places: that is the
// pass's job, tested on its IR (llvm_pass/test). What this proves is that
// no wrapper escaped the pass: a C file compiled without it, by another
// toolchain, or a wrapper shape the pass does not recognize.
package wrappers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The gates of go/mpk/galeed.h.
const (
	EnterC  = "galeed_enter_c"
	LeaveC  = "galeed_leave_c"
	EnterGo = "galeed_enter_go"
	LeaveGo = "galeed_leave_go"
)

// crosscall2 is runtime/cgo's entry from C into Go.
const crosscall2 = "crosscall2"

// Kind tells the two directions of wrappers apart.
type Kind int

const (
	GoToC Kind = iota
	CToGo
)

func (k Kind) String() string {
	if k == GoToC {
		return "Go→C"
	}
	return "C→Go"
}

// Binary is the outcome of checking one binary.
type Binary struct {
	Wrappers []Wrapper // by address
	Exempt   []Exempt
	Gates    []Gate   // the gates the wrappers need
	Problems []string // about the binary as a whole
}

// Wrapper is one cgo wrapper and what was found in it.
type Wrapper struct {
	Symbol   string
	Addr     uint64
	Kind     Kind
	Name     string     // what the Go program calls: "C.f" for Go → C, the Go function for C → Go
	Calls    []GateCall // in address order
	Policy   Policy     // Go → C, gated: the least restrictive of its galeed_enter_c calls
	Problems []string   // why it is not gated; none when it is
}

// Gated says whether the wrapper passed.
func (w *Wrapper) Gated() bool { return len(w.Problems) == 0 }

// GateCall is one call of a gate in a wrapper.
type GateCall struct {
	Gate   string
	Offset uint64 // from the wrapper's start
	Via    string // "" for a direct call or jump, "PLT" or "GOT" for an imported gate
	Policy Policy // galeed_enter_c only
}

// Exempt is a function that calls crosscall2 but is no cgo wrapper.
type Exempt struct {
	Symbol string
	Addr   uint64
	Reason string
}

// Gate says where the binary has one gate.
type Gate struct {
	Name     string
	Addr     uint64 // when Defined
	Defined  bool
	Imported bool // from a shared object
}

var goToC = regexp.MustCompile(`^_cgo_[0-9a-fA-F]{12}_(?:Cfunc|C2func|Cmacro)_(.+)$`)

// cName is the name the Go program uses for a Go → C wrapper, as the pass
// names the call in its gate: cgo turns C.malloc into _CMalloc, whose
// wrapper _Cfunc__Cmalloc calls malloc.
func cName(symbol string) (string, bool) {
	m := goToC.FindStringSubmatch(symbol)
	if m == nil {
		return "", false
	}
	if m[1] == "_Cmalloc" {
		return "C.malloc", true
	}
	return "C." + m[1], true
}

// Check reads the binary at path and checks its wrappers. An error means
// the file could not be checked at all (unreadable, not an x86-64 ELF
// binary, no symbol table); what is wrong with the wrappers is in the
// result.
func Check(path string) (*Binary, error) {
	im, err := load(path)
	if err != nil {
		return nil, err
	}
	res := &Binary{}
	isCrosscall2 := func(t target) bool { return t.is(crosscall2) }
	for i := range im.funcs {
		fn := &im.funcs[i]
		name, isGoToC := cName(fn.name)
		b := decode(im, fn)
		if isGoToC {
			res.Wrappers = append(res.Wrappers, checkWrapper(fn, b, GoToC, name))
			continue
		}
		callsIn := slices.ContainsFunc(b.exits, func(e exit) bool { return isCrosscall2(e.target) })
		if b.err != nil && !callsIn {
			rest := codeRange{fn.addr + uint64(b.errOff), fn.code[b.errOff:]}
			callsIn = len(im.rel32Refs(rest, isCrosscall2)) > 0
		}
		if !callsIn {
			continue
		}
		if reason, ok := exempt(fn, b); ok {
			res.Exempt = append(res.Exempt, Exempt{fn.name, fn.addr, reason})
			continue
		}
		res.Wrappers = append(res.Wrappers, checkWrapper(fn, b, CToGo, fn.name))
	}
	for _, g := range im.gaps {
		for _, off := range im.rel32Refs(g, isCrosscall2) {
			res.Problems = append(res.Problems, fmt.Sprintf("code at %#x, outside every function symbol, may call crosscall2 (bytes of a rel32 call or jump to it): a C → Go wrapper gatecheck cannot name", g.addr+uint64(off)))
		}
	}
	res.checkGates(im)
	return res, nil
}

// exempt recognizes runtime/cgo's crosscall2_trampoline: Go assembly
// (asm_amd64.s) that is nothing but `JMP crosscall2`. Its address is what
// runtime/cgo's C stores in x_crosscall2_ptr, so that
// pthread_key_destructor can call crosscall2 with fn == NULL to drop the M
// of an exiting C thread. It is no cgo wrapper (no Go code of the program
// runs through it) and, being Go assembly, nothing the pass could gate; its
// caller calls through the pointer and is not seen here. Only that exact
// shape is exempt: any other code under the name is checked as a wrapper.
func exempt(fn *function, b *body) (string, bool) {
	if fn.name != "crosscall2_trampoline" || b.err != nil || len(b.insns) != 1 || len(b.exits) != 1 ||
		!b.exits[0].tail || b.exits[0].via != "" || !b.exits[0].is(crosscall2) {
		return "", false
	}
	return "runtime/cgo's trampoline for x_crosscall2_ptr (only `jmp crosscall2`), which pthread_key_destructor calls to drop an exiting C thread's M", true
}

func checkWrapper(fn *function, b *body, kind Kind, name string) Wrapper {
	w := Wrapper{Symbol: fn.name, Addr: fn.addr, Kind: kind, Name: name}
	enter, leave := EnterC, LeaveC
	if kind == CToGo {
		enter, leave = EnterGo, LeaveGo
	}
	if b.err != nil {
		w.Problems = append(w.Problems, fmt.Sprintf("cannot decode its instructions at +%#x (%v), so its calls are unknown", b.errOff, b.err))
	}
	var enters, leaves int
	for _, e := range b.exits {
		off := uint64(b.insns[e.insn].off)
		switch {
		case e.is(enter):
			enters++
			c := GateCall{Gate: enter, Offset: off, Via: e.via}
			if kind == GoToC {
				p, err := policyAt(fn, b, e.insn)
				if err != nil {
					w.Problems = append(w.Problems, fmt.Sprintf("cannot read the policy of the %s call at +%#x: %v", enter, off, err))
				}
				c.Policy = p
				w.Policy = max(w.Policy, p)
			}
			w.Calls = append(w.Calls, c)
		case e.is(leave):
			leaves++
			w.Calls = append(w.Calls, GateCall{Gate: leave, Offset: off, Via: e.via})
		}
	}
	switch {
	case enters == 0 && leaves == 0:
		w.Problems = append(w.Problems, "no "+enter+", no "+leave)
	case enters == 0:
		w.Problems = append(w.Problems, "no "+enter)
	case leaves == 0:
		w.Problems = append(w.Problems, "no "+leave)
	case enters != leaves:
		w.Problems = append(w.Problems, fmt.Sprintf("%d calls of %s but %d of %s", enters, enter, leaves, leave))
	}
	return w
}

// checkGates records the gates the wrappers need and fails the binary for
// each one it neither defines nor imports.
func (res *Binary) checkGates(im *image) {
	var need []string
	if slices.ContainsFunc(res.Wrappers, func(w Wrapper) bool { return w.Kind == GoToC }) {
		need = append(need, EnterC, LeaveC)
	}
	if slices.ContainsFunc(res.Wrappers, func(w Wrapper) bool { return w.Kind == CToGo }) {
		need = append(need, EnterGo, LeaveGo)
	}
	var missing []string
	for _, name := range need {
		addr, defined := im.defined[name]
		g := Gate{Name: name, Addr: addr, Defined: defined, Imported: im.imported[name]}
		if !g.Defined && !g.Imported {
			missing = append(missing, name)
		}
		res.Gates = append(res.Gates, g)
	}
	if len(missing) > 0 {
		res.Problems = append(res.Problems, fmt.Sprintf("the binary has cgo wrappers but does not define %s: it does not link go/mpk's gates (import _ \"github.com/galeed-go/galeed/go/mpk\")", strings.Join(missing, ", ")))
	}
}

// OK says whether every wrapper is gated and the binary has its gates.
func (res *Binary) OK() bool {
	return len(res.Problems) == 0 && !slices.ContainsFunc(res.Wrappers, func(w Wrapper) bool { return !w.Gated() })
}

// Counts summarizes a result.
type Counts struct {
	Wrappers, Gated int
	GoToC, CToGo    int
	Policies        [ReadWrite + 1]int // gated Go → C wrappers by policy
}

func (res *Binary) Count() Counts {
	var c Counts
	for _, w := range res.Wrappers {
		c.Wrappers++
		if w.Kind == GoToC {
			c.GoToC++
		} else {
			c.CToGo++
		}
		if !w.Gated() {
			continue
		}
		c.Gated++
		if w.Kind == GoToC {
			c.Policies[w.Policy]++
		}
	}
	return c
}
