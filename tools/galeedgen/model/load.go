package model

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Errors are all the problems found in a package, each as "file:line: msg",
// in file and line order, so one run reports everything to fix.
type Errors []string

func (e Errors) Error() string { return strings.Join(e, "\n") }

// Load reads the non-test .go files of dir, a package with the given import
// path, and returns its shared types.
//
// Only the package's own files are type-checked: imports other than unsafe
// are not loaded. That is enough, because a shared type may only hold
// builtin types and shared types of the same package, and it keeps the
// generator independent of GOROOT, GOPATH and build tags (all files are
// read, whatever their constraints). Type errors elsewhere in the package
// (from cgo's "C" or any other import) are ignored: the Go compiler checks
// the package anyway; a field whose type cannot be resolved is an error.
func Load(dir, importPath string) (*Package, error) {
	l := &loader{fset: token.NewFileSet(), importPath: importPath, enums: map[*types.TypeName]*Scalar{}}
	files, err := l.parse(dir)
	if err != nil {
		return nil, err
	}
	l.check(files)
	decls := l.directives(files)
	p := &Package{Name: l.pkg.Name(), ImportPath: importPath, Types: l.types(decls)}
	if len(l.errs) > 0 {
		sort.SliceStable(l.errs, func(i, j int) bool {
			a, b := l.errs[i].pos, l.errs[j].pos
			return a.Filename < b.Filename || a.Filename == b.Filename && a.Line < b.Line
		})
		var errs Errors
		for _, e := range l.errs {
			errs = append(errs, fmt.Sprintf("%s:%d: %s", e.pos.Filename, e.pos.Line, e.msg))
		}
		return nil, errs
	}
	return p, nil
}

type loader struct {
	fset       *token.FileSet
	importPath string
	pkg        *types.Package
	typeErrs   []types.Error
	errs       []posError
	// enums are the package's //galeed:enum types.
	enums map[*types.TypeName]*Scalar
}

type posError struct {
	pos token.Position
	msg string
}

func (l *loader) errorf(pos token.Pos, format string, args ...any) {
	l.errs = append(l.errs, posError{l.fset.Position(pos), fmt.Sprintf(format, args...)})
}

func (l *loader) parse(dir string) ([]*ast.File, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(l.fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no Go files", dir)
	}
	return files, nil
}

// amd64 is the layout galeed-go targets (it is x86-64 only, as MPK is).
var amd64 = types.SizesFor("gc", "amd64")

func (l *loader) check(files []*ast.File) {
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			return nil, fmt.Errorf("galeedgen does not load imports")
		}),
		Error: func(err error) { l.typeErrs = append(l.typeErrs, err.(types.Error)) },
		Sizes: amd64,
	}
	l.pkg, _ = conf.Check(l.importPath, l.fset, files, nil)
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// decl is a type declaration carrying //galeed:shared.
type decl struct {
	spec *ast.TypeSpec
	obj  *types.TypeName
}

// directives finds the //galeed: directives, records enums and returns the
// shared declarations. A directive anywhere but in the doc comment of a
// single type declaration is an error, as is an unknown one: a misplaced or
// misspelt directive must not silently leave a type unprotected.
func (l *loader) directives(files []*ast.File) []decl {
	var shared []decl
	for _, f := range files {
		attached := map[*ast.CommentGroup]bool{}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				spec := s.(*ast.TypeSpec)
				doc := spec.Doc
				if !g.Lparen.IsValid() {
					doc = g.Doc
				}
				if doc == nil {
					continue
				}
				attached[doc] = true
				obj, _ := l.pkg.Scope().Lookup(spec.Name.Name).(*types.TypeName)
				for _, c := range doc.List {
					name, arg, ok := directive(c)
					if !ok {
						continue
					}
					switch name {
					case "shared":
						if arg != "" {
							l.errorf(c.Pos(), "//galeed:shared takes no arguments")
						} else if l.sharedOK(spec, obj) {
							shared = append(shared, decl{spec, obj})
						}
					case "enum":
						l.enum(c, arg, spec, obj)
					default:
						l.errorf(c.Pos(), "unknown directive //galeed:%s (known: shared, enum)", name)
					}
				}
			}
		}
		for _, g := range f.Comments {
			if attached[g] {
				continue
			}
			for _, c := range g.List {
				if name, _, ok := directive(c); ok {
					l.errorf(c.Pos(), "//galeed:%s must be in the doc comment of a type declaration", name)
				}
			}
		}
	}
	return shared
}

