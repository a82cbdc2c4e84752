package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// run is what one run of a variant printed.
type run struct {
	environment, callbacks string
	results                []result // in the order printed
}

// result is one benchmark line.
type result struct {
	name    string  // without "Benchmark"
	nsPerOp float64 // ns/op
	cgoCall float64 // cgo-calls/op; -1 when the line has none
}

// parse reads a variant's output: Go benchmark lines and "key: value"
// configuration lines, of which it keeps environment and callbacks.
func parse(r io.Reader) (run, error) {
	var got run
	s := bufio.NewScanner(r)
	for n := 1; s.Scan(); n++ {
		line := s.Text()
		if strings.HasPrefix(line, "Benchmark") {
			res, err := parseResult(line)
			if err != nil {
				return run{}, fmt.Errorf("line %d: %w", n, err)
			}
			got.results = append(got.results, res)
			continue
		}
		key, value, ok := strings.Cut(line, ": ")
		switch {
		case !ok:
			return run{}, fmt.Errorf("line %d: neither a benchmark result nor \"key: value\": %q", n, line)
		case key == "environment":
			got.environment = value
		case key == "callbacks":
			got.callbacks = value
		}
	}
	if err := s.Err(); err != nil {
		return run{}, err
	}
	if got.environment == "" || len(got.results) == 0 {
		return run{}, fmt.Errorf("printed no environment line or no benchmark result")
	}
	return got, nil
}

// parseResult parses "BenchmarkName N value unit [value unit]...".
func parseResult(line string) (result, error) {
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 {
		return result{}, fmt.Errorf("malformed benchmark line %q", line)
	}
	res := result{name: strings.TrimPrefix(f[0], "Benchmark"), nsPerOp: -1, cgoCall: -1}
	for i := 2; i < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return result{}, fmt.Errorf("malformed benchmark line %q: %v", line, err)
		}
		switch f[i+1] {
		case "ns/op":
			res.nsPerOp = v
		case "cgo-calls/op":
			res.cgoCall = v
		}
	}
	if res.nsPerOp < 0 {
		return result{}, fmt.Errorf("benchmark line without ns/op: %q", line)
	}
	return res, nil
}
