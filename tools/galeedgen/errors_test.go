package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrors runs the command on small packages it must refuse, and wants
// exactly these messages (file:line: ...), all of them, and no output.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{
			name: "unsupported field types",
			src: `package x

//galeed:shared
type T struct {
	M map[string]int
	C chan int
	I any
	F func()
	S struct{ A int }
	P *int
	L []string
	A [2]string
	N Plain
	X complex128
}

type Plain struct{ A int }
`,
			want: []string{
				"x.go:5: field T.M is a map, which cannot be shared with C (integers, floats, bools, strings, arrays and slices of scalars, shared structs and pointers to them can)",
				"x.go:6: field T.C is a channel, which cannot be shared with C (integers, floats, bools, strings, arrays and slices of scalars, shared structs and pointers to them can)",
				"x.go:7: field T.I is an interface, which cannot be shared with C (integers, floats, bools, strings, arrays and slices of scalars, shared structs and pointers to them can)",
				"x.go:8: field T.F is a func, which cannot be shared with C (integers, floats, bools, strings, arrays and slices of scalars, shared structs and pointers to them can)",
				"x.go:9: field T.S is an anonymous struct, which cannot be shared with C (integers, floats, bools, strings, arrays and slices of scalars, shared structs and pointers to them can)",
				"x.go:10: field T.P: pointer to int: only pointers to //galeed:shared types of this package can be shared",
				"x.go:11: field T.L: slice of string: only slices of integers, floats and bools can be shared",
				"x.go:12: field T.A: array of string: only arrays of integers, floats and bools can be shared",
				"x.go:13: field T.N: struct type Plain is not //galeed:shared",
				"x.go:14: field T.X is type complex128, which cannot be shared with C (integers, floats, bools, strings, arrays and slices of scalars, shared structs and pointers to them can)",
			},
		},
		{
			name: "misplaced directives",
			src: `package x

//galeed:shared
type N int

//galeed:shared
func f() {}

//galeed:shard
type T struct{ A int }

type (
	//galeed:shared
	U struct{ A int }
	//galeed:shared extra
	V struct{ A int }
)

//galeed:shared
type G[P any] struct{ A P }

//galeed:shared
type E struct{}

//galeed:shared
type Alias = U
`,
			want: []string{
				"x.go:4: //galeed:shared on N, which is not a struct type (int)",
				"x.go:6: //galeed:shared must be in the doc comment of a type declaration",
				"x.go:9: unknown directive //galeed:shard (known: shared, enum)",
				"x.go:15: //galeed:shared takes no arguments",
				"x.go:20: //galeed:shared type G is generic: C needs one layout",
				"x.go:23: shared type E has no fields",
				"x.go:26: //galeed:shared type Alias is an alias: put the directive on the struct type itself",
			},
		},
		{
			name: "bad enums",
			src: `package x

//galeed:enum 0..2
type S string

//galeed:enum 2..1
type R int

//galeed:enum 0..300
type B uint8

//galeed:enum -1..1
type U uint16

//galeed:enum 0..1
type P uintptr
`,
			want: []string{
				"x.go:3: //galeed:enum on S, which is not a defined integer type",
				"x.go:6: //galeed:enum wants min..max, integers with min <= max, not \"2..1\"",
				"x.go:9: //galeed:enum range 0..300 does not fit B's underlying type uint8",
				"x.go:12: //galeed:enum range -1..1 does not fit U's underlying type uint16",
				"x.go:15: //galeed:enum on P, which is not a defined integer type",
			},
		},
		{
			name: "fields C cannot mirror",
			src: `package x

import "time"

//galeed:shared
type T struct {
	D    time.Duration
	Z    [0]int64
	_    int32
	long int64
	Ünï  int8
	U    Undefined
}
`,
			want: []string{
				"x.go:7: field T.D: its type could not be resolved (galeedgen loads only this package's files: types of other packages cannot be shared)",
				"x.go:8: field T.Z has size 0, which C cannot mirror",
				"x.go:9: field T._: blank fields are not supported",
				"x.go:10: field T.long: name long is a C or C++ keyword",
				"x.go:11: field T.Ünï: name Ünï is not ASCII, which C identifiers need",
				"x.go:12: field T.U: its type could not be resolved: undefined: Undefined (galeedgen loads only this package's files: types of other packages cannot be shared)",
			},
		},
		{
			name: "colliding C names",
			src: `package x

//galeed:shared
type A struct{ set_y int }

//galeed:shared
type A_get struct{ y int }
`,
			want: []string{
				"x.go:7: generated C name galeed_A_get_set_y of type A_get collides with one of type A: rename one",
			},
		},
		{
			// Found by search: the first 32 bits of SHA-256 over
			// example.com/x.T15242 and .T49335 are both 13b4b1ce.
			name: "colliding type IDs",
			src:  "package x\n\n//galeed:shared\ntype T15242 struct{ A int }\n\n//galeed:shared\ntype T49335 struct{ A int }\n",
			want: []string{"x.go:7: type ID 0x13b4b1ce of T49335 collides with T15242's: rename one"},
		},
		{
			name: "nothing shared",
			src:  "package x\n\ntype T struct{ A int }\n",
			want: []string{"testdata: no //galeed:shared types"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(tc.src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := t.TempDir()
			var stderr bytes.Buffer
			code := run([]string{"-pkg", dir, "-importpath", "example.com/x", "-out", out}, &stderr)
			got := strings.ReplaceAll(stderr.String(), dir+string(filepath.Separator), "")
			got = strings.ReplaceAll(got, dir, "testdata")
			if want := strings.Join(tc.want, "\n") + "\n"; code != 1 || got != want {
				t.Errorf("exit %d, want 1; stderr:\n%s\nwant:\n%s", code, got, want)
			}
			if files, _ := os.ReadDir(out); len(files) > 0 {
				t.Errorf("wrote %d files despite errors", len(files))
			}
		})
	}
}
