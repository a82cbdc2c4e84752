package main

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fixture lays out host files and a manifest naming them, and returns the
// options to build from it. Pass a dynamic host binary to include one.
func fixture(t *testing.T, dynamic string) options {
	t.Helper()
	dir := t.TempDir()
	write := func(name, data string, perm os.FileMode) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), perm); err != nil {
			t.Fatal(err)
		}
		return p
	}
	initBin := staticInit(t)
	test := write("out/x_test", "#!/bin/sh\n", 0o755)
	data := write("src/data.txt", "data", 0o644)
	write("src/tree/sub/leaf", "leaf", 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(data, link); err != nil {
		t.Fatal(err)
	}
	lines := []string{
		"main/tests/x/x_test\t" + test,
		"main/tests/x/data.txt\t" + link,
		"main/tests/x/tree\t" + filepath.Join(dir, "src/tree"),
		"main/tests/x/__init__.py\t",
		"other_repo/data.txt\t" + data,
	}
	if dynamic != "" {
		lines = append(lines, "main/tests/x/dynamic\t"+dynamic)
	}
	manifest := write("manifest", strings.Join(lines, "\n")+"\n", 0o644)
	return options{init: initBin, manifest: manifest, main: "main/tests/x/x_test", workspace: "main", out: filepath.Join(dir, "initramfs.cpio")}
}

// staticInit returns a static ELF executable to stand in for the guest's
// init: this test binary, which links no cgo.
func staticInit(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := requireStatic(self); err != nil {
		t.Fatalf("the test binary must be static to stand in for init: %v", err)
	}
	return self
}

func buildBytes(t *testing.T, o options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := build(o, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cpioTool runs the host's GNU cpio, an independent reader of the format.
func cpioTool(t *testing.T, dir string, archive []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("cpio"); err != nil {
		t.Fatal("needs the host's cpio (Debian package cpio)")
	}
	cmd := exec.Command("cpio", append([]string{"--quiet"}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(archive)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("cpio %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func TestLayout(t *testing.T) {
	o := fixture(t, "")
	archive := buildBytes(t, o)
	if !bytes.Equal(archive, buildBytes(t, fixture(t, ""))) {
		t.Error("two builds from equal inputs differ")
	}
	listing := cpioTool(t, "", archive, "-itv")
	if !strings.Contains(listing, "crw-------") || !strings.Contains(listing, "5,   1") {
		t.Errorf("no /dev/console (char 5,1) in:\n%s", listing)
	}
	if strings.Contains(listing, "lib") {
		t.Errorf("no runfile is dynamically linked, yet libraries were added:\n%s", listing)
	}

	root := t.TempDir()
	cpioTool(t, root, archive, "-id", "--no-absolute-filenames", "--nonmatching", "dev/console")
	for _, d := range []string{"dev", "proc", "sys", "tmp", "galeed", "runfiles/main"} {
		if info, err := os.Stat(filepath.Join(root, d)); err != nil || !info.IsDir() {
			t.Errorf("/%s is not a directory: %v", d, err)
		}
	}
	initBytes, err := os.ReadFile(o.init)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]struct {
		data string
		exec bool
	}{
		"init":                                {string(initBytes), true},
		"runfiles/main/tests/x/x_test":        {"#!/bin/sh\n", true},
		"runfiles/main/tests/x/data.txt":      {"data", false}, // a symlink on the host
		"runfiles/main/tests/x/tree/sub/leaf": {"leaf", false},
		"runfiles/main/tests/x/__init__.py":   {"", false},
		"runfiles/other_repo/data.txt":        {"data", false},
		"galeed/image.json":                   {`{"main":"main/tests/x/x_test","workspace":"main"}`, false},
		"etc/passwd":                          {"root:x:0:0:root:/tmp:/bin/sh\n", false},
	} {
		p := filepath.Join(root, name)
		got, err := os.ReadFile(p)
		info, _ := os.Lstat(p)
		switch {
		case err != nil:
			t.Errorf("/%s: %v", name, err)
		case !info.Mode().IsRegular():
			t.Errorf("/%s is a %v, want a regular file", name, info.Mode().Type())
		case string(got) != want.data:
			t.Errorf("/%s holds %.80q, want %.80q", name, got, want.data)
		case (info.Mode()&0o100 != 0) != want.exec:
			t.Errorf("/%s has mode %v, want executable=%v", name, info.Mode(), want.exec)
		}
	}
}

func TestDynamicRunfileBringsLibraries(t *testing.T) {
	const dynamic = "/bin/true"
	if f, err := elf.Open(dynamic); err != nil || f.Close() != nil {
		t.Fatalf("no dynamic host binary: %v", err)
	}
	root := t.TempDir()
	cpioTool(t, root, buildBytes(t, fixture(t, dynamic)), "-id", "--no-absolute-filenames", "--nonmatching", "dev/console")
	for _, name := range []string{"lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6"} {
		info, err := os.Lstat(filepath.Join(root, name))
		if err != nil || !info.Mode().IsRegular() {
			t.Errorf("/%s: want a regular file, got %v, %v", name, info, err)
		}
	}
	// Debian's /lib is a symlink to usr/lib; in the image it must be a
	// plain directory.
	if info, err := os.Lstat(filepath.Join(root, "lib")); err != nil || !info.IsDir() {
		t.Errorf("/lib: want a directory, got %v, %v", info, err)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(o *options)
		want   string
	}{
		{"main not a runfile", func(o *options) { o.main = "main/tests/x/missing" }, "--main=main/tests/x/missing is not among the runfiles"},
		{"bad workspace", func(o *options) { o.workspace = "a/b" }, "not a workspace name"},
		{"missing init", func(o *options) { o.init = "/nonexistent/init" }, "/nonexistent/init"},
		{"dynamic init", func(o *options) { o.init = "/bin/true" }, "--init=/bin/true is dynamically linked"},
		{"line without tab", func(o *options) { appendLine(t, o.manifest, "main/x /tmp/x") }, `:7: want "<runfiles path>\t<file>"`},
		{"unclean runfiles path", func(o *options) { appendLine(t, o.manifest, "main/../x\t") }, ":7: want"},
		{"missing file", func(o *options) { appendLine(t, o.manifest, "main/x\t/nonexistent/x") }, ":7: stat /nonexistent/x"},
		{"listed twice", func(o *options) { appendLine(t, o.manifest, "other_repo/data.txt\t") }, "listed twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := fixture(t, "")
			tc.change(&o)
			err := build(o, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func appendLine(t *testing.T, name, line string) {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("\n" + line + "\n")
}

// TestRunWritesNothingOnError checks that a failed build leaves no partial
// archive behind for Bazel to mistake for an output.
func TestRunWritesNothingOnError(t *testing.T) {
	o := fixture(t, "")
	o.main = "main/missing"
	if err := run(o); err == nil {
		t.Fatal("run succeeded")
	}
	if _, err := os.Stat(o.out); !os.IsNotExist(err) {
		t.Errorf("%s exists after a failed build: %v", o.out, err)
	}
}
