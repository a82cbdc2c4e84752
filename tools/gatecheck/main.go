// Command gatecheck proves, in a linked binary, that all of its cgo
// wrappers call galeed-go's gates: N of N, read from the machine code,
// independently of the LLVM pass that is meant to insert them. Package
// wrappers says what is checked and how.
//
// Usage:
//
//	gatecheck [-report FILE] [-label LABEL] [-v] BINARY...
//
// For each binary that has cgo wrappers it prints one summary line, then
// one line for each Go → C wrapper whose C runs with the read-write policy
// (no isolation), the build-time record of every call galeed does not
// isolate:
//
//	gatecheck: //go/demo:demo: 7 of 7 cgo wrappers gated (6 Go→C: 5 deny, 0 read-only, 1 read-write; 1 C→Go)
//	gatecheck: //go/demo:demo: C.f runs with read-write policy: no isolation
//
// and, for gates called through the PLT or GOT, a line saying that they
// come from a shared object, which gatecheck does not read.
//
// A binary without cgo wrappers prints nothing (with -v, its "0 of 0"
// summary). Messages name a binary by -label (a Bazel label; only with one
// BINARY) or else by its path. -report FILE gets the full table of every
// wrapper, its gate calls and policy, even when the check fails.
//
// An ungated wrapper gets a line of its own after the summary, then a last
// line says what the failure means:
//
//	gatecheck: //go/demo:demo: _cgo_0123456789ab_Cfunc_f (C.f): no galeed_enter_c, no galeed_leave_c
//	gatecheck: //go/demo:demo: 1 of 7 cgo wrappers are not gated: the binary's C was not compiled by ...
//
// All of that goes to stdout; errors that stop a binary from being checked
// go to stderr.
//
// Exit status: 0 when every wrapper is gated; 1 when one is not, a policy
// cannot be read, or the binary lacks the gates; 2 when a binary cannot be
// checked at all (unreadable, not an x86-64 ELF executable or shared
// object, no symbol table), or on bad usage. Status 2 takes precedence
// over 1.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/galeed-go/galeed/tools/gatecheck/wrappers"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitGated       = 0
	exitUngated     = 1
	exitUncheckable = 2
)

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gatecheck", flag.ContinueOnError)
	flags.SetOutput(stderr)
	reportPath := flags.String("report", "", "write the full per-wrapper table to `FILE`")
	label := flags.String("label", "", "name the binary `LABEL` in messages instead of by its path (one BINARY only)")
	verbose := flags.Bool("v", false, "print the summary of binaries without cgo wrappers too")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: gatecheck [-report FILE] [-label LABEL] [-v] BINARY...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitGated
		}
		return exitUncheckable
	}
	paths := flags.Args()
	if len(paths) == 0 || (*label != "" && len(paths) > 1) {
		flags.Usage()
		return exitUncheckable
	}

	status := exitGated
	var report strings.Builder
	for _, path := range paths {
		name := path
		if *label != "" {
			name = *label
		}
		res, err := wrappers.Check(path)
		writeReport(&report, name, path, res, err)
		if err != nil {
			if *label != "" { // the error names the path
				err = fmt.Errorf("%s: %w", *label, err)
			}
			fmt.Fprintf(stderr, "gatecheck: %v\n", err)
			status = exitUncheckable
			continue
		}
		if !printResult(stdout, name, res, *verbose) && status == exitGated {
			status = exitUngated
		}
	}
	if *reportPath != "" {
		if err := os.WriteFile(*reportPath, []byte(report.String()), 0o644); err != nil {
			fmt.Fprintf(stderr, "gatecheck: %v\n", err)
			return exitUncheckable
		}
	}
	return status
}

