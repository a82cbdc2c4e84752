package scan

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/galeed-go/galeed/tools/internal/hostcc"
)

// longMember is the fixture object's name: past 15 characters, so ar must
// put it in the GNU long-name table.
const longMember = "pkru_fixture_with_long_name.o"

// fixtures builds testdata/*.c into every form pkruscan reads and returns
// the directory holding them.
func fixtures(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"fixture", "clean", "main", "dup1", "dup2"} {
		src, err := filepath.Abs(filepath.Join("testdata", name+".c"))
		if err != nil {
			t.Fatal(err)
		}
		hostcc.CC(t, dir, "-O2", "-fPIC", "-c", src, "-o", name+".o")
	}
	if err := os.Rename(filepath.Join(dir, "fixture.o"), filepath.Join(dir, longMember)); err != nil {
		t.Fatal(err)
	}
	hostcc.AR(t, dir, "rcs", "libfixture.a", longMember, "clean.o")
	hostcc.AR(t, dir, "rcsT", "libthin.a", longMember, "clean.o")
	hostcc.CC(t, dir, "-shared", "-o", "libfixture.so", longMember)
	hostcc.CC(t, dir, "-shared", "-s", "-o", "libstripped.so", longMember)
	hostcc.CC(t, dir, "-o", "fixture", "main.o", longMember)
	hostcc.CC(t, dir, "-o", "clean", "main.o", "clean.o")
	hostcc.CC(t, dir, "-shared", "-o", "libdup.so", "dup1.o", "dup2.o")
	return dir
}

// want lists what testdata/fixture.c contains, one finding per function.
var want = []struct {
	symbol    string
	kind      Kind
	placement Placement
	withinLen int // for Hidden: length of the enclosing instruction
}{
	{"gate_aligned", WRPKRU, OnBoundary, 0},
	{"gate_allowed", WRPKRU, OnBoundary, 0},
	{"hidden_imm", WRPKRU, Hidden, 5},
	{"hidden_movabs", WRPKRU, Hidden, 10},
	{"restore", XRSTOR, OnBoundary, 0},
	{"restore64", XRSTOR64, OnBoundary, 0},
	// restore_s and restore_s64 (XRSTORS, privileged) must not be reported.
}

