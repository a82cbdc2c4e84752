package scan

import (
	"bytes"
	"debug/elf"
	"errors"
	"fmt"
	"strings"
)

// object is one ELF file, or archive member, being scanned.
type object struct {
	file, member, where string
	f                   *elf.File
	data                []byte
	syms                []symbol
	defs                map[string]int // distinct definitions per symbol name
	sweeps              map[sweepStart]*sweep
}

// sweepStart identifies a linear sweep: region and offset in it.
type sweepStart struct{ region, offset int }

// maxFindings bounds the work a hostile file can cause; one real finding
// already fails the check.
const maxFindings = 1000

// region is a contiguous run of executable bytes.
type region struct {
	name    string // section name, or PT_LOAD[i]
	off     uint64 // file offset of code[0]
	code    []byte
	addr    uint64 // virtual address of code[0], if hasAddr
	hasAddr bool
	section int // index of the section this region is, or -1 for a segment
}

type symbol struct {
	name     string
	section  elf.SectionIndex
	value    uint64 // section offset in relocatable objects, else address
	size     uint64
	function bool
}

func (s *scanner) elf(member string, data []byte) ([]Finding, error) {
	o := &object{file: s.file, member: member, where: s.file, data: data}
	if member != "" {
		o.where += "(" + member + ")"
	}
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: malformed ELF: %v", o.where, err)
	}
	o.f = f
	if f.Machine != elf.EM_X86_64 {
		return nil, fmt.Errorf("%s: ELF machine is %v, not x86-64; pkruscan checks x86-64 code only", o.where, f.Machine)
	}
	for _, sec := range f.Sections {
		if strings.HasPrefix(sec.Name, ".gnu.lto_") {
			return nil, fmt.Errorf("%s: GCC LTO object (section %s): the code that gets linked is generated from it at link time, so scanning it proves nothing; scan the linked binary instead", o.where, sec.Name)
		}
	}
	regions, err := o.regions()
	if err != nil {
		return nil, err
	}
	if err := o.loadSymbols(); err != nil {
		return nil, err
	}
	var out []Finding
	for i, r := range regions {
		for _, m := range matches(r.code) {
			if len(out) == maxFindings {
				return out, fmt.Errorf("%s: more than %d PKRU-writing byte sequences; the rest were not examined", o.where, maxFindings)
			}
			out = append(out, o.finding(i, r, m))
		}
	}
	return out, nil
}

// regions returns the bytes that will be executable: SHF_EXECINSTR
// sections of a relocatable object, executable PT_LOAD segments of
// anything the loader maps (see the package comment for why segments).
func (o *object) regions() ([]region, error) {
	var rs []region
	if o.f.Type != elf.ET_REL && o.hasLoad() {
		for i, p := range o.f.Progs {
			if p.Type != elf.PT_LOAD || p.Flags&elf.PF_X == 0 || p.Filesz == 0 {
				continue
			}
			name := fmt.Sprintf("PT_LOAD[%d]", i)
			code, err := o.bytes("segment "+name, p.Off, p.Filesz)
			if err != nil {
				return nil, err
			}
			rs = append(rs, region{name: name, off: p.Off, code: code, addr: p.Vaddr, hasAddr: true, section: -1})
		}
		return rs, nil
	}
	for i, sec := range o.f.Sections {
		if sec.Flags&elf.SHF_EXECINSTR == 0 || sec.Type == elf.SHT_NOBITS || sec.FileSize == 0 {
			continue
		}
		if sec.Flags&elf.SHF_COMPRESSED != 0 {
			return nil, fmt.Errorf("%s: malformed ELF: executable section %s is compressed (SHF_COMPRESSED), which the ELF ABI allows only for non-allocated sections", o.where, o.sectionName(i))
		}
		code, err := o.bytes("section "+o.sectionName(i), sec.Offset, sec.FileSize)
		if err != nil {
			return nil, err
		}
		rs = append(rs, region{name: o.sectionName(i), off: sec.Offset, code: code, addr: sec.Addr, hasAddr: o.f.Type != elf.ET_REL, section: i})
	}
	return rs, nil
}

func (o *object) hasLoad() bool {
	for _, p := range o.f.Progs {
		if p.Type == elf.PT_LOAD {
			return true
		}
	}
	return false
}

// bytes returns the file range [off, off+size), which debug/elf does not
// check against the file's size.
func (o *object) bytes(what string, off, size uint64) ([]byte, error) {
	if off > uint64(len(o.data)) || size > uint64(len(o.data))-off {
		return nil, fmt.Errorf("%s: malformed ELF: %s (file offset %#x, size %#x) extends past the end of the %d-byte file", o.where, what, off, size, len(o.data))
	}
	return o.data[off : off+size], nil
}

func (o *object) sectionName(i int) string {
	if n := o.f.Sections[i].Name; n != "" {
		return n
	}
	return fmt.Sprintf("section[%d]", i)
}

