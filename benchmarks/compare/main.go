// Command compare runs a benchmark program built with galeed-go (-on) and
// without it (-off) alternately, several times each, and prints the two side
// by side: the best ns/op of each variant per benchmark, their ratio, and the
// gate transitions each operation costs the galeed build.
//
//	compare -on BIN -off BIN [-rounds R] [-- variant arguments]
//
// Both variants print Go benchmark lines and the environment and callbacks
// lines of benchmarks/variant. Alternating, rather than running one variant
// after the other, spreads drifts of the machine (frequency, caches, other
// load) over both. Before running them, compare reads their machine code to
// make sure that the on variant's cgo calls are all gated and the off
// variant's are not.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
)

func main() {
	on := flag.String("on", "", "the benchmark program built with galeed-go")
	off := flag.String("off", "", "the same program built without galeed-go")
	rounds := flag.Int("rounds", 5, "runs of each variant; the best ns/op counts")
	flag.Parse()
	if *on == "" || *off == "" || *rounds < 1 {
		fmt.Fprintln(os.Stderr, "usage: compare -on BIN -off BIN [-rounds R] [-- variant arguments]")
		os.Exit(2)
	}
	v := variants{on: *on, off: *off}
	found, err := checkVariants(v)
	if err == nil {
		err = compare(os.Stdout, os.Stderr, v, found, *rounds, flag.Args())
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "compare: %v\n", err)
		os.Exit(1)
	}
}

// variants holds a string for each of the two programs: their paths, or
// what checkVariants found in them.
type variants struct{ on, off string }

// compare runs the variants rounds times each with args, off first in odd
// rounds and on first in even ones, and writes the table to out, with what
// checkVariants found, and progress to log.
func compare(out, log io.Writer, v, found variants, rounds int, args []string) error {
	var on, off []run
	for r := 0; r < rounds; r++ {
		order := []string{"off", "on"}
		if r%2 == 1 {
			order = []string{"on", "off"}
		}
		for _, name := range order {
			fmt.Fprintf(log, "compare: round %d/%d: %s\n", r+1, rounds, name)
			path, runs := v.off, &off
			if name == "on" {
				path, runs = v.on, &on
			}
			got, err := runVariant(path, args, log)
			if err != nil {
				return fmt.Errorf("%s variant %s: %w", name, path, err)
			}
			*runs = append(*runs, got)
		}
	}
	t, err := tabulate(on, off)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "galeed-go on vs off: best of %d alternating runs each\n  on:  %s: %s\n  off: %s: %s\n",
		rounds, v.on, found.on, v.off, found.off)
	return t.write(out)
}

// runVariant runs the program at path once and parses what it printed; its
// stderr goes to log.
func runVariant(path string, args []string, log io.Writer) (run, error) {
	var stdout bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stdout = &stdout
	cmd.Stderr = log
	if err := cmd.Run(); err != nil {
		return run{}, err
	}
	return parse(&stdout)
}
