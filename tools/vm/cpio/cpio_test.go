package cpio

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// entry is one record as a reader of the format sees it.
type entry struct {
	name                 string
	ino, mode, nlink     uint32
	rdevMajor, rdevMinor uint32
	data                 string
}

// parse is an independent newc reader: it checks every field this package
// promises (magic, zero mtime/uid/gid, padding) and returns the entries
// before the trailer.
func parse(t *testing.T, archive []byte) []entry {
	t.Helper()
	var out []entry
	off := 0
	for {
		if off+headerSize > len(archive) {
			t.Fatalf("archive ends inside a header at offset %d", off)
		}
		h := string(archive[off : off+headerSize])
		if h[:6] != magic {
			t.Fatalf("bad magic %q at offset %d", h[:6], off)
		}
		field := func(i int) uint32 {
			v, err := strconv.ParseUint(h[6+8*i:14+8*i], 16, 32)
			if err != nil {
				t.Fatalf("field %d at offset %d: %v", i, off, err)
			}
			return uint32(v)
		}
		e := entry{ino: field(0), mode: field(1), nlink: field(4), rdevMajor: field(9), rdevMinor: field(10)}
		for _, i := range []int{2, 3, 5, 7, 8, 12} { // uid, gid, mtime, dev, check
			if field(i) != 0 {
				t.Errorf("field %d of entry at offset %d is %d, want 0", i, off, field(i))
			}
		}
		size, nameSize := int(field(6)), int(field(11))
		nameEnd := off + headerSize + nameSize
		e.name = string(archive[off+headerSize : nameEnd-1])
		if archive[nameEnd-1] != 0 {
			t.Fatalf("name of %q is not NUL-terminated", e.name)
		}
		dataStart := align(t, archive, nameEnd)
		e.data = string(archive[dataStart : dataStart+size])
		off = align(t, archive, dataStart+size)
		if e.name == trailer {
			if off != len(archive) {
				t.Fatalf("%d bytes after the trailer", len(archive)-off)
			}
			return out
		}
		out = append(out, e)
	}
}

// align returns n rounded up to a multiple of 4, checking the padding is zero.
func align(t *testing.T, archive []byte, n int) int {
	t.Helper()
	for n%4 != 0 {
		if archive[n] != 0 {
			t.Fatalf("non-zero padding byte at offset %d", n)
		}
		n++
	}
	return n
}