func directive(c *ast.Comment) (name, arg string, ok bool) {
	rest, ok := strings.CutPrefix(c.Text, "//galeed:")
	if !ok {
		return "", "", false
	}
	name, arg, _ = strings.Cut(rest, " ")
	return name, strings.TrimSpace(arg), true
}

func (l *loader) sharedOK(spec *ast.TypeSpec, obj *types.TypeName) bool {
	switch {
	case spec.TypeParams != nil:
		l.errorf(spec.Pos(), "//galeed:shared type %s is generic: C needs one layout", spec.Name.Name)
	case spec.Assign.IsValid():
		l.errorf(spec.Pos(), "//galeed:shared type %s is an alias: put the directive on the struct type itself", spec.Name.Name)
	case obj == nil:
		l.errorf(spec.Pos(), "//galeed:shared type %s could not be type-checked", spec.Name.Name)
	default:
		if _, ok := obj.Type().Underlying().(*types.Struct); ok {
			return true
		}
		l.errorf(spec.Pos(), "//galeed:shared on %s, which is not a struct type (%s)", spec.Name.Name, obj.Type().Underlying())
	}
	return false
}

// enum records a //galeed:enum min..max type: an integer type whose valid
// values are min through max, so C stores outside that range abort.
func (l *loader) enum(c *ast.Comment, arg string, spec *ast.TypeSpec, obj *types.TypeName) {
	var b *types.Basic
	if obj != nil && !spec.Assign.IsValid() {
		b, _ = obj.Type().Underlying().(*types.Basic)
	}
	if b == nil || b.Info()&types.IsInteger == 0 || b.Kind() == types.Uintptr {
		l.errorf(c.Pos(), "//galeed:enum on %s, which is not a defined integer type", spec.Name.Name)
		return
	}
	lo, hi, ok := strings.Cut(arg, "..")
	min, err1 := strconv.ParseInt(lo, 0, 64)
	max, err2 := strconv.ParseInt(hi, 0, 64)
	if !ok || err1 != nil || err2 != nil || min > max {
		l.errorf(c.Pos(), "//galeed:enum wants min..max, integers with min <= max, not %q", arg)
		return
	}
	s := basic(b)
	bits := uint(s.Size * 8)
	tmin, tmax := int64(0), int64(1<<(bits-1)-1)
	if b.Info()&types.IsUnsigned == 0 {
		tmin = -tmax - 1
	} else if bits < 64 {
		tmax = 1<<bits - 1
	}
	if min < tmin || max > tmax {
		l.errorf(c.Pos(), "//galeed:enum range %d..%d does not fit %s's underlying type %s", min, max, spec.Name.Name, b)
		return
	}
	s.Kind, s.GoType, s.Min, s.Max = Enum, spec.Name.Name, min, max
	l.enums[obj] = s
}

func (l *loader) types(decls []decl) []*Type {
	byObj := map[*types.TypeName]*Type{}
	ids := map[uint32]string{}
	for _, d := range decls {
		name := d.obj.Name()
		t := &Type{Name: name, ID: TypeID(l.importPath, name)}
		if prev, dup := ids[t.ID]; dup {
			l.errorf(d.spec.Pos(), "type ID 0x%08x of %s collides with %s's: rename one", t.ID, name, prev)
		} else if t.ID == 0 {
			l.errorf(d.spec.Pos(), "type ID of %s is 0, which the registry reserves: rename it", name)
		}
		ids[t.ID] = name
		l.ident(d.spec.Pos(), name, "type")
		byObj[d.obj] = t
	}
	for _, d := range decls {
		l.fields(d, byObj)
	}
	l.uniqueNames(decls, byObj)
	// Order: a type after the types it holds inline (Go forbids cycles).
	var order []*Type
	done := map[*Type]bool{}
	var visit func(*Type)
	visit = func(t *Type) {
		if done[t] {
			return
		}
		done[t] = true
		for _, f := range t.Fields {
			if f.Kind == Struct {
				visit(f.Ref)
			}
		}
		order = append(order, t)
	}
	for _, d := range decls {
		visit(byObj[d.obj])
	}
	return order
}

