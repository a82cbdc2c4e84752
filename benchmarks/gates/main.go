// Command gates measures what galeed-go's gates add to the cheapest cgo
// call: a C function returning its argument plus one. Built with the galeed
// toolchain, the call runs between galeed_enter_c and galeed_leave_c; built
// without it, it does not. benchmarks/compare runs the two builds side by
// side:
//
//	tools/bazel run -c opt //benchmarks/gates       # natively
//	tools/bazel run -c opt //benchmarks/gates:vm    # with PKU (emulated where the host has none)
package main

/*
#include "calls.h"
*/
import "C"

import (
	"fmt"

	"github.com/galeed-go/galeed/benchmarks/variant"
)

func main() {
	variant.Main("none: the C function calls nothing", variant.Benchmark{
		Name: "CgoCall",
		Start: func() (func(int) error, func() error, error) {
			return func(i int) error {
				// The result is checked, so the call cannot be dropped.
				if got := C.next(C.uint64_t(i)); got != C.uint64_t(i+1) {
					return fmt.Errorf("next(%d) = %d", i, got)
				}
				return nil
			}, nil, nil
		},
	})
}
