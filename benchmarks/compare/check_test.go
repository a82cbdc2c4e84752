package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A real pair, built by Bazel: benchmarks/gates's variants, as runfiles
// paths (the test runs in its package's directory).
var (
	gatesOnFlag  = flag.String("gates_on", "", "benchmarks/gates built with galeed-go")
	gatesOffFlag = flag.String("gates_off", "", "benchmarks/gates built without galeed-go")
)

func runfile(p string) string {
	return filepath.Join(os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE"), p)
}

func TestCheckVariants(t *testing.T) {
	got, err := checkVariants(variants{on: runfile(*gatesOnFlag), off: runfile(*gatesOffFlag)})
	if err != nil {
		t.Fatal(err)
	}
	want := variants{
		on:  "all 2 cgo wrappers gated (2 Go→C: 2 deny, 0 read-only, 0 read-write; 0 C→Go)",
		off: "none of 2 cgo wrappers gated",
	}
	if got != want {
		t.Errorf("checkVariants = %q, want %q", got, want)
	}
}

func TestCheckVariantsRejects(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	gatesOn, gatesOff := runfile(*gatesOnFlag), runfile(*gatesOffFlag)
	for _, c := range []struct {
		name string
		v    variants
		want string
	}{
		{"two gated builds", variants{on: gatesOn, off: gatesOn}, "calls galeed's gates"},
		{"ungated on variant", variants{on: gatesOff, off: gatesOff}, "only 0 of its 2 cgo wrappers are gated"},
		{"no cgo", variants{on: self, off: gatesOff}, "has no cgo wrappers"},
	} {
		if _, err := checkVariants(c.v); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: checkVariants: %v, want an error saying %q", c.name, err, c.want)
		}
	}
}