func (l *loader) fields(d decl, shared map[*types.TypeName]*Type) {
	t := shared[d.obj]
	st := d.obj.Type().Underlying().(*types.Struct)
	if st.NumFields() == 0 {
		l.errorf(d.spec.Pos(), "shared type %s has no fields", t.Name)
		return
	}
	vars := make([]*types.Var, st.NumFields())
	for i := range vars {
		vars[i] = st.Field(i)
	}
	offsets := amd64.Offsetsof(vars)
	t.Size, t.Align = amd64.Sizeof(st), amd64.Alignof(st)
	qual := types.RelativeTo(l.pkg)
	for i, v := range vars {
		f := &Field{
			Name: v.Name(), Index: i, Offset: offsets[i], Size: amd64.Sizeof(v.Type()),
			GoType: types.TypeString(v.Type(), qual), Embedded: v.Embedded(),
		}
		where := fmt.Sprintf("field %s.%s", t.Name, f.Name)
		if !l.classify(f, v, shared, where) {
			continue
		}
		switch {
		case f.Name == "_":
			l.errorf(v.Pos(), "%s: blank fields are not supported", where)
			continue
		case f.Size == 0:
			// Go pads a trailing zero-size field, and C has none.
			l.errorf(v.Pos(), "%s has size 0, which C cannot mirror", where)
			continue
		}
		l.ident(v.Pos(), f.Name, where)
		f.ByName = accessors(t.Name, f.Name, f.Kind)
		f.ByIndex = accessors(t.Name, strconv.Itoa(i), f.Kind)
		t.Fields = append(t.Fields, f)
		if f.InView() {
			t.View, t.Read, t.Write = t.Name+"_view", "galeed_"+t.Name+"_read", "galeed_"+t.Name+"_write"
		}
	}
}

// classify sets f's kind from v's type, or reports why C cannot share it.
func (l *loader) classify(f *Field, v *types.Var, shared map[*types.TypeName]*Type, where string) bool {
	typ := v.Type()
	if s := l.scalar(typ); s != nil {
		f.Kind, f.Scalar = s.Kind, s
		return true
	}
	if n, ok := types.Unalias(typ).(*types.Named); ok {
		if t := shared[n.Obj()]; t != nil {
			f.Kind, f.Ref = Struct, t
			return true
		}
		if _, ok := n.Underlying().(*types.Struct); ok {
			l.errorf(v.Pos(), "%s: struct type %s is not //galeed:shared", where, n.Obj().Name())
			return false
		}
	}
	switch u := typ.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Kind() == types.String:
			f.Kind = String
			return true
		case u.Kind() == types.Invalid:
			l.errorf(v.Pos(), "%s: its type could not be resolved%s (galeedgen loads only this package's files: types of other packages cannot be shared)", where, l.typeErrIn(v))
			return false
		}
	case *types.Pointer:
		if n, ok := types.Unalias(u.Elem()).(*types.Named); ok && shared[n.Obj()] != nil {
			f.Kind, f.Ref = Pointer, shared[n.Obj()]
			return true
		}
		l.errorf(v.Pos(), "%s: pointer to %s: only pointers to //galeed:shared types of this package can be shared", where, u.Elem())
		return false
	case *types.Array:
		if s := l.scalar(u.Elem()); s != nil {
			f.Kind, f.Scalar, f.Len = Array, s, u.Len()
			return true
		}
		l.errorf(v.Pos(), "%s: array of %s: only arrays of integers, floats and bools can be shared", where, u.Elem())
		return false
	case *types.Slice:
		if s := l.scalar(u.Elem()); s != nil {
			f.Kind, f.Scalar = Slice, s
			return true
		}
		l.errorf(v.Pos(), "%s: slice of %s: only slices of integers, floats and bools can be shared", where, u.Elem())
		return false
	}
	what := "type " + typ.String()
	switch typ.Underlying().(type) {
	case *types.Map:
		what = "a map"
	case *types.Chan:
		what = "a channel"
	case *types.Interface:
		what = "an interface"
	case *types.Signature:
		what = "a func"
	case *types.Struct:
		what = "an anonymous struct"
	}
	l.errorf(v.Pos(), "%s is %s, which cannot be shared with C (integers, floats, bools, strings, arrays and slices of scalars, shared structs and pointers to them can)", where, what)
	return false
}