// loadSymbols reads the symbols that can contain code: .symtab, or .dynsym
// when the file is stripped.
func (o *object) loadSymbols() error {
	syms, err := o.f.Symbols()
	if errors.Is(err, elf.ErrNoSymbols) {
		syms, err = o.f.DynamicSymbols()
	}
	if errors.Is(err, elf.ErrNoSymbols) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: malformed ELF: symbol table: %v", o.where, err)
	}
	type def struct {
		section     elf.SectionIndex
		value, size uint64
	}
	seen := map[string]map[def]bool{}
	for _, s := range syms {
		switch elf.ST_TYPE(s.Info) {
		case elf.STT_FUNC, elf.STT_GNU_IFUNC, elf.STT_OBJECT, elf.STT_NOTYPE:
		default:
			continue // sections, files, TLS offsets
		}
		if s.Name == "" || s.Size == 0 || s.Section == elf.SHN_UNDEF || s.Section >= elf.SHN_LORESERVE {
			continue
		}
		d := def{s.Section, s.Value, s.Size}
		if seen[s.Name] == nil {
			seen[s.Name] = map[def]bool{}
		}
		if seen[s.Name][d] {
			continue
		}
		seen[s.Name][d] = true
		t := elf.ST_TYPE(s.Info)
		o.syms = append(o.syms, symbol{name: s.Name, section: s.Section, value: s.Value, size: s.Size, function: t == elf.STT_FUNC || t == elf.STT_GNU_IFUNC})
	}
	o.defs = make(map[string]int, len(seen))
	for name, ds := range seen {
		o.defs[name] = len(ds)
	}
	return nil
}

func (o *object) finding(ri int, r region, m match) Finding {
	f := Finding{File: o.file, Member: o.member, Kind: m.kind, Bytes: m.bytes(r.code)}
	sec := r.section
	if sec < 0 {
		sec = o.sectionAt(r.off + uint64(m.start))
	}
	if sec >= 0 {
		f.Section, f.Offset = o.sectionName(sec), r.off+uint64(m.start)-o.f.Sections[sec].Offset
	} else {
		f.Section, f.Offset = r.name, uint64(m.start)
	}
	if r.hasAddr {
		f.Addr, f.HasAddr = r.addr+uint64(m.start), true
	}
	sym := o.containing(r, m)
	if sym != nil {
		f.Symbol, f.SymbolOffset, f.SymbolDefs = sym.name, o.pos(r, m.start)-sym.value, o.defs[sym.name]
	}
	f.Boundary = o.boundary(ri, r, sec, sym, m)
	return f
}

// pos is how symbols measure offset i of region r: by address, or in a
// relocatable object by offset within the section.
func (o *object) pos(r region, i int) uint64 {
	if r.hasAddr {
		return r.addr + uint64(i)
	}
	return uint64(i)
}

// sectionAt returns the index of the allocated section holding file offset
// off, or -1.
func (o *object) sectionAt(off uint64) int {
	for i, s := range o.f.Sections {
		if s.Flags&elf.SHF_ALLOC != 0 && s.Type != elf.SHT_NOBITS && off >= s.Offset && off-s.Offset < s.FileSize {
			return i
		}
	}
	return -1
}

// containing returns the symbol that holds all of m's bytes, preferring a
// function, then the innermost symbol; nil if none does.
func (o *object) containing(r region, m match) *symbol {
	start, n := o.pos(r, m.start), uint64(m.opcode+3-m.start)
	var best *symbol
	for i := range o.syms {
		s := &o.syms[i]
		if !r.hasAddr && s.section != elf.SectionIndex(r.section) {
			continue
		}
		if start < s.value || start-s.value > s.size || s.size-(start-s.value) < n {
			continue
		}
		if best == nil || better(s, best) {
			best = s
		}
	}
	return best
}

func better(a, b *symbol) bool {
	switch {
	case a.function != b.function:
		return a.function
	case a.size != b.size:
		return a.size < b.size
	case a.value != b.value:
		return a.value > b.value
	}
	return a.name < b.name
}

// boundary runs the linear sweep of the intended decoding. It starts at
// the containing function; failing that, at the nearest function that
// starts before the finding in the same region, whose end the compiler
// left at an instruction boundary too (this matters in stripped files,
// where .dynsym names only exported functions, and a sweep from the
// section start crosses padding and data that knock it out of step);
// failing that, at the start of the code section, or of the segment when
// no section describes these bytes.
func (o *object) boundary(ri int, r region, sec int, sym *symbol, m match) Boundary {
	lo, from := 0, r.name // the code the finding sits in, within r
	if sec >= 0 {
		s := o.f.Sections[sec]
		if s.Flags&elf.SHF_EXECINSTR == 0 {
			return Boundary{From: o.sectionName(sec), Reason: fmt.Sprintf("%s is not a code section, only mapped executable with one, so there is no intended decoding", o.sectionName(sec))}
		}
		if s.Offset >= r.off { // else the section starts before the segment
			lo, from = int(s.Offset-r.off), o.sectionName(sec)
		}
	}
	if sym == nil || !sym.function || sym.value < o.pos(r, lo) {
		sym = o.precedingFunction(r, lo, m)
	}
	if sym != nil {
		lo, from = int(sym.value-o.pos(r, 0)), sym.name
	}
	// Findings come in increasing order within a region, as a resumed
	// sweep requires.
	key := sweepStart{ri, lo}
	sw := o.sweeps[key]
	if sw == nil {
		sw = &sweep{code: r.code[lo:], from: from}
		if o.sweeps == nil {
			o.sweeps = map[sweepStart]*sweep{}
		}
		o.sweeps[key] = sw
	}
	return sw.to(m.opcode - lo)
}

// precedingFunction returns the function symbol that starts closest before
// m but not before offset lo of region r, or nil.
func (o *object) precedingFunction(r region, lo int, m match) *symbol {
	min, max := o.pos(r, lo), o.pos(r, m.start)
	var best *symbol
	for i := range o.syms {
		s := &o.syms[i]
		if !s.function || s.value < min || s.value > max || (!r.hasAddr && s.section != elf.SectionIndex(r.section)) {
			continue
		}
		if best == nil || s.value > best.value {
			best = s
		}
	}
	return best
}
