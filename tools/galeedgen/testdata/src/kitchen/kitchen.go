// Package kitchen has every kind of field galeedgen supports.
package kitchen

// Color's stores from C must be one of its constants.
//
//galeed:enum 0..2
type Color uint8

const (
	Red Color = iota
	Green
	Blue
)

// Delta is an enum with negative values.
//
//galeed:enum -1..1
type Delta int16

// Point is held inline by Shape.
//
//galeed:shared
type Point struct {
	X, Y float64
}

// Celsius is a named scalar without a range.
type Celsius float32

type (
	// Shape is declared in a group to show directives on grouped specs.
	//
	//galeed:shared
	Shape struct {
		Name    string
		Visible bool
		Color   Color
		Origin  Point
		Corners [4]int16
		Weights []float32
		Next    *Shape
		Temp    Celsius
		Step    Delta
		Flags   [3]bool
		ID      uintptr
		small   int8
		*Point
		Palette []Color
	}
)