// typeErrIn returns the first type error inside v's declaration, if any.
func (l *loader) typeErrIn(v *types.Var) string {
	line := l.fset.Position(v.Pos()).Line
	file := l.fset.Position(v.Pos()).Filename
	for _, e := range l.typeErrs {
		if p := e.Fset.Position(e.Pos); p.Filename == file && p.Line == line {
			return ": " + e.Msg
		}
	}
	return ""
}

// scalar returns the C view of a scalar type, or nil.
func (l *loader) scalar(t types.Type) *Scalar {
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if e := l.enums[n.Obj()]; e != nil {
			return e
		}
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok || b.Info()&(types.IsInteger|types.IsFloat|types.IsBoolean) == 0 || b.Info()&types.IsUntyped != 0 {
		return nil
	}
	return basic(b)
}

func basic(b *types.Basic) *Scalar {
	s := &Scalar{Size: amd64.Sizeof(b), GoType: b.Name(), Signed: b.Info()&types.IsUnsigned == 0 && b.Kind() != types.Bool}
	bits := strconv.FormatInt(s.Size*8, 10)
	switch {
	case b.Kind() == types.Bool:
		s.Kind, s.CType = Bool, "uint8_t"
	case b.Kind() == types.Uintptr:
		s.Kind, s.CType = Uint, "uintptr_t"
	case b.Info()&types.IsFloat != 0:
		s.Kind, s.CType = Float, map[int64]string{4: "float", 8: "double"}[s.Size]
	case b.Info()&types.IsUnsigned != 0:
		s.Kind, s.CType = Uint, "uint"+bits+"_t"
	default:
		s.Kind, s.CType = Int, "int"+bits+"_t"
	}
	return s
}

// TypeID is the type's stable ID: the first 32 bits, big-endian, of
// SHA-256 over "importpath.Name". It depends on nothing but the type's
// name, so C and Go built apart agree on it.
func TypeID(importPath, name string) uint32 {
	sum := sha256.Sum256([]byte(importPath + "." + name))
	return binary.BigEndian.Uint32(sum[:4])
}

// cKeywords are C and C++ keywords a Go identifier can spell.
var cKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`auto bool break case char class const continue default delete do double
		else enum explicit extern false float for friend goto if inline int long mutable namespace new
		operator private protected public register restrict return short signed sizeof static
		struct switch template this throw true try typedef typename union unsigned using virtual void
		volatile while`) {
		cKeywords[k] = true
	}
}

// ident reports a name C cannot use as it is.
func (l *loader) ident(pos token.Pos, name, what string) {
	for _, r := range name {
		if r > 0x7f {
			l.errorf(pos, "%s: name %s is not ASCII, which C identifiers need", what, name)
			return
		}
	}
	if cKeywords[name] {
		l.errorf(pos, "%s: name %s is a C or C++ keyword", what, name)
	}
}

// uniqueNames reports generated C names that collide (galeed_A_get_b_c is
// both type A's field b_c and type A_get's... field), which C would reject
// far from the cause.
func (l *loader) uniqueNames(decls []decl, shared map[*types.TypeName]*Type) {
	seen := map[string]string{}
	for _, d := range decls {
		t := shared[d.obj]
		names := []string{t.Name, t.View, t.Read, t.Write}
		for _, f := range t.Fields {
			names = append(names, f.ByName.Get, f.ByName.Set, f.ByName.Len, f.ByName.Copy, f.ByName.CopyIn)
		}
		for _, n := range names {
			if n == "" {
				continue
			}
			if prev, dup := seen[n]; dup {
				l.errorf(d.spec.Pos(), "generated C name %s of type %s collides with one of type %s: rename one", n, t.Name, prev)
			}
			seen[n] = t.Name
		}
	}
}