// checkFixture checks findings against want and against the bytes of the
// ELF file elfPath, which holds the findings' sections.
func checkFixture(t *testing.T, findings []Finding, elfPath string, linked bool) {
	t.Helper()
	if len(findings) != len(want) {
		t.Fatalf("%d findings, want %d:\n%s", len(findings), len(want), dump(findings))
	}
	f, err := elf.Open(elfPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, w := range want {
		got := findings[i]
		if got.Symbol != w.symbol || got.Kind != w.kind || got.Boundary.Placement != w.placement || got.SymbolDefs != 1 {
			t.Errorf("finding %d: %s %s placement %d (%d definitions), want %s %s placement %d", i, got.Symbol, got.Kind, got.Boundary.Placement, got.SymbolDefs, w.symbol, w.kind, w.placement)
		}
		switch w.placement {
		case OnBoundary:
			if got.Boundary.From != w.symbol {
				t.Errorf("%s: sweep from %q, want the symbol itself", w.symbol, got.Boundary.From)
			}
		case Hidden:
			if got.Boundary.WithinLen != w.withinLen || !strings.HasPrefix(got.Boundary.Within, w.symbol+"+") {
				t.Errorf("%s: hidden in the %d-byte instruction at %s, want a %d-byte instruction in %s", w.symbol, got.Boundary.WithinLen, got.Boundary.Within, w.withinLen, w.symbol)
			}
		}
		sec := f.Section(got.Section)
		if sec == nil {
			t.Errorf("%s: no section %q in %s", w.symbol, got.Section, elfPath)
			continue
		}
		data, err := sec.Data()
		if err != nil {
			t.Fatal(err)
		}
		if end := got.Offset + uint64(len(got.Bytes)); end > uint64(len(data)) || !bytes.Equal(data[got.Offset:end], got.Bytes) {
			t.Errorf("%s: %s+%#x does not hold the reported bytes % x", w.symbol, got.Section, got.Offset, got.Bytes)
		}
		if got.HasAddr != linked || (linked && got.Addr != sec.Addr+got.Offset) {
			t.Errorf("%s: address %#x (has %v), want section address %#x + %#x in a linked file", w.symbol, got.Addr, got.HasAddr, sec.Addr, got.Offset)
		}
	}
}

func dump(findings []Finding) string {
	var b strings.Builder
	for _, f := range findings {
		b.WriteString("\t" + f.Location() + " " + f.Section + " " + f.Symbol + " " + string(f.Kind) + "\n")
	}
	return b.String()
}

func scanOK(t *testing.T, path string) []Finding {
	t.Helper()
	findings, err := File(path)
	if err != nil {
		t.Fatalf("File(%s): %v", path, err)
	}
	return findings
}

func TestFixtureForms(t *testing.T) {
	dir := fixtures(t)
	obj := filepath.Join(dir, longMember)
	fromObject := scanOK(t, obj)
	checkFixture(t, fromObject, obj, false)

	for _, lib := range []string{"libfixture.a", "libthin.a"} {
		findings := scanOK(t, filepath.Join(dir, lib))
		if len(findings) != len(fromObject) {
			t.Fatalf("%s: %d findings, want the object's %d:\n%s", lib, len(findings), len(fromObject), dump(findings))
		}
		for i, f := range findings {
			o := fromObject[i]
			if f.Member != longMember || f.Section != o.Section || f.Offset != o.Offset || f.Symbol != o.Symbol || f.Boundary != o.Boundary {
				t.Errorf("%s: finding %d is %s %s+%#x %s, want member %s as in the object: %s+%#x %s", lib, i, f.Location(), f.Section, f.Offset, f.Symbol, longMember, o.Section, o.Offset, o.Symbol)
			}
		}
	}

	for _, linked := range []string{"libfixture.so", "libstripped.so", "fixture"} {
		path := filepath.Join(dir, linked)
		checkFixture(t, scanOK(t, path), path, true)
	}
}

// TestNoSectionHeaders scans the executable with its section header table
// cut off, as a hostile or minimal loader-only file would be: the code is
// found through the executable segments, at the same addresses.
func TestNoSectionHeaders(t *testing.T) {
	dir := fixtures(t)
	exe := filepath.Join(dir, "fixture")
	full := scanOK(t, exe)
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	binary.LittleEndian.PutUint64(data[0x28:], 0) // e_shoff
	binary.LittleEndian.PutUint16(data[0x3c:], 0) // e_shnum
	binary.LittleEndian.PutUint16(data[0x3e:], 0) // e_shstrndx
	bare := filepath.Join(dir, "bare")
	if err := os.WriteFile(bare, data, 0o755); err != nil {
		t.Fatal(err)
	}
	findings := scanOK(t, bare)
	if len(findings) != len(full) {
		t.Fatalf("%d findings without section headers, %d with:\n%s", len(findings), len(full), dump(findings))
	}
	for i, f := range findings {
		if !strings.HasPrefix(f.Section, "PT_LOAD[") || f.Symbol != "" || f.Addr != full[i].Addr || f.Kind != full[i].Kind {
			t.Errorf("finding %d: %s+%#x @%#x %q %s, want a PT_LOAD segment at %#x, no symbol, %s", i, f.Section, f.Offset, f.Addr, f.Symbol, f.Kind, full[i].Addr, full[i].Kind)
		}
	}
}

func TestCleanCode(t *testing.T) {
	dir := fixtures(t)
	for _, name := range []string{"clean.o", "clean", "main.o"} {
		if findings := scanOK(t, filepath.Join(dir, name)); len(findings) != 0 {
			t.Errorf("%s: want no findings, got\n%s", name, dump(findings))
		}
	}
}

func TestFilter(t *testing.T) {
	dir := fixtures(t)
	findings := scanOK(t, filepath.Join(dir, longMember))

	kept, suppressed, stale := Filter(findings, []string{"gate_allowed", "no_such_symbol", "no_such_symbol"})
	if len(suppressed) != 1 || suppressed[0].Symbol != "gate_allowed" {
		t.Errorf("suppressed %s, want only gate_allowed", dump(suppressed))
	}
	if len(kept) != len(want)-1 || !slices.ContainsFunc(kept, func(f Finding) bool { return f.Symbol == "gate_aligned" }) {
		t.Errorf("kept:\n%s want all but gate_allowed, gate_aligned (the same bytes) included", dump(kept))
	}
	if !slices.Equal(stale, []string{"no_such_symbol"}) {
		t.Errorf("stale %q, want [no_such_symbol] once", stale)
	}

	// Two static functions named dup_gate: the name does not identify one.
	dup := scanOK(t, filepath.Join(dir, "libdup.so"))
	kept, suppressed, stale = Filter(dup, []string{"dup_gate"})
	if len(dup) != 2 || len(kept) != 2 || len(suppressed) != 0 || !slices.Equal(stale, []string{"dup_gate"}) {
		t.Errorf("libdup.so: %d findings, kept %d, suppressed %d, stale %q; want 2 kept, none suppressed, dup_gate stale", len(dup), len(kept), len(suppressed), stale)
	}
	for _, f := range dup {
		if f.Symbol != "dup_gate" || f.SymbolDefs != 2 {
			t.Errorf("libdup.so: finding in %q with %d definitions, want dup_gate with 2", f.Symbol, f.SymbolDefs)
		}
	}
}

// TestMalformed feeds broken and foreign inputs: each must produce an
// error that starts with the file's name and says what is wrong.
func TestMalformed(t *testing.T) {
	dir := fixtures(t)
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	obj := read(longMember)

	badOffset := bytes.Clone(obj)
	f, err := elf.NewFile(bytes.NewReader(obj))
	if err != nil {
		t.Fatal(err)
	}
	shoff := binary.LittleEndian.Uint64(obj[0x28:])
	for i, s := range f.Sections {
		if s.Name == ".text" {
			binary.LittleEndian.PutUint64(badOffset[shoff+uint64(i)*64+24:], 1<<40) // sh_offset
		}
	}
	wrongMachine := bytes.Clone(obj)
	binary.LittleEndian.PutUint16(wrongMachine[0x12:], uint16(elf.EM_AARCH64))
	archive := read("libfixture.a")
	badHeader := bytes.Clone(archive)
	copy(badHeader[8+58:], "XX") // the first member's "`\n"

	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("notes.txt", []byte("just text\n"))
	write("goobj.o", []byte("go object linux amd64 go1.26\n"))
	hostcc.AR(t, dir, "rcs", "libtext.a", "notes.txt", "clean.o")
	hostcc.AR(t, dir, "rcs", "libgo.a", "goobj.o")
	hostcc.AR(t, dir, "rcsT", "libthin-missing.a", "notes.txt")
	if err := os.Remove(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		data []byte // written to name first, unless nil
		err  string
	}{
		{"garbage", []byte("hello, world\n"), "not an ELF file or ar archive"},
		{"empty", []byte{}, "empty file"},
		{"truncated.o", obj[:100], "malformed ELF"},
		{"header-only.o", obj[:16], "malformed ELF"},
		{"badoffset.o", badOffset, "malformed ELF"},
		{"aarch64.o", wrongMachine, "not x86-64"},
		{"badheader.a", badHeader, "malformed archive"},
		{"truncated.a", archive[:len(archive)-100], "malformed archive"},
		{"libtext.a", nil, "libtext.a(notes.txt): not an ELF file"},
		{"libgo.a", nil, "Go object file"},
		{"libthin-missing.a", nil, "libthin-missing.a(notes.txt): thin archive member"},
		{"adir", nil, "not a regular file"},
		{"missing", nil, "cannot read"},
	} {
		path := filepath.Join(dir, tc.name)
		if tc.data != nil {
			write(tc.name, tc.data)
		}
		_, err := File(path)
		if err == nil || !strings.HasPrefix(err.Error(), path) || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: got %v, want an error starting with the path and containing %q", tc.name, err, tc.err)
		}
	}

	// One bad member does not hide the findings of the good ones.
	hostcc.AR(t, dir, "rcs", "libmixed.a", "goobj.o", longMember)
	findings, err := File(filepath.Join(dir, "libmixed.a"))
	if err == nil || len(findings) != len(want) {
		t.Errorf("libmixed.a: %d findings, error %v; want the fixture's %d findings and an error", len(findings), err, len(want))
	}
}

