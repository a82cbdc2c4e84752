// Command mkinitramfs builds, at build time, the initramfs a VM test boots
// with: the guest's init, the test's runfiles tree, and the dynamic loader
// and shared libraries any dynamically linked program among the runfiles
// needs (the guest has no libc of its own).
//
// Usage:
//
//	mkinitramfs --init <init binary> --manifest <file> --main <runfiles path>
//	            --workspace <name> --out <file>
//
// The manifest lists the runfiles, one per line, as
//
//	<runfiles path>\t<file in the exec root>
//
// where the runfiles path is like "main/tests/x/x_test_/x_test" or
// "org_golang_x_sys/unix/...", and an empty second field stands for an empty
// file. A file that is a directory contributes everything under it.
//
// The output is an uncompressed newc archive holding /init, /dev/console
// (so the kernel can give init a console), empty /dev /proc /sys /tmp
// /galeed, an /etc with hosts, passwd and group, every runfile at /runfiles/<runfiles path> with its contents and
// permissions (symlinks are followed), each needed library at the absolute
// path the guest's loader looks for it, and /galeed/image.json naming the
// main binary and workspace. The same inputs always give the same bytes.
package main

import (
	"bufio"
	"debug/elf"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/galeed-go/galeed/tools/vm/cpio"
	"github.com/galeed-go/galeed/tools/vm/elfdeps"
	"github.com/galeed-go/galeed/tools/vm/layout"
)

// options are the command-line flags.
type options struct {
	init, manifest, main, workspace, out string
}

func main() {
	var o options
	flag.StringVar(&o.init, "init", "", "the guest's init binary (static)")
	flag.StringVar(&o.manifest, "manifest", "", "file listing the runfiles as \"<runfiles path>\\t<file>\" lines")
	flag.StringVar(&o.main, "main", "", "runfiles path of the test binary")
	flag.StringVar(&o.workspace, "workspace", "", "name of the main workspace; the test runs in its runfiles directory")
	flag.StringVar(&o.out, "out", "", "the archive to write")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintf(os.Stderr, "mkinitramfs: %v\n", err)
		os.Exit(1)
	}
}

func run(o options) error {
	for _, f := range []struct{ name, value string }{
		{"init", o.init}, {"manifest", o.manifest}, {"main", o.main}, {"workspace", o.workspace}, {"out", o.out},
	} {
		if f.value == "" {
			return fmt.Errorf("--%s is required", f.name)
		}
	}
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	out, err := os.Create(o.out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(out)
	err = build(o, bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(o.out)
	}
	return err
}

// build writes the archive described by o to w.
func build(o options, w io.Writer) error {
	if o.workspace == "." || o.workspace == ".." || strings.Contains(o.workspace, "/") {
		return fmt.Errorf("--workspace=%q is not a workspace name", o.workspace)
	}
	if err := requireStatic(o.init); err != nil {
		return err
	}
	files, err := readManifest(o.manifest)
	if err != nil {
		return err
	}
	if _, ok := files[layout.Runfile(o.main)]; !ok {
		return fmt.Errorf("--main=%s is not among the runfiles listed in %s", o.main, o.manifest)
	}
	if err := addLibraries(files); err != nil {
		return err
	}
	image, err := json.Marshal(layout.Image{Main: o.main, Workspace: o.workspace})
	if err != nil {
		return err
	}

	a := cpio.NewWriter(w)
	for _, d := range []string{"/dev", "/proc", "/sys", "/tmp", "/galeed", layout.Runfile(o.workspace)} {
		if err := a.Dir(d, 0o755); err != nil {
			return err
		}
	}
	// The kernel opens /dev/console (5,1) as init's stdin, stdout and stderr.
	if err := a.CharDev("/dev/console", 0o600, 5, 1); err != nil {
		return err
	}
	if err := addFile(a, "/init", o.init); err != nil {
		return err
	}
	if err := a.File(layout.ImageFile, 0o644, image); err != nil {
		return err
	}
	for _, f := range etcFiles {
		if err := a.File(f.name, 0o644, []byte(f.data)); err != nil {
			return err
		}
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if err := addFile(a, p, files[p]); err != nil {
			return err
		}
	}
	return a.Close()
}

// etcFiles let tests resolve "localhost" and look up the user they run as
// (root), with the Go resolver and os/user as well as with glibc.
var etcFiles = []struct{ name, data string }{
	{"/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"},
	{"/etc/passwd", "root:x:0:0:root:" + layout.TmpDir + ":/bin/sh\n"},
	{"/etc/group", "root:x:0:\n"},
}

// readManifest returns the runfiles the manifest lists, as a map from guest
// path to host file ("" for an empty file), with directories expanded.
func readManifest(name string) (map[string]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	files := map[string]string{}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		rpath, src, ok := strings.Cut(line, "\t")
		if !ok || !fs.ValidPath(rpath) || rpath == "." {
			return nil, fmt.Errorf("%s:%d: want \"<runfiles path>\\t<file>\" with a clean relative runfiles path, got %q", name, i+1, line)
		}
		if err := addRunfile(files, layout.Runfile(rpath), src); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
	}
	return files, nil
}

// addRunfile records host file src (following symlinks) at guest path p,
// or everything under it if it is a directory.
func addRunfile(files map[string]string, p, src string) error {
	if src != "" {
		info, err := os.Stat(src)
		if err != nil {
			return err
		}
		if info.IsDir() {
			entries, err := os.ReadDir(src)
			if err != nil {
				return err
			}
			for _, e := range entries {
				if err := addRunfile(files, path.Join(p, e.Name()), filepath.Join(src, e.Name())); err != nil {
					return err
				}
			}
			return nil
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is a %v, not a regular file or directory", src, info.Mode().Type())
		}
	}
	if prev, dup := files[p]; dup && prev != src {
		return fmt.Errorf("%s is listed twice, as %q and %q", p, prev, src)
	}
	files[p] = src
	return nil
}

// addLibraries adds to files the loader and libraries its dynamically
// linked programs need.
func addLibraries(files map[string]string) error {
	// Sorted, so that of several errors the same one is reported each time.
	var objects []elfdeps.Object
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if files[p] != "" {
			objects = append(objects, elfdeps.Object{Path: p, Host: files[p]})
		}
	}
	r := elfdeps.Resolver{InImage: func(p string) (string, bool) {
		src, ok := files[p]
		return src, ok && src != ""
	}}
	libs, err := r.Closure(objects)
	if err != nil {
		return fmt.Errorf("resolving shared libraries: %w", err)
	}
	for _, l := range libs {
		files[l.Path] = l.Host
	}
	return nil
}

// addFile writes guest path p with the contents and permissions of host
// file src, or an empty file if src is "".
func addFile(a *cpio.Writer, p, src string) error {
	if src == "" {
		return a.File(p, 0o644, nil)
	}
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", src)
	}
	if err := a.FileFrom(p, info.Mode().Perm(), info.Size(), f); err != nil {
		return fmt.Errorf("copying %s: %w", src, err)
	}
	return nil
}

// requireStatic refuses an init that needs a program interpreter: PID 1 starts
// before anything could load one, so a dynamic init panics the guest kernel
// with nothing but "Attempted to kill init!" to explain it.
func requireStatic(name string) error {
	f, err := elf.Open(name)
	if err != nil {
		return fmt.Errorf("--init=%s: %w", name, err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return fmt.Errorf("--init=%s is dynamically linked; the guest's PID 1 must be static (a pure-Go binary with no cgo dependency)", name)
		}
	}
	return nil
}