// sample writes an archive using every kind of entry.
func sample(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	steps := []error{
		w.Dir("/dev", 0o755),
		w.CharDev("dev/console", 0o600, 5, 1),
		w.File("/init", 0o755, []byte("#!init")),
		w.FileFrom("runfiles/main/pkg/data.txt", 0o644, 5, strings.NewReader("hello")),
		w.File("runfiles/main/pkg/empty", 0o444, nil),
		w.Symlink("runfiles/main/link", "pkg/data.txt"),
		w.Dir("runfiles/main", 0o700), // already implied: no second entry
		w.Close(),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	return buf.Bytes()
}

func TestEntries(t *testing.T) {
	got := parse(t, sample(t))
	want := []entry{
		{name: "dev", ino: 1, mode: 0o40755, nlink: 2},
		{name: "dev/console", ino: 2, mode: 0o20600, nlink: 1, rdevMajor: 5, rdevMinor: 1},
		{name: "init", ino: 3, mode: 0o100755, nlink: 1, data: "#!init"},
		{name: "runfiles", ino: 4, mode: 0o40755, nlink: 2},
		{name: "runfiles/main", ino: 5, mode: 0o40755, nlink: 2},
		{name: "runfiles/main/pkg", ino: 6, mode: 0o40755, nlink: 2},
		{name: "runfiles/main/pkg/data.txt", ino: 7, mode: 0o100644, nlink: 1, data: "hello"},
		{name: "runfiles/main/pkg/empty", ino: 8, mode: 0o100444, nlink: 1},
		{name: "runfiles/main/link", ino: 9, mode: 0o120777, nlink: 1, data: "pkg/data.txt"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("entries:\n got %v\nwant %v", got, want)
	}
}

func TestDeterministicAndAligned(t *testing.T) {
	a, b := sample(t), sample(t)
	if !bytes.Equal(a, b) {
		t.Error("two identical sequences of calls gave different archives")
	}
	if len(a)%4 != 0 {
		t.Errorf("archive is %d bytes long; a following archive would start unaligned", len(a))
	}
}

// TestHostCpio checks the archive against GNU cpio, an implementation
// written independently of this package.
func TestHostCpio(t *testing.T) {
	if _, err := exec.LookPath("cpio"); err != nil {
		t.Fatal("host has no cpio (Debian package cpio)")
	}
	archive := sample(t)

	list := exec.Command("cpio", "-itv", "--quiet")
	list.Stdin = bytes.NewReader(archive)
	out, err := list.Output()
	if err != nil {
		t.Fatalf("cpio -itv: %v", err)
	}
	for _, want := range []string{"crw-------", "5,   1", "dev/console", "runfiles/main/link -> pkg/data.txt"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("cpio -itv output lacks %q:\n%s", want, out)
		}
	}

	dir := t.TempDir()
	extract := exec.Command("cpio", "-id", "--quiet", "--no-absolute-filenames", "--nonmatching", "dev/console")
	extract.Dir = dir
	extract.Stdin = bytes.NewReader(archive)
	if out, err := extract.CombinedOutput(); err != nil {
		t.Fatalf("cpio -id: %v\n%s", err, out)
	}
	for name, want := range map[string]struct {
		data string
		perm fs.FileMode
	}{
		"init":                       {"#!init", 0o755},
		"runfiles/main/pkg/data.txt": {"hello", 0o644},
		"runfiles/main/link":         {"hello", 0o644}, // read through the link
		"runfiles/main/pkg/empty":    {"", 0o444},
	} {
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("extracted archive: %v", err)
			continue
		}
		info, _ := os.Stat(p)
		if string(data) != want.data || info.Mode().Perm() != want.perm {
			t.Errorf("%s: got %q mode %v, want %q mode %v", name, data, info.Mode().Perm(), want.data, want.perm)
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  func(w *Writer) error
		want string
	}{
		{"duplicate file", func(w *Writer) error {
			w.File("a", 0o644, nil)
			return w.File("a", 0o644, nil)
		}, `duplicate entry "a"`},
		{"file over directory", func(w *Writer) error {
			w.Dir("a", 0o755)
			return w.Symlink("/a", "b")
		}, `duplicate entry "a"`},
		{"directory over file", func(w *Writer) error {
			w.File("a", 0o644, nil)
			return w.Dir("a", 0o755)
		}, `duplicate entry "a"`},
		{"parent is a file", func(w *Writer) error {
			w.File("a", 0o644, nil)
			return w.File("a/b", 0o644, nil)
		}, "parent a is not a directory"},
		{"dot-dot", func(w *Writer) error { return w.File("../etc/passwd", 0o644, nil) }, "invalid entry name"},
		{"unclean", func(w *Writer) error { return w.File("a//b", 0o644, nil) }, "invalid entry name"},
		{"root", func(w *Writer) error { return w.Dir("/", 0o755) }, "invalid entry name"},
		{"short reader", func(w *Writer) error {
			return w.FileFrom("a", 0o644, 10, strings.NewReader("12345"))
		}, "contents ended after 5 of 10 bytes"},
		{"reader error", func(w *Writer) error {
			return w.FileFrom("a", 0o644, 10, iotest.ErrReader(fs.ErrPermission))
		}, "permission denied"},
		{"too large", func(w *Writer) error {
			return w.FileFrom("a", 0o644, 1<<32, strings.NewReader(""))
		}, "32-bit size field"},
		{"after close", func(w *Writer) error {
			w.Close()
			return w.Dir("a", 0o755)
		}, "already closed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run(NewWriter(&bytes.Buffer{}))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
