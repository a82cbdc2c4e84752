package wrappers

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

// image is what gatecheck reads of a linked ELF binary: its functions and
// their code, and the dynamic relocations that say which imported function
// a PLT entry or GOT slot reaches.
type image struct {
	funcs    []function          // function symbols in executable sections, by address
	names    map[uint64][]string // code symbols (functions and labels) at each address
	defined  map[string]uint64   // functions the binary defines, at their first address
	imported map[string]bool     // symbols it takes from shared objects
	slots    map[uint64]string   // GOT slot address → imported symbol
	plts     []codeRange         // PLT sections
	gaps     []codeRange         // executable bytes outside every function symbol and PLT
}

// function is one function symbol and its machine code.
type function struct {
	name string
	addr uint64
	code []byte
}

// codeRange is a run of executable bytes at an address.
type codeRange struct {
	addr uint64
	code []byte
}

func (r codeRange) contains(addr uint64) bool {
	return addr >= r.addr && addr-r.addr < uint64(len(r.code))
}

func load(path string) (*image, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(elf.ELFMAG)) {
		return nil, fmt.Errorf("%s: not an ELF file", path)
	}
	f, err := elf.NewFile(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: malformed ELF: %v", path, err)
	}
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 {
		return nil, fmt.Errorf("%s: ELF file for %v (%v), not x86-64; gatecheck reads x86-64 code only", path, f.Machine, f.Class)
	}
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		// In an object file every call's target is still a relocation.
		return nil, fmt.Errorf("%s: ELF %v, not a linked executable or shared object", path, f.Type)
	}
	syms, err := f.Symbols()
	if errors.Is(err, elf.ErrNoSymbols) {
		return nil, fmt.Errorf("%s: no symbol table: gatecheck finds cgo's wrappers by their symbols, so the binary must keep them (Bazel: --strip=never; go build: no -ldflags=-s)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: malformed ELF: symbol table: %v", path, err)
	}
	im := &image{
		names:    map[uint64][]string{},
		defined:  map[string]uint64{},
		imported: map[string]bool{},
		slots:    map[uint64]string{},
	}
	code := map[elf.SectionIndex][]byte{}
	for i, sec := range f.Sections {
		if sec.Flags&elf.SHF_EXECINSTR == 0 || sec.Type == elf.SHT_NOBITS {
			continue
		}
		b, err := sec.Data()
		if err != nil {
			return nil, fmt.Errorf("%s: malformed ELF: section %s: %v", path, sec.Name, err)
		}
		code[elf.SectionIndex(i)] = b
		if strings.HasPrefix(sec.Name, ".plt") {
			im.plts = append(im.plts, codeRange{sec.Addr, b})
		}
	}
	type def struct {
		name       string
		addr, size uint64
	}
	seen := map[def]bool{}
	for _, s := range syms {
		t := elf.ST_TYPE(s.Info)
		b, ok := code[s.Section]
		if !ok || s.Name == "" || (t != elf.STT_FUNC && t != elf.STT_NOTYPE) {
			continue
		}
		im.names[s.Value] = appendNew(im.names[s.Value], s.Name)
		d := def{s.Name, s.Value, s.Size}
		if t != elf.STT_FUNC || seen[d] {
			continue
		}
		seen[d] = true
		if _, ok := im.defined[s.Name]; !ok {
			im.defined[s.Name] = s.Value
		}
		sec := f.Sections[s.Section]
		if s.Value < sec.Addr || s.Value-sec.Addr > uint64(len(b)) || s.Size > uint64(len(b))-(s.Value-sec.Addr) {
			return nil, fmt.Errorf("%s: malformed ELF: function %s (%#x, %d bytes) lies outside its section %s", path, s.Name, s.Value, s.Size, sec.Name)
		}
		if s.Size > 0 {
			off := s.Value - sec.Addr
			im.funcs = append(im.funcs, function{s.Name, s.Value, b[off : off+s.Size]})
		}
	}
	slices.SortFunc(im.funcs, func(a, b function) int {
		if a.addr != b.addr {
			return compare(a.addr, b.addr)
		}
		return strings.Compare(a.name, b.name)
	})
	if err := im.loadDynamic(f); err != nil {
		return nil, fmt.Errorf("%s: malformed ELF: %v", path, err)
	}
	im.findGaps(f, code)
	return im, nil
}

