package scan

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/galeed-go/galeed/tools/pkruscan/ar"
)

// Finding is one PKRU-writing byte sequence in executable code.
type Finding struct {
	File    string // the path scanned
	Member  string // archive member, or "" for a plain ELF file
	Section string // section holding the bytes, or "PT_LOAD[i]" when none does
	Offset  uint64 // of the first byte, within Section
	Addr    uint64 // virtual address of the first byte, if HasAddr
	HasAddr bool   // false in relocatable objects, whose code has no address yet

	Symbol       string // symbol containing the bytes (preferring functions), or ""
	SymbolOffset uint64 // of the first byte, from the start of Symbol
	// SymbolDefs counts the distinct symbols named Symbol in the object;
	// Filter honours an allow entry only when it is 1.
	SymbolDefs int

	Kind     Kind
	Bytes    []byte // the matched bytes, REX prefix included for 64-bit forms
	Boundary Boundary
}

// Location is where the finding is, as "file(member)".
func (f Finding) Location() string {
	if f.Member != "" {
		return f.File + "(" + f.Member + ")"
	}
	return f.File
}

// File scans the ELF file or ar archive at path. Findings come back even
// alongside an error, so that one malformed archive member does not hide
// what the others contain; errors start with the file (and member) name.
func File(path string) ([]Finding, error) {
	data, err := readRegular(path)
	if err != nil {
		return nil, err
	}
	s := scanner{file: path, readThin: func(name string) ([]byte, error) {
		if !filepath.IsAbs(name) {
			name = filepath.Join(filepath.Dir(path), name)
		}
		return readRegular(name)
	}}
	return s.scan(data)
}

// readRegular reads a regular file, refusing devices and FIFOs: a thin
// archive naming /dev/zero must not make the scanner read forever.
func readRegular(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", path, unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%v)", path, st.Mode().Type())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", path, unwrapPath(err))
	}
	return data, nil
}

// unwrapPath drops the *fs.PathError wrapper, whose text repeats the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type scanner struct {
	file string
	// readThin returns the contents of a thin archive's member file.
	readThin func(name string) ([]byte, error)
}

var elfMagic = []byte("\x7fELF")

func (s *scanner) scan(data []byte) ([]Finding, error) {
	switch {
	case bytes.HasPrefix(data, elfMagic):
		return s.elf("", data)
	case ar.IsArchive(data):
		return s.archive(data)
	}
	return nil, fmt.Errorf("%s: %s", s.file, unscannable(data))
}

func (s *scanner) archive(data []byte) ([]Finding, error) {
	a, err := ar.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: malformed archive: %w", s.file, err)
	}
	var findings []Finding
	var errs []error
	for _, m := range a.Members {
		body := m.Data
		if a.Thin {
			if body, err = s.readThin(m.Name); err != nil {
				errs = append(errs, fmt.Errorf("%s(%s): thin archive member: %w", s.file, m.Name, err))
				continue
			}
		}
		if !bytes.HasPrefix(body, elfMagic) {
			errs = append(errs, fmt.Errorf("%s(%s): %s", s.file, m.Name, unscannable(body)))
			continue
		}
		f, err := s.elf(m.Name, body)
		findings = append(findings, f...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return findings, errors.Join(errs...)
}

// unscannable explains why data is neither ELF nor an archive. Formats that
// hold code pkruscan cannot read get advice, because passing over them
// silently would let their code through unchecked.
func unscannable(data []byte) string {
	switch {
	case len(data) == 0:
		return "empty file: not an ELF file or ar archive"
	case ar.IsArchive(data):
		return "nested archive: pkruscan reads archives of ELF objects only"
	case bytes.HasPrefix(data, []byte("go object ")):
		return "Go object file: pkruscan cannot read Go's object format; scan the linked executable instead"
	case bytes.HasPrefix(data, []byte("/* GNU ld script")), bytes.HasPrefix(data, []byte("INPUT(")), bytes.HasPrefix(data, []byte("GROUP(")):
		return "linker script, not code: scan the libraries it names instead"
	case bytes.HasPrefix(data, []byte("BC\xc0\xde")):
		return "LLVM bitcode (from -flto): it holds no machine code until link time; scan the linked binary instead"
	}
	return fmt.Sprintf("not an ELF file or ar archive (starts with % x)", data[:min(len(data), 8)])
}
