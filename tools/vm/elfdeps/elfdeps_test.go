package elfdeps

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// image maps guest paths to host files for Resolver.InImage.
type image map[string]string

func (im image) resolver(dirs []string) *Resolver {
	return &Resolver{
		InImage: func(p string) (string, bool) { h, ok := im[p]; return h, ok },
		Dirs:    dirs,
	}
}

func (im image) objects() []Object {
	var objs []Object
	for p, h := range im {
		objs = append(objs, Object{Path: p, Host: h})
	}
	return objs
}

// staticELF writes a minimal static x86-64 executable: a header and one
// PT_LOAD segment, no interpreter, no dynamic section.
func staticELF(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	hdr := elf.Header64{
		Type: uint16(elf.ET_EXEC), Machine: uint16(elf.EM_X86_64), Version: uint32(elf.EV_CURRENT),
		Entry: 0x400078, Phoff: 64, Ehsize: 64, Phentsize: 56, Phnum: 1,
	}
	copy(hdr.Ident[:], elf.ELFMAG)
	hdr.Ident[elf.EI_CLASS] = byte(elf.ELFCLASS64)
	hdr.Ident[elf.EI_DATA] = byte(elf.ELFDATA2LSB)
	hdr.Ident[elf.EI_VERSION] = byte(elf.EV_CURRENT)
	prog := elf.Prog64{Type: uint32(elf.PT_LOAD), Flags: uint32(elf.PF_R | elf.PF_X), Vaddr: 0x400000, Paddr: 0x400000, Filesz: 120, Memsz: 120, Align: 0x1000}
	binary.Write(&buf, binary.LittleEndian, hdr)
	binary.Write(&buf, binary.LittleEndian, prog)
	name := filepath.Join(t.TempDir(), "static")
	if err := os.WriteFile(name, buf.Bytes(), 0o755); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestStaticNeedsNothing(t *testing.T) {
	text := filepath.Join(t.TempDir(), "data.txt")
	os.WriteFile(text, []byte("not an ELF file"), 0o644)
	im := image{"/runfiles/main/static": staticELF(t), "/runfiles/main/data.txt": text}
	added, err := im.resolver(nil).Closure(im.objects())
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 0 {
		t.Errorf("a static binary and a text file needed %v", added)
	}
}

// dynamicHostBinary returns a dynamically linked program of the host.
func dynamicHostBinary(t *testing.T) string {
	t.Helper()
	const name = "/bin/true"
	f, err := elf.Open(name)
	if err != nil {
		t.Fatalf("no host binary to test with: %v", err)
	}
	defer f.Close()
	if libs, _ := f.ImportedLibraries(); len(libs) == 0 {
		t.Fatalf("%s is not dynamically linked", name)
	}
	return name
}

func TestHostBinaryBringsLoaderAndLibc(t *testing.T) {
	im := image{"/runfiles/main/true": dynamicHostBinary(t)}
	added, err := im.resolver(nil).Closure(im.objects())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, o := range added {
		got[o.Path] = true
		if real, _ := filepath.EvalSymlinks(o.Host); real != o.Host {
			t.Errorf("%s comes from %s, a symlink; want the real file %s", o.Path, o.Host, real)
		}
	}
	for _, want := range []string{"/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/libc.so.6"} {
		if !got[want] {
			t.Errorf("added %v, want it to include %s", added, want)
		}
	}
}

func TestMissingLibraryIsExplained(t *testing.T) {
	empty := t.TempDir()
	im := image{"/runfiles/main/true": dynamicHostBinary(t)}
	_, err := im.resolver([]string{empty}).Closure(im.objects())
	if err == nil {
		t.Fatal("Closure found libc.so.6 in an empty directory")
	}
	for _, want := range []string{"/runfiles/main/true needs libc.so.6", empty} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// TestOriginInImage builds main -> libfoo.so -> libbar.so, linked with
// RUNPATHs relative to $ORIGIN, and resolves them inside the image.
func TestOriginInImage(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Fatal("needs gcc")
	}
	dir := t.TempDir()
	gcc := func(args ...string) {
		t.Helper()
		cmd := exec.Command("gcc", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("gcc %v: %v\n%s", args, err, out)
		}
	}
	os.WriteFile(filepath.Join(dir, "bar.c"), []byte("int bar(void) { return 1; }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "foo.c"), []byte("int bar(void); int foo(void) { return bar(); }\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "main.c"), []byte("int foo(void); int main(void) { return foo(); }\n"), 0o644)
	gcc("-shared", "-fPIC", "-o", "libbar.so", "bar.c")
	gcc("-shared", "-fPIC", "-o", "libfoo.so", "foo.c", "-L.", "-lbar", "-Wl,--enable-new-dtags,-rpath,$ORIGIN")
	gcc("-o", "main", "main.c", "-L.", "-lfoo", "-Wl,--enable-new-dtags,-rpath,$ORIGIN/lib")

	im := image{
		"/runfiles/main/x/main":          filepath.Join(dir, "main"),
		"/runfiles/main/x/lib/libfoo.so": filepath.Join(dir, "libfoo.so"),
		"/runfiles/main/x/lib/libbar.so": filepath.Join(dir, "libbar.so"),
	}
	mainObj := []Object{{"/runfiles/main/x/main", filepath.Join(dir, "main")}} // the libraries are reached through RUNPATH
	added, err := im.resolver(nil).Closure(mainObj)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range added {
		if strings.HasPrefix(o.Path, "/runfiles/") || strings.Contains(o.Path, "libfoo") || strings.Contains(o.Path, "libbar") {
			t.Errorf("added %v, which the image already holds", o)
		}
	}

	delete(im, "/runfiles/main/x/lib/libbar.so")
	_, err = im.resolver(nil).Closure(mainObj)
	want := "/runfiles/main/x/lib/libfoo.so (needed by /runfiles/main/x/main) needs libbar.so, which is in none of: /runfiles/main/x/lib (RUNPATH $ORIGIN), /lib/x86_64-linux-gnu (default)"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got error %v\nwant one containing %q", err, want)
	}
}
