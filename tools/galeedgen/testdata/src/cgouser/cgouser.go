// Package cgouser calls C, whose types galeedgen does not resolve: the
// type errors that causes outside shared types must not matter.
package cgouser

import "C"

//galeed:shared
type Pair struct {
	A, B int32
}

func sum(p *Pair) C.int { return C.int(p.A + p.B) }
