package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
)

// table is the comparison of the two variants' runs.
type table struct {
	environment, callbacks string
	rows                   []row
}

type row struct {
	name             string
	off, on          float64 // best ns/op
	transitionsPerOp float64 // -1 when the on variant did not count its cgo calls
}

// tabulate keeps each variant's best ns/op per benchmark. Every run must
// report the same environment and the same benchmarks.
func tabulate(on, off []run) (table, error) {
	first := on[0]
	for _, r := range append(on, off...) {
		if r.environment != first.environment {
			return table{}, fmt.Errorf("the runs disagree on their environment: %q, %q", first.environment, r.environment)
		}
		if len(r.results) != len(first.results) {
			return table{}, fmt.Errorf("the runs disagree on their benchmarks: %d results, %d results", len(first.results), len(r.results))
		}
		for i, res := range r.results {
			if res.name != first.results[i].name {
				return table{}, fmt.Errorf("the runs disagree on their benchmarks: %s, %s", first.results[i].name, res.name)
			}
		}
	}
	t := table{environment: first.environment, callbacks: first.callbacks}
	for i, res := range first.results {
		bestOn := best(on, i)
		t.rows = append(t.rows, row{
			name:             res.name,
			off:              best(off, i).nsPerOp,
			on:               bestOn.nsPerOp,
			transitionsPerOp: transitions(bestOn.cgoCall),
		})
	}
	return t, nil
}

// best is the fastest of the runs' i-th results.
func best(runs []run, i int) result {
	b := runs[0].results[i]
	for _, r := range runs[1:] {
		if r.results[i].nsPerOp < b.nsPerOp {
			b = r.results[i]
		}
	}
	return b
}

// transitions: a gated cgo call enters C mode and leaves it again.
func transitions(cgoCalls float64) float64 {
	if cgoCalls < 0 {
		return -1
	}
	return 2 * cgoCalls
}

func (t table) write(w io.Writer) error {
	fmt.Fprintf(w, "environment: %s\n\n", t.environment)
	// Right-aligned numbers; the names, padded to one width, stay left.
	width := len("benchmark")
	for _, r := range t.rows {
		width = max(width, len(r.name))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\tns/op off\tns/op on\ton/off\tgate transitions/op\t\n", width, "benchmark")
	for _, r := range t.rows {
		fmt.Fprintf(tw, "%-*s\t%.1f\t%.1f\t%.2fx\t%s\t\n", width, r.name, r.off, r.on, r.on/r.off, number(r.transitionsPerOp))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	callbacks := t.callbacks
	if callbacks == "" {
		callbacks = "not stated by the program"
	}
	_, err := fmt.Fprintf(w, "\ngate transitions/op: 2 per cgo call of the on variant (galeed_enter_c, galeed_leave_c);\n"+
		"each C→Go callback would add 2 more (galeed_enter_go, galeed_leave_go), uncounted here.\n"+
		"callbacks: %s\n", callbacks)
	return err
}

// number prints a count per operation with at most two decimals, or "?".
func number(v float64) string {
	if v < 0 {
		return "?"
	}
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}
