// Package model reads a Go package's //galeed:shared struct types and
// decides everything galeedgen emits for them: their amd64 layout, the C
// type of each field, type IDs and accessor names. Every output is rendered
// from this one model, so the C header, the C accessors, the Go checks and
// the manifest cannot disagree with each other.
package model

// Package is one Go package's shared types, in dependency order: a type
// that holds another inline comes after it, as C requires.
type Package struct {
	Name       string // Go package name; it names the generated files
	ImportPath string
	Types      []*Type
}

// Type is one //galeed:shared struct type. Its C name is its Go name.
type Type struct {
	Name        string
	ID          uint32
	Size, Align int64
	Fields      []*Field
	// View, Read and Write name the batch struct and accessors; empty when
	// the type has no scalar fields (C has no empty structs).
	View, Read, Write string
}

// Kind says how C sees a field, and so which accessors it has.
type Kind string

const (
	Int     Kind = "int"     // signed integer
	Uint    Kind = "uint"    // unsigned integer, uintptr included
	Float   Kind = "float"   // float32, float64
	Bool    Kind = "bool"    // uint8_t in C; stores accept only 0 and 1
	Enum    Kind = "enum"    // integer type with //galeed:enum min..max
	String  Kind = "string"  // read with len and copy; never written from C
	Slice   Kind = "slice"   // of scalars; len, copy and copyin
	Array   Kind = "array"   // of scalars; element get/set, len, copy and copyin
	Struct  Kind = "struct"  // another shared type inline; get returns a handle
	Pointer Kind = "pointer" // to a shared type; get returns a handle, never set
)

// Scalar is a value C reads and writes as such: a scalar field, or the
// element of an array or slice field.
type Scalar struct {
	Kind  Kind
	CType string
	Size  int64
	// GoType is the Go type's name: for enums it names the type in reports.
	GoType string
	Signed bool // the C type is signed
	// Min and Max bound an enum.
	Min, Max int64
}

// Validated reports whether C stores of s must be checked: not every bit
// pattern of its C type is a valid Go value.
func (s *Scalar) Validated() bool { return s.Kind == Bool || s.Kind == Enum }

// Field is one field of a shared type, in Go order.
type Field struct {
	Name         string
	Index        int
	Offset, Size int64
	Kind         Kind
	// GoType is the field's type as Go source in its own package; the
	// generated Go file restates the struct with it.
	GoType   string
	Embedded bool
	// Scalar is the value of a scalar field, or the element of an array or
	// slice; nil for strings, structs and pointers.
	Scalar *Scalar
	Len    int64 // arrays
	Ref    *Type // structs and pointers: the shared type referred to
	// ByName and ByIndex name the accessors, galeed_T_get_f and
	// galeed_T_get_<index>; the index ones are aliases the pass can call
	// knowing only the field's position.
	ByName, ByIndex Accessors
}

// StoresChecked reports whether values C stores into f are checked: bools
// and enums, alone or as the elements of arrays and slices (set, copyin).
func (f *Field) StoresChecked() bool {
	return f.Scalar != nil && f.Scalar.Validated()
}

// Checked reports whether f's accessors check their arguments: stored
// values, or indexes into arrays.
func (f *Field) Checked() bool { return f.Kind == Array || f.StoresChecked() }

// InView reports whether f is part of its type's batch view.
func (f *Field) InView() bool { return f.Scalar != nil && f.Kind != Array && f.Kind != Slice }

// Accessors names a field's accessors; a kind without one leaves it empty.
type Accessors struct {
	Get  string `json:"get,omitempty"`
	Set  string `json:"set,omitempty"`
	Len  string `json:"len,omitempty"`
	Copy string `json:"copy,omitempty"`
	// CopyIn writes elements of an array or slice from C memory, within
	// its length. Strings have none: Go strings are immutable, and their
	// bytes may be shared or read-only.
	CopyIn string `json:"copyin,omitempty"`
}

func accessors(typ, key string, k Kind) Accessors {
	name := func(op string) string { return "galeed_" + typ + "_" + op + "_" + key }
	a := Accessors{Get: name("get")}
	switch k {
	case Int, Uint, Float, Bool, Enum:
		a.Set = name("set")
	case Array:
		a.Set, a.Len, a.Copy, a.CopyIn = name("set"), name("len"), name("copy"), name("copyin")
	case Slice:
		a.Get, a.Len, a.Copy, a.CopyIn = "", name("len"), name("copy"), name("copyin")
	case String:
		a.Get, a.Len, a.Copy = "", name("len"), name("copy")
	}
	return a
}