func TestSweepResumes(t *testing.T) {
	// mov $0xef010f, %eax; wrpkru; then bytes that do not decode.
	s := &sweep{code: []byte{0xb8, 0x0f, 0x01, 0xef, 0x00, 0x0f, 0x01, 0xef, 0x06, 0x0f, 0x01, 0xef}, from: "f"}
	for _, tc := range []struct {
		opcode int
		want   Boundary
	}{
		{1, Boundary{Placement: Hidden, From: "f", Within: "f+0x0", WithinLen: 5}},
		{5, Boundary{Placement: OnBoundary, From: "f"}},
		{9, Boundary{From: "f", Reason: "cannot decode the instruction at f+0x8: opcode 06 is undefined in 64-bit mode"}},
	} {
		if got := s.to(tc.opcode); got != tc.want {
			t.Errorf("to(%d) = %+v, want %+v", tc.opcode, got, tc.want)
		}
	}
}

// TestFindingLimit scans a function made of nothing but WRPKRUs: the scan
// stops at maxFindings with an error instead of working through them all.
func TestFindingLimit(t *testing.T) {
	dir := t.TempDir()
	src := fmt.Sprintf(".text\n.globl many\n.type many, @function\nmany:\n.rept %d\nwrpkru\n.endr\n.size many, .-many\n", maxFindings+500)
	if err := os.WriteFile(filepath.Join(dir, "many.s"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	hostcc.CC(t, dir, "-c", "many.s", "-o", "many.o")
	path := filepath.Join(dir, "many.o")
	findings, err := File(path)
	if err == nil || !strings.Contains(err.Error(), "the rest were not examined") || len(findings) != maxFindings {
		t.Fatalf("%d findings, error %v; want %d and an error", len(findings), err, maxFindings)
	}
	for _, f := range findings {
		if f.Boundary.Placement != OnBoundary || f.Symbol != "many" {
			t.Fatalf("%s+%#x: %+v in %q, want on a boundary in many", f.Section, f.Offset, f.Boundary, f.Symbol)
		}
	}
}
