// Package elfdeps finds the files a dynamically linked x86-64 ELF program or
// library needs at run time: its program interpreter (PT_INTERP) and the
// shared libraries it names in DT_NEEDED, recursively. It looks for them the
// way the guest's dynamic loader will, so that an initramfs holding the
// program plus what this package returns can run it in a guest that has no
// libc of its own.
//
// The guest image is a tree of files, each taken from some host file. A
// needed library is looked up first in the image, along the object's
// RUNPATH (or, when it has none, its RPATH), with $ORIGIN standing for the
// object's directory in the image; then, on the host, in the system
// directories of Debian's amd64 loader (DefaultDirs). A library found on the
// host goes into the image at the path where it was found, so the guest's
// loader, which searches the same directories, finds it there too.
//
// Simplifications, none of which matter for the binaries Bazel and Go
// produce: an RPATH applies only to its own object (the loader also applies
// an executable's RPATH to all its libraries), LD_LIBRARY_PATH and
// glibc-hwcaps subdirectories are not searched, and RUNPATH entries using
// $LIB or $PLATFORM are skipped.
package elfdeps

import (
	"bytes"
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultDirs is the system search path of Debian's amd64 dynamic loader
// (see `/lib64/ld-linux-x86-64.so.2 --help`). /lib64 holds only the loader
// itself, which programs name by absolute path.
var DefaultDirs = []string{"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib", "/usr/lib"}

// Object is a file in the guest image.
type Object struct {
	Path string // absolute path in the guest
	Host string // host file holding its contents
}

// Resolver finds dependencies for one image.
type Resolver struct {
	// InImage returns the host file behind a guest path the image already
	// holds.
	InImage func(guestPath string) (host string, ok bool)
	// Dirs are searched on the host after RUNPATH/RPATH; DefaultDirs when
	// nil.
	Dirs []string
}

// Closure returns the objects the image lacks that the given objects need,
// directly or through each other, sorted by guest path. Objects that are not
// x86-64 ELF executables or shared libraries need nothing and are skipped, so
// callers may pass every file of the image.
func (r *Resolver) Closure(objects []Object) ([]Object, error) {
	c := closure{Resolver: r, added: map[string]Object{}, seen: map[string]bool{}, neededBy: map[string]string{}}
	for _, o := range objects {
		c.push(o, "")
	}
	for len(c.queue) > 0 {
		o := c.queue[0]
		c.queue = c.queue[1:]
		if err := c.visit(o); err != nil {
			return nil, err
		}
	}
	var added []Object
	for _, p := range slices.Sorted(maps.Keys(c.added)) {
		added = append(added, c.added[p])
	}
	return added, nil
}

// closure is the state of one Closure call.
type closure struct {
	*Resolver
	queue []Object
	added map[string]Object // found on the host, by guest path
	seen  map[string]bool   // guest paths queued so far
	// neededBy maps a guest path to the object that first needed it, to
	// explain a missing library's chain of dependents.
	neededBy map[string]string
}

func (c *closure) push(o Object, by string) {
	if c.seen[o.Path] {
		return
	}
	c.seen[o.Path] = true
	c.neededBy[o.Path] = by
	c.queue = append(c.queue, o)
}

// visit queues the interpreter and libraries o needs.
func (c *closure) visit(o Object) error {
	f, err := openELF(o.Host)
	if err != nil || f == nil {
		return err
	}
	defer f.Close()
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		return nil
	}
	for _, p := range f.Progs {
		if p.Type != elf.PT_INTERP {
			continue
		}
		b, err := io.ReadAll(p.Open())
		if err != nil {
			return fmt.Errorf("%s: reading PT_INTERP: %w", c.describe(o.Path), err)
		}
		interp := string(bytes.TrimRight(b, "\x00"))
		dep, ok, err := c.find(interp, false)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s needs the program interpreter %s, which is neither in the image nor on the host", c.describe(o.Path), interp)
		}
		c.push(dep, o.Path)
	}
	needed, err := f.DynString(elf.DT_NEEDED)
	if err != nil {
		return fmt.Errorf("%s: reading DT_NEEDED: %w", c.describe(o.Path), err)
	}
	dirs, err := c.searchPath(f, o.Path)
	if err != nil {
		return err
	}
	for _, name := range needed {
		dep, err := c.library(o.Path, name, dirs)
		if err != nil {
			return err
		}
		c.push(dep, o.Path)
	}
	return nil
}

