// Package variant is the half of a galeed on/off comparison that runs inside
// each build of a benchmark program (benchmarks/compare runs the two builds
// and reads what this package prints). Main runs the program's benchmarks
// with the testing package's machinery and prints, in Go's benchmark
// format,
//
//	environment: <what the times mean here: benchmarks/environment>
//	callbacks: <the program's own word on C→Go callbacks>
//	BenchmarkName	   10000	     51234 ns/op	         6.000 cgo-calls/op
//
// counting the cgo calls each operation makes (runtime.NumCgoCall, over the
// timed loop only): in the galeed build each runs between two gates.
package variant

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"testing"

	"github.com/galeed-go/galeed/benchmarks/environment"
)

// A Benchmark is one result line.
type Benchmark struct {
	// Name follows "Benchmark" in the line.
	Name string
	// Start prepares one measurement and returns the operation to time,
	// called with 0, 1, ..., N-1, and what to do after the timed loop
	// (nil: nothing).
	Start func() (op func(i int) error, stop func() error, err error)
}

// Main runs the benchmarks, prints their results and exits; a failing one
// ends the program with status 1. callbacks says whether and why the
// operations make C→Go callbacks, which the runtime does not count and
// which each pass two more gates.
func Main(callbacks string, benchmarks ...Benchmark) {
	testing.Init()
	benchtime := flag.String("benchtime", "1s", "run each benchmark for this long, or Nx times")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "unexpected arguments %q\n", flag.Args())
		os.Exit(2)
	}
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		fmt.Fprintf(os.Stderr, "-benchtime: %v\n", err)
		os.Exit(2)
	}
	fmt.Println("environment:", environment.Label())
	fmt.Println("callbacks:", callbacks)
	for _, bm := range benchmarks {
		r, err := run(bm)
		if err != nil {
			fmt.Fprintf(os.Stderr, "Benchmark%s: %v\n", bm.Name, err)
			os.Exit(1)
		}
		fmt.Printf("Benchmark%s\t%s\n", bm.Name, r)
	}
	os.Exit(0)
}

func run(bm Benchmark) (testing.BenchmarkResult, error) {
	var failure error
	r := testing.Benchmark(func(b *testing.B) {
		fail := func(err error) {
			failure = err
			b.FailNow()
		}
		op, stop, err := bm.Start()
		if err != nil {
			fail(err)
		}
		calls := runtime.NumCgoCall()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := op(i); err != nil {
				fail(fmt.Errorf("operation %d: %w", i, err))
			}
		}
		b.StopTimer()
		b.ReportMetric(float64(runtime.NumCgoCall()-calls)/float64(b.N), "cgo-calls/op")
		if stop != nil {
			if err := stop(); err != nil {
				fail(err)
			}
		}
	})
	return r, failure
}