// printResult prints what the build log should show of one binary, all on
// stdout so that a build log shows it in order, and says whether it passed.
func printResult(stdout io.Writer, name string, res *wrappers.Binary, verbose bool) bool {
	c := res.Count()
	if c.Wrappers > 0 || verbose {
		fmt.Fprintf(stdout, "gatecheck: %s: %s\n", name, summary(c))
	}
	imported := map[string]bool{}
	for _, w := range res.Wrappers {
		if w.Gated() && w.Kind == wrappers.GoToC && w.Policy == wrappers.ReadWrite {
			fmt.Fprintf(stdout, "gatecheck: %s: %s runs with read-write policy: no isolation\n", name, w.Name)
		}
		for _, call := range w.Calls {
			if call.Via != "" {
				imported[call.Gate] = true
			}
		}
	}
	for _, g := range res.Gates {
		if imported[g.Name] {
			fmt.Fprintf(stdout, "gatecheck: %s: %s is called through the PLT or GOT: it comes from a shared object, which gatecheck does not check\n", name, g.Name)
		}
	}
	for _, w := range res.Wrappers {
		if !w.Gated() {
			fmt.Fprintf(stdout, "gatecheck: %s: %s: %s\n", name, describe(w), strings.Join(w.Problems, "; "))
		}
	}
	for _, p := range res.Problems {
		fmt.Fprintf(stdout, "gatecheck: %s: %s\n", name, p)
	}
	if ungated := c.Wrappers - c.Gated; ungated > 0 {
		fmt.Fprintf(stdout, "gatecheck: %s: %d of %d cgo wrappers are not gated: the binary's C was not compiled by the galeed toolchain "+
			"(--config=galeed, which runs llvm_pass's gate passes), or the pass missed them\n", name, ungated, c.Wrappers)
	}
	return res.OK()
}

func summary(c wrappers.Counts) string {
	return fmt.Sprintf("%d of %d cgo wrappers gated (%d Go→C: %d deny, %d read-only, %d read-write; %d C→Go)",
		c.Gated, c.Wrappers, c.GoToC, c.Policies[wrappers.Deny], c.Policies[wrappers.ReadOnly], c.Policies[wrappers.ReadWrite], c.CToGo)
}

// describe names a wrapper as in "_cgo_0123456789ab_Cfunc_f (C.f)".
func describe(w wrappers.Wrapper) string {
	if w.Kind == wrappers.CToGo {
		return w.Symbol + " (C→Go export wrapper)"
	}
	return fmt.Sprintf("%s (%s)", w.Symbol, w.Name)
}

// writeReport appends one binary's section of the -report file: a header,
// the table of wrappers, then the gates, the functions not counted and
// the problems.
func writeReport(w *strings.Builder, name, path string, res *wrappers.Binary, err error) {
	if w.Len() > 0 {
		w.WriteString("\n")
	}
	fmt.Fprintf(w, "gatecheck report: %s\nbinary: %s\n", name, path)
	if err != nil {
		fmt.Fprintf(w, "result: not checked: %v\n", err)
		return
	}
	fmt.Fprintf(w, "result: %s\n", summary(res.Count()))
	if len(res.Wrappers) > 0 {
		w.WriteString("\n")
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "kind\taddress\twrapper\tname\tpolicy\tgate calls\tstatus")
		for _, wr := range res.Wrappers {
			policy, status := "-", "gated"
			if wr.Kind == wrappers.GoToC && wr.Gated() {
				policy = wr.Policy.String()
			}
			if !wr.Gated() {
				status = strings.Join(wr.Problems, "; ")
			}
			fmt.Fprintf(tw, "%s\t%#x\t%s\t%s\t%s\t%s\t%s\n", wr.Kind, wr.Addr, wr.Symbol, wr.Name, policy, gateCalls(wr), status)
		}
		tw.Flush()
		w.WriteString("\n")
	}
	for _, g := range res.Gates {
		switch {
		case g.Defined:
			fmt.Fprintf(w, "gate: %s at %#x\n", g.Name, g.Addr)
		case g.Imported:
			fmt.Fprintf(w, "gate: %s imported from a shared object\n", g.Name)
		default:
			fmt.Fprintf(w, "gate: %s missing\n", g.Name)
		}
	}
	for _, e := range res.Exempt {
		fmt.Fprintf(w, "not a wrapper: %s at %#x calls crosscall2: %s\n", e.Symbol, e.Addr, e.Reason)
	}
	for _, p := range res.Problems {
		fmt.Fprintf(w, "problem: %s\n", p)
	}
}

// gateCalls lists a wrapper's gate calls as "galeed_enter_c+0x1c(deny)
// galeed_leave_c+0x2b", with "@PLT" or "@GOT" for imported gates.
func gateCalls(w wrappers.Wrapper) string {
	if len(w.Calls) == 0 {
		return "-"
	}
	var parts []string
	for _, c := range w.Calls {
		s := fmt.Sprintf("%s+%#x", c.Gate, c.Offset)
		if c.Via != "" {
			s += "@" + c.Via
		}
		if c.Gate == wrappers.EnterC {
			s += "(" + c.Policy.String() + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}
