// Command galeedgen generates, for the //galeed:shared struct types of one
// Go package, what C needs to reach them only through handles (see
// docs/pseudo-pointers.md): <pkg>_galeed.h (the C mirror structs and
// accessor declarations), <pkg>_galeed.c (the accessors), <pkg>_galeed.go
// (type IDs, registration with go/handles, layout checks) and
// <pkg>_galeed.json (the manifest for the LLVM pass).
//
//	galeedgen -pkg <dir> -importpath <path> -out <dir>
//
// Shared types are marked in their doc comment:
//
//	//galeed:shared
//	type Counter struct{ N int }
//
// and integer types whose C stores must stay in a range:
//
//	//galeed:enum 0..2
//	type Color uint8
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/galeed-go/galeed/tools/galeedgen/emit"
	"github.com/galeed-go/galeed/tools/galeedgen/model"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

// run is the command, returning its exit code: 0, 1 for errors in the
// package, 2 for bad usage.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("galeedgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("pkg", "", "directory of the Go package")
	importPath := fs.String("importpath", "", "import path of the Go package")
	out := fs.String("out", "", "directory to write the outputs to")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *dir == "" || *importPath == "" || *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: galeedgen -pkg <dir> -importpath <path> -out <dir>")
		return 2
	}
	if err := generate(*dir, *importPath, *out); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func generate(dir, importPath, out string) error {
	p, err := model.Load(dir, importPath)
	if err != nil {
		return err
	}
	if len(p.Types) == 0 {
		return fmt.Errorf("%s: no //galeed:shared types", dir)
	}
	files, err := emit.Files(p)
	if err != nil {
		return err
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(out, name), content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
