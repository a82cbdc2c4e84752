// Command gates measures what galeed-go's gates add to a cgo call: the
// round trip of a trivial C function without gates and with
// galeed_enter_c/galeed_leave_c around it, side by side in one run. It
// says whether the times mean anything: natively on a host without PKU the
// gates skip WRPKRU, and under QEMU's TCG emulation (the galeed VM) every
// instruction is emulated.
//
//	tools/bazel run //benchmarks/gates        # natively
//	tools/bazel run //benchmarks/gates:vm     # with (emulated) PKU
package main

/*
#include "calls.h"
*/
import "C"

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/galeed-go/galeed/go/mpk"
	"github.com/galeed-go/galeed/go/pkeys"
)

func main() {
	n := flag.Int("n", 200_000, "calls per measurement")
	rounds := flag.Int("rounds", 5, "measurements per variant; the fastest counts")
	flag.Parse()

	fmt.Printf("galeed-go: cgo call round trip, %d calls per measurement, best of %d\n", *n, *rounds)
	fmt.Println("environment:", environment())
	plain := best(*rounds, *n, func(x C.uint64_t) C.uint64_t { return C.plain(x) })
	gated := best(*rounds, *n, func(x C.uint64_t) C.uint64_t { return C.gated(x) })
	fmt.Printf("  cgo call without gates  %8.1f ns/op\n", plain)
	fmt.Printf("  cgo call with gates     %8.1f ns/op\n", gated)
	fmt.Printf("  ratio                   %8.2fx\n", gated/plain)
}

func environment() string {
	if err := pkeys.HostSupport(); err != nil {
		return fmt.Sprintf("native, %v: gates skipped WRPKRU — cannot be timed", err)
	}
	if _, err := mpk.Protected(); err != nil {
		return fmt.Sprintf("PKU present but %v: gates skipped WRPKRU — cannot be timed", err)
	}
	if C.under_tcg() != 0 {
		return "emulated PKU (QEMU TCG): times are not hardware times"
	}
	return "hardware PKU: gates execute WRPKRU"
}

// best returns the fastest of rounds measurements of n calls of f, in ns
// per call. Each result feeds the next call, so none can be skipped.
func best(rounds, n int, f func(C.uint64_t) C.uint64_t) float64 {
	fastest := time.Duration(1<<63 - 1)
	for r := 0; r < rounds; r++ {
		x := C.uint64_t(0)
		start := time.Now()
		for i := 0; i < n; i++ {
			x = f(x)
		}
		if d := time.Since(start); d < fastest {
			fastest = d
		}
		if x != C.uint64_t(n) {
			fmt.Fprintf(os.Stderr, "gates: %d calls counted to %d\n", n, x)
			os.Exit(1)
		}
	}
	return float64(fastest.Nanoseconds()) / float64(n)
}
