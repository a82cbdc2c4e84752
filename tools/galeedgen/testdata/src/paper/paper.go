// Package paper is the Galeed paper's example: a Go struct with an int
// field that a C function adds 5 to.
package paper

//galeed:shared
type Counter struct {
	N int
}
