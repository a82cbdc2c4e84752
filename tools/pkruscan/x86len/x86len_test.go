package x86len

import (
	"debug/elf"
	"encoding/hex"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galeed-go/galeed/tools/internal/hostcc"
)

// TestAssemblerLengths decodes testdata/insns.S as assembled by the host
// toolchain and checks every length against the one the assembler
// recorded, so the reference is an independent encoder rather than
// expectations typed in by hand.
func TestAssemblerLengths(t *testing.T) {
	dir := t.TempDir()
	src, err := filepath.Abs("testdata/insns.S")
	if err != nil {
		t.Fatal(err)
	}
	hostcc.CC(t, dir, "-c", src, "-o", "insns.o")
	f, err := elf.Open(filepath.Join(dir, "insns.o"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text := sectionData(t, f, ".text")
	lens := sectionData(t, f, ".lens")
	if len(lens) < 400 {
		t.Fatalf("only %d instructions in insns.o; the I macro is not recording lengths", len(lens))
	}
	off := 0
	for _, want := range lens {
		code := text[off:]
		got, err := Decode(code)
		raw := hex.EncodeToString(code[:min(int(want), len(code))])
		switch {
		case err != nil:
			t.Errorf(".text+%#x (%s): %v", off, raw, err)
		case got.Len != int(want):
			t.Errorf(".text+%#x (%s): length %d, assembler says %d", off, raw, got.Len, want)
		}
		off += int(want)
	}
	if off != len(text) {
		t.Errorf("lengths cover %d bytes of %d in .text", off, len(text))
	}
}

func sectionData(t *testing.T, f *elf.File, name string) []byte {
	t.Helper()
	s := f.Section(name)
	if s == nil {
		t.Fatalf("no section %s", name)
	}
	b, err := s.Data()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestShapes covers what the assembler cannot produce or reports only as
// a length: the opcode offset, prefix quirks and the refusals.
func TestShapes(t *testing.T) {
	for _, tc := range []struct {
		hex    string
		len    int
		opcode int
		err    string // substring; empty means success
	}{
		{hex: "0f01ef", len: 3},
		{hex: "480fae2f", len: 4, opcode: 1},           // xrstor64 (%rdi)
		{hex: "66480fae2f", len: 5, opcode: 2},         // legacy prefix before REX
		{hex: "48660fae2f", len: 5, opcode: 2},         // REX before legacy prefix: ignored, still part of the instruction
		{hex: "4866b8341278563412", len: 5, opcode: 2}, // REX.W ignored, so imm16
		{hex: "48b8efcdab8967452301", len: 10, opcode: 1},
		{hex: "f6c101", len: 3}, // test $1, %cl
		{hex: "f6d1", len: 2},   // not %cl: no immediate
		{hex: "66f7c13412", len: 5, opcode: 1},
		{hex: "8fc0", len: 2}, // pop %rax, not XOP
		{hex: "678b0578563412", len: 7, opcode: 1},
		{hex: "67a178563412", len: 6, opcode: 1},
		{hex: "0f", err: "past the end"},
		{hex: "b8efbe", err: "past the end"},
		{hex: "8b04", err: "past the end"},
		{hex: "62f17c48", err: "past the end"},
		{hex: "", err: "past the end"},
		{hex: strings.Repeat("66", 15) + "90", err: "prefixes"},
		{hex: strings.Repeat("66", 11) + "48b8" + strings.Repeat("00", 8), err: "longer than"},
		{hex: "06", err: "undefined"},
		{hex: "0f0a", err: "undefined"},
		{hex: "0fb8c0", err: "JMPE"},
		{hex: "f30fb8c0", len: 4, opcode: 1},
		{hex: "0fffc0", err: "vendor-dependent"},
		{hex: "66e800000000", err: "vendor-dependent"},
		{hex: "660f8400000000", err: "vendor-dependent"},
		{hex: "48c5f877", err: "#UD"},
		{hex: "66c4e27d5801", err: "#UD"},
		{hex: "c4e77d5801", err: "VEX opcode map 7"},
		{hex: "62f4fc0801c0", err: "EVEX opcode map 4"},
		{hex: "8fe97801c0", len: 5},
		{hex: "8fea7810c004030201", len: 9}, // XOP map 0A: imm32
		{hex: "8fef7801c0", err: "XOP opcode map 15"},
		{hex: "d50001c0", err: "REX2"},
		{hex: "0f2387", len: 3}, // mov %rdi, %db0: mod is ignored
		{hex: "0f20", err: "past the end"},
	} {
		code, err := hex.DecodeString(tc.hex)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(code)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: got %+v, %v; want error containing %q", tc.hex, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != (Inst{Len: tc.len, Opcode: tc.opcode}) {
			t.Errorf("%s: got %+v, %v; want len %d opcode %d", tc.hex, got, err, tc.len, tc.opcode)
		}
	}
}

func TestTruncatedIsErrTruncated(t *testing.T) {
	full, _ := hex.DecodeString("62f17c4858442401") // vaddps 64(%rsp), %zmm0, %zmm0
	for n := range len(full) {
		if _, err := Decode(full[:n]); !errors.Is(err, ErrTruncated) {
			t.Errorf("first %d bytes: %v, want ErrTruncated", n, err)
		}
	}
}

// FuzzDecode checks that no byte sequence makes Decode panic or return an
// impossible shape.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"0f01ef", "480fae2f", "62f17c4858442401", "c4e27d5801", "8fe97801c0", "66f7c13412"} {
		b, _ := hex.DecodeString(s)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, code []byte) {
		got, err := Decode(code)
		if err != nil {
			return
		}
		if got.Len < 1 || got.Len > MaxLen || got.Len > len(code) || got.Opcode < 0 || got.Opcode >= got.Len {
			t.Fatalf("%x: impossible shape %+v", code, got)
		}
	})
}
