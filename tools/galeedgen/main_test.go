package main

import (
	"bytes"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galeed-go/galeed/tools/galeedgen/emit"
	"github.com/galeed-go/galeed/tools/internal/hostcc"
)

// Run `go test ./tools/galeedgen -update` from the repository root (not
// under Bazel, whose runfiles are read-only) to rewrite the goldens.
var update = flag.Bool("update", false, "rewrite testdata/golden from the generator's output")

// golden are the testdata/src packages with golden outputs.
var golden = []string{"paper", "kitchen"}

// generateInto runs the command on testdata/src/<name> into a new directory.
func generateInto(t *testing.T, name string) string {
	t.Helper()
	out := t.TempDir()
	var stderr bytes.Buffer
	args := []string{"-pkg", filepath.Join("testdata", "src", name), "-importpath", "example.com/" + name, "-out", out}
	if code := run(args, &stderr); code != 0 {
		t.Fatalf("galeedgen %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, name := range golden {
		t.Run(name, func(t *testing.T) {
			out := generateInto(t, name)
			dir := filepath.Join("testdata", "golden", name)
			for _, ext := range []string{"h", "c", "go", "json"} {
				file := name + "_galeed." + ext
				got, err := os.ReadFile(filepath.Join(out, file))
				if err != nil {
					t.Fatal(err)
				}
				if *update {
					if err := os.WriteFile(filepath.Join(dir, file+".golden"), got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(filepath.Join(dir, file+".golden"))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s (rerun with -update if the change is intended):\n%s", file, dir, got)
				}
			}
		})
	}
}

// TestCompileAndRun builds the generated C of paper and kitchen with the
// host compiler, all warnings errors, against testdata/stub's registry and
// gates, which proves the C valid and its static asserts true on this
// compiler, and runs testdata/c/driver.c over it: every accessor reads and
// writes the right field, copyin stays within the Go length, copy and
// copyin go in chunks of the bounce buffer (one gate crossing each), the
// caller's buffers are touched in C mode only (the stub makes them
// inaccessible in Go mode), and every bad store (copyin's included,
// wherever the bad element is) aborts with a report before entering Go
// mode.
func TestCompileAndRun(t *testing.T) {
	gen := t.TempDir()
	for _, name := range golden {
		for _, ext := range []string{"h", "c"} {
			file := name + "_galeed." + ext
			b, err := os.ReadFile(filepath.Join(generateInto(t, name), file))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(gen, file), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	abs := func(p string) string {
		a, err := filepath.Abs(filepath.Join("testdata", p))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	stub := abs("stub")
	warn := []string{"-Wall", "-Wextra", "-Werror", "-I", gen, "-I", stub}
	hostcc.CC(t, gen, append([]string{"-std=c11", "-o", "driver", abs("c/driver.c"), abs("stub/stub.c"),
		"paper_galeed.c", "kitchen_galeed.c"}, warn...)...)
	// C++ consumers include the headers too.
	hostcc.CC(t, gen, append([]string{"-x", "c++", "-std=c++11", "-fsyntax-only", "kitchen_galeed.h", "paper_galeed.h"}, warn...)...)
	// Included twice (the guard), in C and C++: the shared-type markers
	// (static, used) neither clash nor warn as unused.
	twice := "#include \"paper_galeed.h\"\n#include \"kitchen_galeed.h\"\n#include \"paper_galeed.h\"\n#include \"kitchen_galeed.h\"\n"
	if err := os.WriteFile(filepath.Join(gen, "twice.c"), []byte(twice), 0o644); err != nil {
		t.Fatal(err)
	}
	hostcc.CC(t, gen, append([]string{"-std=c11", "-c", "-o", "twice.o", "twice.c"}, warn...)...)
	hostcc.CC(t, gen, append([]string{"-x", "c++", "-std=c++11", "-fsyntax-only", "twice.c"}, warn...)...)

	driver := filepath.Join(gen, "driver")
	if out, err := exec.Command(driver).CombinedOutput(); err != nil || !strings.HasPrefix(string(out), "ok") {
		t.Fatalf("driver: %v\n%s", err, out)
	}
	for _, tc := range []struct{ store, report string }{
		{"bool", "invalid value 2 for kitchen.Shape.Visible (Go bool: 0 or 1)"},
		{"enum", "invalid value 3 for kitchen.Shape.Color (Go enum Color: 0..2)"},
		{"signed-enum", "invalid value -2 for kitchen.Shape.Step (Go enum Delta: -1..1)"},
		{"index", "index 4 out of range for kitchen.Shape.Corners [4]"},
		{"bool-element", "invalid value 7 for kitchen.Shape.Flags (Go bool: 0 or 1)"},
		{"copyin-bool", "invalid value 2 for kitchen.Shape.Flags (Go bool: 0 or 1)"},
		{"copyin-enum", "invalid value 3 for kitchen.Shape.Palette (Go enum Color: 0..2)"},
		{"write", "invalid value 5 for kitchen.Shape.Step (Go enum Delta: -1..1)"},
	} {
		out, _ := exec.Command(driver, tc.store).CombinedOutput()
		if !strings.Contains(string(out), "ERROR: galeed: "+tc.report+"\naborted after 0 entries into Go mode\n") {
			t.Errorf("bad %s store: want the report %q, then an abort before Go mode; got:\n%s", tc.store, tc.report, out)
		}
	}
}

// checkGo type-checks the Go files src together with the generated file gen
// against testdata/stub/handles, returning the type errors.
func checkGo(t *testing.T, src []string, gen string) []error {
	t.Helper()
	fset := token.NewFileSet()
	parse := func(paths ...string) []*ast.File {
		var files []*ast.File
		for _, p := range paths {
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		return files
	}
	handles, err := new(types.Config).Check(emit.HandlesImport, fset, parse(filepath.Join("testdata", "stub", "handles", "handles.go")), nil)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == emit.HandlesImport {
				return handles, nil
			}
			return types.Unsafe, nil
		}),
		Sizes: types.SizesFor("gc", "amd64"),
		Error: func(err error) { errs = append(errs, err) },
	}
	conf.Check("example.com/x", fset, parse(append(src, gen)...), nil)
	return errs
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// TestGeneratedGoCompiles type-checks each golden package with its
// generated Go file: registration and layout checks compile.
func TestGeneratedGoCompiles(t *testing.T) {
	for _, name := range golden {
		src, _ := filepath.Glob(filepath.Join("testdata", "src", name, "*.go"))
		if errs := checkGo(t, src, filepath.Join(generateInto(t, name), name+"_galeed.go")); len(errs) > 0 {
			t.Errorf("%s: generated Go does not compile: %v", name, errs)
		}
	}
}

// TestStaleGoDoesNotCompile changes a struct after generation in ways the
// C side would misread; the generated Go must then stop compiling, even
// where the size stays the same.
func TestStaleGoDoesNotCompile(t *testing.T) {
	const orig = "package x\n\n//galeed:shared\ntype T struct {\n\tA int64\n\tB int32\n}\n"
	dir := t.TempDir()
	write := func(src string) string {
		p := filepath.Join(dir, "x.go")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(orig)
	out := t.TempDir()
	if code := run([]string{"-pkg", dir, "-importpath", "example.com/x", "-out", out}, new(bytes.Buffer)); code != 0 {
		t.Fatalf("exit %d", code)
	}
	gen := filepath.Join(out, "x_galeed.go")
	if errs := checkGo(t, []string{write(orig)}, gen); len(errs) > 0 {
		t.Fatalf("unchanged: %v", errs)
	}
	for _, changed := range []string{
		"\tA int64\n\tB int32\n\tC int32\n", // same size
		"\tA int64\n\tB uint32\n",           // same layout
		"\tA int64\n\tC int32\n",            // renamed
		"\tB int32\n\tA int64\n",            // reordered
		"\tA int32\n\tB int32\n",            // smaller
	} {
		src := strings.Replace(orig, "\tA int64\n\tB int32\n", changed, 1)
		if errs := checkGo(t, []string{write(src)}, gen); len(errs) == 0 {
			t.Errorf("generated Go still compiles after the struct became:\n%s", src)
		}
	}
}

// TestTypeErrorsElsewhereIgnored generates for a cgo package, whose C
// types galeedgen cannot resolve, outside its shared type.
func TestTypeErrorsElsewhereIgnored(t *testing.T) {
	out := generateInto(t, "cgouser")
	b, err := os.ReadFile(filepath.Join(out, "cgouser_galeed.h"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "struct Pair {\n\tint32_t A;\n\tint32_t B;\n};") {
		t.Errorf("cgouser_galeed.h lacks Pair:\n%s", b)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"-pkg", "x", "-importpath", "y"}, {"-bogus"}} {
		var stderr bytes.Buffer
		if code := run(args, &stderr); code != 2 || !strings.Contains(stderr.String(), "-importpath") {
			t.Errorf("%q: exit %d, want 2 with usage; stderr:\n%s", args, code, stderr.String())
		}
	}
}
