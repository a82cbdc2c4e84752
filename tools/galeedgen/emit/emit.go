// Package emit renders a model.Package as galeedgen's four outputs: the C
// header consumers include, the C accessors behind it, the Go file that
// registers the types and pins their layout, and the manifest the LLVM pass
// reads. It decides nothing about layout or names; the model did.
package emit

import (
	"fmt"
	"strings"

	"github.com/galeed-go/galeed/tools/galeedgen/model"
)

// Files returns the outputs by file name: <pkg>_galeed.{h,c,go,json}.
func Files(p *model.Package) (map[string][]byte, error) {
	goSrc, err := goFile(p)
	if err != nil {
		return nil, err
	}
	manifest, err := manifest(p)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{
		p.Name + "_galeed.h":    []byte(header(p)),
		p.Name + "_galeed.c":    []byte(source(p)),
		p.Name + "_galeed.go":   goSrc,
		p.Name + "_galeed.json": manifest,
	}, nil
}

// proto is one accessor's C signature.
type proto struct {
	ret, name, params string
}

func (p proto) String() string { return fmt.Sprintf("%s %s(%s)", p.ret, p.name, p.params) }

// protos returns the accessors of f named by a, in a fixed order.
func protos(f *model.Field, a model.Accessors) []proto {
	const h = "galeed_handle h"
	var ps []proto
	add := func(name, ret, params string) {
		if name != "" {
			ps = append(ps, proto{ret, name, params})
		}
	}
	switch f.Kind {
	case model.Struct, model.Pointer:
		add(a.Get, "galeed_handle", h)
	case model.Array:
		ct := f.Scalar.CType
		add(a.Get, ct, h+", size_t i")
		add(a.Set, "void", h+", size_t i, "+ct+" v")
	case model.String, model.Slice:
	default:
		add(a.Get, f.Scalar.CType, h)
		add(a.Set, "void", h+", "+f.Scalar.CType+" v")
	}
	if a.Copy != "" {
		add(a.Len, "size_t", h)
		add(a.Copy, "size_t", h+", size_t from, "+elemCType(f)+" *dst, size_t n")
		add(a.CopyIn, "size_t", h+", size_t from, const "+elemCType(f)+" *src, size_t n")
	}
	return ps
}

// elemCType is the C type copy writes (and copyin reads) for a string, slice
// or array.
func elemCType(f *model.Field) string {
	if f.Kind == model.String {
		return "char"
	}
	return f.Scalar.CType
}

// typeIDMacro names a type's ID in C.
func typeIDMacro(t *model.Type) string { return "GALEED_TYPE_" + t.Name }

// goName is a type's or field's name in reports: package.Type[.field].
func goName(p *model.Package, t *model.Type, f *model.Field) string {
	if f == nil {
		return p.Name + "." + t.Name
	}
	return p.Name + "." + t.Name + "." + f.Name
}

// writer collects generated text.
type writer struct{ strings.Builder }

func (w *writer) f(format string, args ...any) { fmt.Fprintf(&w.Builder, format, args...) }
