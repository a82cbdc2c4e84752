package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The test binary doubles as the two variants: with fakeEnv set it prints
// that variant's canned output and exits.
const fakeEnv = "COMPARE_TEST_FAKE"

// Each fake variant's ns/op rises with every run, so the best is the first.
var fakeOutput = map[string]func(n int) string{
	"on": func(n int) string {
		return fmt.Sprintf("environment: test bench\ncallbacks: none: test\n"+
			"BenchmarkA\t100\t%d ns/op\t3.00 cgo-calls/op\nBenchmarkB\t10\t%d ns/op\t1.5 cgo-calls/op\n", 200+n, 2000+n)
	},
	"off": func(n int) string {
		return fmt.Sprintf("environment: test bench\ncallbacks: none: test\n"+
			"BenchmarkA\t100\t%d ns/op\t3.00 cgo-calls/op\nBenchmarkB\t10\t%d ns/op\t1.5 cgo-calls/op\n", 100+n, 1000+n)
	},
}

func TestMain(m *testing.M) {
	if v := os.Getenv(fakeEnv); v != "" {
		// The run's number comes from a file in the directory given as the argument.
		counter := os.Args[1] + "/" + v
		b, _ := os.ReadFile(counter)
		n := len(b)
		os.WriteFile(counter, append(b, 'x'), 0o644)
		fmt.Print(fakeOutput[v](n))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// fakeVariants returns a variant path per variant: scripts running the test
// binary as that fake.
func fakeVariants(t *testing.T) variants {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	script := func(name string) string {
		p := dir + "/" + name
		body := fmt.Sprintf("#!/bin/sh\n%s=%s exec %q \"$@\"\n", fakeEnv, name, exe)
		if err := os.WriteFile(p, []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return variants{on: script("on"), off: script("off")}
}

func TestCompare(t *testing.T) {
	v := fakeVariants(t)
	var out, log bytes.Buffer
	if err := compare(&out, &log, v, variants{"on checked", "off checked"}, 3, []string{t.TempDir()}); err != nil {
		t.Fatalf("compare: %v\n%s", err, log.String())
	}
	got := out.String()
	t.Log("\n" + got)
	for _, want := range []string{
		"best of 3 alternating runs each",
		"/on: on checked\n",
		"/off: off checked\n",
		"environment: test bench\n",
		"callbacks: none: test\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// The best (first) run of each, the ratio, and 2 transitions per cgo call.
	var rows []string
	for _, line := range strings.Split(got, "\n") {
		if f := strings.Fields(line); len(f) == 5 && (f[0] == "A" || f[0] == "B") {
			rows = append(rows, strings.Join(f, " "))
		}
	}
	if want := []string{"A 100.0 200.0 2.00x 6", "B 1000.0 2000.0 2.00x 3"}; fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	// Alternating: off, on, then on, off, then off, on.
	if want := "round 1/3: off\ncompare: round 1/3: on\ncompare: round 2/3: on\ncompare: round 2/3: off\ncompare: round 3/3: off\n"; !strings.Contains(log.String(), want) {
		t.Errorf("progress is\n%s\nwant it to contain\n%s", log.String(), want)
	}
}

func TestCompareFailingVariant(t *testing.T) {
	v := fakeVariants(t)
	v.off = "/bin/false"
	var out, log bytes.Buffer
	err := compare(&out, &log, v, variants{"on checked", "off checked"}, 1, []string{t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "off variant /bin/false") {
		t.Errorf("compare with a failing off variant: %v, want an error naming it", err)
	}
}

func TestParse(t *testing.T) {
	got, err := parse(strings.NewReader("goos: linux\nenvironment: here: and there\n" +
		"BenchmarkX\t  1000\t  51234 ns/op\t  6.00 cgo-calls/op\n" +
		"BenchmarkY-8\t  10\t  1.5 ns/op\t  3 B/op\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := run{
		environment: "here: and there",
		results:     []result{{"X", 51234, 6}, {"Y-8", 1.5, -1}},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("parse = %+v, want %+v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, out := range []string{
		"",                                  // nothing
		"environment: e\n",                  // no result
		"BenchmarkX 10 5 ns/op\n",           // no environment
		"environment: e\nBenchmarkX 10 5\n", // no unit
		"environment: e\nBenchmarkX 10 five ns/op\n",
		"environment: e\nBenchmarkX 10 5 B/op\n", // no ns/op
		"environment: e\nsomething else\nBenchmarkX 10 5 ns/op\n",
	} {
		if got, err := parse(strings.NewReader(out)); err == nil {
			t.Errorf("parse(%q) = %+v, want an error", out, got)
		}
	}
}

func TestTabulateDisagreement(t *testing.T) {
	a := run{environment: "e", results: []result{{"A", 1, 1}}}
	for name, other := range map[string]run{
		"environment": {environment: "f", results: []result{{"A", 1, 1}}},
		"benchmarks":  {environment: "e", results: []result{{"B", 1, 1}}},
		"count":       {environment: "e", results: []result{{"A", 1, 1}, {"B", 1, 1}}},
	} {
		if _, err := tabulate([]run{a}, []run{other}); err == nil {
			t.Errorf("%s: runs that disagree tabulate without an error", name)
		}
	}
}
