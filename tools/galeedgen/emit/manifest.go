package emit

import (
	"encoding/json"

	"github.com/galeed-go/galeed/tools/galeedgen/model"
)

// ManifestVersion is the manifest format's version; the pass rejects one it
// does not know. Bump it on any change a reader could misread.
const ManifestVersion = 1

// Manifest is <pkg>_galeed.json, what the LLVM pass needs to rewrite C
// loads and stores through pointers to shared structs into accessor calls.
type Manifest struct {
	Format  string         `json:"format"` // always "galeedgen-manifest"
	Version int            `json:"version"`
	Package string         `json:"package"` // Go import path
	Header  string         `json:"header"`  // the C header declaring the types
	Types   []ManifestType `json:"types"`
}

// ManifestType is one shared type.
type ManifestType struct {
	CName  string `json:"c_name"`  // struct <c_name> in C
	GoName string `json:"go_name"` // package.Type
	TypeID uint32 `json:"type_id"`
	Size   int64  `json:"size"`
	Align  int64  `json:"align"`
	// View, Read and Write are absent when the type has no scalar fields.
	View   string          `json:"view,omitempty"`
	Read   string          `json:"read,omitempty"`
	Write  string          `json:"write,omitempty"`
	Fields []ManifestField `json:"fields"`
}

// ManifestField is one field, in Go (and C) order.
type ManifestField struct {
	Name   string     `json:"name"`
	Index  int        `json:"index"`
	Offset int64      `json:"offset"`
	Size   int64      `json:"size"`
	Kind   model.Kind `json:"kind"`
	// CType is the C type of a scalar, or of an array's or slice's element
	// ("char" for strings); absent for struct and pointer fields.
	CType string `json:"c_type,omitempty"`
	// Len is an array's length.
	Len int64 `json:"len,omitempty"`
	// Type is the shared type (C name) a struct or pointer field refers to.
	Type string `json:"type,omitempty"`
	// Min and Max bound an enum, or an array's or slice's enum elements.
	Min       *int64          `json:"min,omitempty"`
	Max       *int64          `json:"max,omitempty"`
	Accessors model.Accessors `json:"accessors"`
	// IndexAccessors are the same functions named by position.
	IndexAccessors model.Accessors `json:"index_accessors"`
}

func manifest(p *model.Package) ([]byte, error) {
	m := Manifest{Format: "galeedgen-manifest", Version: ManifestVersion, Package: p.ImportPath, Header: p.Name + "_galeed.h"}
	for _, t := range p.Types {
		mt := ManifestType{
			CName: t.Name, GoName: goName(p, t, nil), TypeID: t.ID, Size: t.Size, Align: t.Align,
			View: t.View, Read: t.Read, Write: t.Write, Fields: []ManifestField{},
		}
		for _, f := range t.Fields {
			mf := ManifestField{
				Name: f.Name, Index: f.Index, Offset: f.Offset, Size: f.Size, Kind: f.Kind, Len: f.Len,
				Accessors: f.ByName, IndexAccessors: f.ByIndex,
			}
			switch {
			case f.Ref != nil:
				mf.Type = f.Ref.Name
			case f.Kind == model.String:
				mf.CType = "char"
			default:
				mf.CType = f.Scalar.CType
			}
			if f.Scalar != nil && f.Scalar.Kind == model.Enum {
				mf.Min, mf.Max = &f.Scalar.Min, &f.Scalar.Max
			}
			mt.Fields = append(mt.Fields, mf)
		}
		m.Types = append(m.Types, mt)
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
