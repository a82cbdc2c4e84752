package main

import (
	"fmt"

	"github.com/galeed-go/galeed/tools/gatecheck/wrappers"
)

// checkVariants makes sure the two programs are what the comparison says
// they are, reading their machine code (tools/gatecheck): every cgo wrapper
// of the on variant calls galeed-go's gates, and none of the off variant's
// calls any. A build whose switch-off did not take would give two gated
// programs and ratios near 1. It returns what it found, for each variant.
func checkVariants(v variants) (found variants, err error) {
	on, err := wrappers.Check(v.on)
	if err != nil {
		return variants{}, fmt.Errorf("on variant %s: %w", v.on, err)
	}
	c := on.Count()
	switch {
	case c.Wrappers == 0:
		return variants{}, fmt.Errorf("on variant %s has no cgo wrappers: there is nothing to compare", v.on)
	case !on.OK():
		return variants{}, fmt.Errorf("on variant %s: only %d of its %d cgo wrappers are gated (tools/gatecheck says which)", v.on, c.Gated, c.Wrappers)
	}
	off, err := wrappers.Check(v.off)
	if err != nil {
		return variants{}, fmt.Errorf("off variant %s: %w", v.off, err)
	}
	for _, w := range off.Wrappers {
		if len(w.Calls) > 0 {
			return variants{}, fmt.Errorf("off variant %s: cgo wrapper %s (%s) calls galeed's gates; the off variant must have none", v.off, w.Symbol, w.Name)
		}
	}
	return variants{
		on: fmt.Sprintf("all %d cgo wrappers gated (%d Go→C: %d deny, %d read-only, %d read-write; %d C→Go)",
			c.Wrappers, c.GoToC, c.Policies[wrappers.Deny], c.Policies[wrappers.ReadOnly], c.Policies[wrappers.ReadWrite], c.CToGo),
		off: fmt.Sprintf("none of %d cgo wrappers gated", len(off.Wrappers)),
	}, nil
}