func compare(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// loadDynamic reads the imported symbols and the GOT slots the dynamic
// linker fills with their addresses (R_X86_64_JUMP_SLOT for PLT entries,
// R_X86_64_GLOB_DAT for calls through the GOT, as with -fno-plt).
func (im *image) loadDynamic(f *elf.File) error {
	dynsyms, err := f.DynamicSymbols()
	if errors.Is(err, elf.ErrNoSymbols) {
		return nil // statically linked
	}
	if err != nil {
		return fmt.Errorf("dynamic symbol table: %v", err)
	}
	for _, s := range dynsyms {
		if s.Section == elf.SHN_UNDEF && s.Name != "" {
			im.imported[s.Name] = true
		}
	}
	for _, sec := range f.Sections {
		if sec.Type != elf.SHT_RELA || int(sec.Link) >= len(f.Sections) || f.Sections[sec.Link].Type != elf.SHT_DYNSYM {
			continue
		}
		rela, err := sec.Data()
		if err != nil {
			return fmt.Errorf("section %s: %v", sec.Name, err)
		}
		const entSize = 24 // Elf64_Rela
		for i := 0; i+entSize <= len(rela); i += entSize {
			off := binary.LittleEndian.Uint64(rela[i:])
			info := binary.LittleEndian.Uint64(rela[i+8:])
			typ, sym := elf.R_X86_64(info&0xffffffff), info>>32
			if typ != elf.R_X86_64_JMP_SLOT && typ != elf.R_X86_64_GLOB_DAT {
				continue
			}
			// DynamicSymbols omits the null symbol at index 0.
			if sym == 0 || sym > uint64(len(dynsyms)) {
				return fmt.Errorf("section %s: relocation %d names symbol %d of %d", sec.Name, i/entSize, sym, len(dynsyms))
			}
			im.slots[off] = dynsyms[sym-1].Name
		}
	}
	return nil
}

// findGaps records the executable bytes that no function symbol covers,
// outside the PLT: program entry code, padding, assembly without symbol
// sizes. A call of crosscall2 could hide there as well as in a function.
func (im *image) findGaps(f *elf.File, code map[elf.SectionIndex][]byte) {
	for i, b := range code {
		sec := f.Sections[i]
		if strings.HasPrefix(sec.Name, ".plt") {
			continue
		}
		pos := sec.Addr
		end := sec.Addr + uint64(len(b))
		for _, fn := range im.funcs { // sorted by address
			if fn.addr >= end || fn.addr+uint64(len(fn.code)) <= sec.Addr {
				continue
			}
			if fn.addr > pos {
				im.gaps = append(im.gaps, codeRange{pos, b[pos-sec.Addr : fn.addr-sec.Addr]})
			}
			pos = max(pos, fn.addr+uint64(len(fn.code)))
		}
		if pos < end {
			im.gaps = append(im.gaps, codeRange{pos, b[pos-sec.Addr:]})
		}
	}
	slices.SortFunc(im.gaps, func(a, b codeRange) int { return compare(a.addr, b.addr) })
}

// pltSlot returns the GOT slot that the PLT entry at addr jumps through:
// `jmp *slot(%rip)`, after an endbr64 and a bnd or notrack prefix where
// the linker uses them (.plt.sec with IBT).
func (im *image) pltSlot(addr uint64) (uint64, bool) {
	for _, p := range im.plts {
		if !p.contains(addr) {
			continue
		}
		stub := p.code[addr-p.addr:]
		n := 0
		if bytes.HasPrefix(stub, []byte{0xf3, 0x0f, 0x1e, 0xfa}) { // endbr64
			n = 4
		}
		if n < len(stub) && (stub[n] == 0xf2 || stub[n] == 0x3e) {
			n++
		}
		if len(stub) < n+6 || stub[n] != 0xff || stub[n+1] != 0x25 {
			return 0, false
		}
		disp := int32(binary.LittleEndian.Uint32(stub[n+2:]))
		return addr + uint64(n+6) + uint64(int64(disp)), true
	}
	return 0, false
}

// callee says what a call or jump to addr reaches: the functions defined
// there, or for a PLT entry the imported function it stands for.
func (im *image) callee(addr uint64) target {
	if slot, ok := im.pltSlot(addr); ok {
		return im.throughSlot(slot, "PLT")
	}
	return target{names: im.names[addr]}
}

// throughSlot is what an indirect call through the GOT slot reaches.
func (im *image) throughSlot(slot uint64, via string) target {
	if name, ok := im.slots[slot]; ok {
		return target{names: []string{name}, via: via}
	}
	return target{via: via}
}

// target is what a call reaches.
type target struct {
	names []string // symbols at the target; none when unknown
	via   string   // "" for a direct call, else "PLT" or "GOT"
}

func (t target) is(name string) bool { return slices.Contains(t.names, name) }