// searchDir is one directory to look in and why.
type searchDir struct {
	dir, why string
	// imageOnly is set for directories relative to $ORIGIN, a place in the
	// guest: the same path on the host means nothing.
	imageOnly bool
}

// searchPath returns where the loader looks for the libraries of the
// object at guest path p: its RUNPATH or RPATH, then the default dirs.
func (c *closure) searchPath(f *elf.File, p string) ([]searchDir, error) {
	var dirs []searchDir
	for _, tag := range []elf.DynTag{elf.DT_RUNPATH, elf.DT_RPATH} {
		list, err := f.DynString(tag)
		if err != nil {
			return nil, fmt.Errorf("%s: reading %v: %w", c.describe(p), tag, err)
		}
		for _, entry := range list {
			for _, d := range strings.Split(entry, ":") {
				expanded := strings.NewReplacer("${ORIGIN}", path.Dir(p), "$ORIGIN", path.Dir(p)).Replace(d)
				if strings.Contains(expanded, "$") || !path.IsAbs(expanded) {
					continue // $LIB, $PLATFORM or relative to the loader's cwd
				}
				why := strings.TrimPrefix(tag.String(), "DT_") + " " + d
				dirs = append(dirs, searchDir{path.Clean(expanded), why, expanded != d})
			}
		}
		if len(list) > 0 {
			break // the loader ignores RPATH when there is a RUNPATH
		}
	}
	defaults := c.Dirs
	if defaults == nil {
		defaults = DefaultDirs
	}
	for _, d := range defaults {
		dirs = append(dirs, searchDir{d, "default", false})
	}
	return dirs, nil
}

// library finds the library name needed by the object at guest path by.
func (c *closure) library(by, name string, dirs []searchDir) (Object, error) {
	if strings.Contains(name, "/") {
		if o, ok, err := c.find(name, false); err != nil || ok {
			return o, err
		}
		return Object{}, fmt.Errorf("%s needs %s, which is neither in the image nor on the host", c.describe(by), name)
	}
	var tried []string
	for _, d := range dirs {
		o, ok, err := c.find(path.Join(d.dir, name), d.imageOnly)
		if err != nil || ok {
			return o, err
		}
		tried = append(tried, fmt.Sprintf("%s (%s)", d.dir, d.why))
	}
	return Object{}, fmt.Errorf("%s needs %s, which is in none of: %s", c.describe(by), name, strings.Join(tried, ", "))
}

// find looks for a compatible object at the absolute guest path p: in the
// image, else (unless imageOnly) on the host. It returns ok=false when there
// is none.
func (c *closure) find(p string, imageOnly bool) (Object, bool, error) {
	if host, ok := c.InImage(p); ok {
		return Object{Path: p, Host: host}, true, nil
	}
	if o, ok := c.added[p]; ok {
		return o, true, nil
	}
	if imageOnly {
		return Object{}, false, nil
	}
	real, err := filepath.EvalSymlinks(p)
	if errors.Is(err, os.ErrNotExist) {
		return Object{}, false, nil
	}
	if err != nil {
		return Object{}, false, fmt.Errorf("looking for %s: %w", p, err)
	}
	f, err := openELF(real)
	if err != nil {
		return Object{}, false, err
	}
	if f == nil {
		return Object{}, false, nil // like the loader, skip what does not fit
	}
	f.Close()
	o := Object{Path: p, Host: real}
	c.added[p] = o
	return o, true, nil
}

// describe names the object at guest path p with the chain of objects that
// needed it.
func (c *closure) describe(p string) string {
	var b strings.Builder
	b.WriteString(p)
	depth := 0
	for by := c.neededBy[p]; by != ""; by = c.neededBy[by] {
		b.WriteString(" (needed by " + by)
		depth++
	}
	b.WriteString(strings.Repeat(")", depth))
	return b.String()
}

// openELF opens name as an x86-64 ELF file. It returns nil and no error
// for a file that is something else (data, a script, another architecture).
func openELF(name string) (*elf.File, error) {
	fh, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	var magic [4]byte
	if _, err := io.ReadFull(fh, magic[:]); err != nil || string(magic[:]) != elf.ELFMAG {
		fh.Close()
		return nil, nil
	}
	fh.Close()
	f, err := elf.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 {
		f.Close()
		return nil, nil
	}
	return f, nil
}
