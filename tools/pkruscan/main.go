// Command pkruscan checks x86-64 ELF objects, archives, shared objects and
// executables for instructions that can write the PKRU register (WRPKRU,
// XRSTOR), at every byte offset of their executable code. Native
// code that contains one can turn off the protection keys that isolate Go
// memory from it, so galeed-go refuses to load such code. Package scan
// describes what is matched and why.
//
// Usage:
//
//	pkruscan [--json] [--allow SYMBOL]... FILE...
//
// Flags come before the files. Findings are printed one per line, then a
// summary; --json prints one JSON object instead (see report).
//
// --allow SYMBOL suppresses findings that lie entirely inside the symbol
// with exactly that name, provided the object defines that name only once.
// It exists for galeed-go's own call gates, which must write PKRU. There
// is deliberately no way to allow a whole file: a file is exactly the unit
// an attacker controls, and a file-wide exception would let any WRPKRU
// added to it later pass unseen, whereas a symbol allow keeps every other
// function of the file, and any hidden sequence outside the gate, checked.
//
// An --allow that suppresses nothing is an error, not a warning: the entry
// no longer describes a real gate, and it would silently allow whatever
// symbol takes that name later. Warnings in build logs go unread; a failed
// check gets the entry removed.
//
// Exit status: 0 when every file was checked and nothing was found; 1 when
// something was found or an --allow entry was stale; 2 when a file could
// not be read or is malformed (it was not checked, so it cannot pass), or
// on bad usage. Status 2 takes precedence over 1.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/galeed-go/galeed/tools/pkruscan/scan"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const (
	exitClean    = 0
	exitFindings = 1
	exitBadInput = 2
)

// allowList collects repeated --allow flags.
type allowList []string

func (a *allowList) String() string { return strings.Join(*a, ",") }

func (a *allowList) Set(name string) error {
	if name == "" {
		return errors.New("needs a symbol name")
	}
	*a = append(*a, name)
	return nil
}

func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("pkruscan", flag.ContinueOnError)
	flags.SetOutput(stderr)
	asJSON := flags.Bool("json", false, "print one JSON report on stdout instead of text")
	var allow allowList
	flags.Var(&allow, "allow", "suppress findings inside the symbol named exactly `SYMBOL` (repeatable)")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "usage: pkruscan [--json] [--allow SYMBOL]... FILE...")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitBadInput
	}
	files := flags.Args()
	if len(files) == 0 {
		flags.Usage()
		return exitBadInput
	}

	var all []scan.Finding
	var errs []error
	for _, file := range files {
		f, err := scan.File(file)
		all = append(all, f...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	kept, suppressed, stale := scan.Filter(all, allow)
	problems := errorLines(errs)
	for _, p := range problems {
		fmt.Fprintf(stderr, "pkruscan: %s\n", p)
	}
	r := report{files: files, findings: kept, suppressed: suppressed, staleAllows: stale, errors: problems, unchecked: len(errs), allow: allow}
	if *asJSON {
		r.writeJSON(stdout)
	} else {
		r.writeText(stdout)
	}
	switch {
	case len(errs) > 0:
		return exitBadInput
	case len(kept) > 0 || len(stale) > 0:
		return exitFindings
	}
	return exitClean
}

// report is the outcome of one run.
type report struct {
	files       []string
	findings    []scan.Finding // not allowed
	suppressed  []scan.Finding // allowed
	staleAllows []string
	errors      []string // one line per problem
	unchecked   int      // files with problems
	allow       []string
}

// errorLines flattens the per-file errors, which hold one line per bad
// archive member.
func errorLines(errs []error) []string {
	var lines []string
	for _, err := range errs {
		lines = append(lines, strings.Split(err.Error(), "\n")...)
	}
	return lines
}

func (r *report) writeText(w io.Writer) {
	for _, f := range r.findings {
		fmt.Fprintf(w, "pkruscan: %s\n", r.describe(f))
	}
	for _, name := range r.staleAllows {
		fmt.Fprintf(w, "pkruscan: --allow %s suppressed nothing: remove it, or it will silently allow any future symbol of that name\n", name)
	}
	fmt.Fprintf(w, "pkruscan: SUMMARY: %s\n", r.summary())
}

// describe renders a finding the way sanitizers report an error site.
func (r *report) describe(f scan.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s+%#x", f.Location(), f.Section, f.Offset)
	if f.HasAddr {
		fmt.Fprintf(&b, " @%#x", f.Addr)
	}
	if f.Symbol != "" {
		fmt.Fprintf(&b, " (%s+%#x)", f.Symbol, f.SymbolOffset)
	}
	fmt.Fprintf(&b, ": %s % x — ", f.Kind, f.Bytes)
	switch f.Boundary.Placement {
	case scan.OnBoundary:
		fmt.Fprintf(&b, "on an instruction boundary (linear sweep from %s)", f.Boundary.From)
	case scan.Hidden:
		fmt.Fprintf(&b, "hidden inside another instruction (not on an instruction boundary): inside the %d-byte instruction at %s", f.Boundary.WithinLen, f.Boundary.Within)
	default:
		fmt.Fprintf(&b, "boundary unknown: %s", f.Boundary.Reason)
	}
	if f.SymbolDefs > 1 && slices.Contains(r.allow, f.Symbol) {
		fmt.Fprintf(&b, "; --allow %s does not apply: the object defines %d symbols of that name", f.Symbol, f.SymbolDefs)
	}
	return b.String()
}

func (r *report) summary() string {
	var parts []string
	if len(r.findings) == 0 {
		parts = append(parts, fmt.Sprintf("no PKRU-writing instructions in %s", plural(len(r.files), "file")))
	} else {
		var hidden, unknown int
		inFiles := map[string]bool{}
		for _, f := range r.findings {
			inFiles[f.File] = true
			switch f.Boundary.Placement {
			case scan.Hidden:
				hidden++
			case scan.BoundaryUnknown:
				unknown++
			}
		}
		parts = append(parts, fmt.Sprintf("%s in %d of %s (on a boundary: %d, hidden: %d, boundary unknown: %d)",
			plural(len(r.findings), "PKRU-writing instruction"), len(inFiles), plural(len(r.files), "file"), len(r.findings)-hidden-unknown, hidden, unknown))
	}
	if len(r.suppressed) > 0 {
		parts = append(parts, fmt.Sprintf("%d suppressed by --allow", len(r.suppressed)))
	}
	if len(r.staleAllows) > 0 {
		parts = append(parts, fmt.Sprintf("%s suppressed nothing", plural(len(r.staleAllows), "--allow entry")))
	}
	if r.unchecked > 0 {
		parts = append(parts, fmt.Sprintf("%s could not be checked fully (see errors above)", plural(r.unchecked, "file")))
	}
	return strings.Join(parts, "; ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// jsonFinding is the --json form of a finding. Optional fields are omitted
// rather than zero, so a consumer can tell "no symbol" from a symbol at 0.
type jsonFinding struct {
	File         string  `json:"file"`
	Member       string  `json:"member,omitempty"`
	Section      string  `json:"section"`
	Offset       uint64  `json:"offset"`
	Address      *uint64 `json:"address,omitempty"`
	Symbol       string  `json:"symbol,omitempty"`
	SymbolOffset *uint64 `json:"symbol_offset,omitempty"`
	// SymbolDefinitions counts symbols of that name in the object; an
	// --allow applies only when it is 1.
	SymbolDefinitions int    `json:"symbol_definitions,omitempty"`
	Kind              string `json:"kind"`
	Bytes             string `json:"bytes"`
	Boundary          string `json:"boundary"` // "on", "hidden" or "unknown"
	SweepFrom         string `json:"sweep_from,omitempty"`
	Within            string `json:"within,omitempty"`
	WithinLength      int    `json:"within_length,omitempty"`
	Reason            string `json:"reason,omitempty"`
}

type jsonReport struct {
	Files       []string      `json:"files"`
	Findings    []jsonFinding `json:"findings"`
	Suppressed  []jsonFinding `json:"suppressed"`
	StaleAllows []string      `json:"stale_allows"`
	Errors      []string      `json:"errors"`
}

func (r *report) writeJSON(w io.Writer) {
	out := jsonReport{
		Files:       r.files,
		Findings:    toJSON(r.findings),
		Suppressed:  toJSON(r.suppressed),
		StaleAllows: append([]string{}, r.staleAllows...),
		Errors:      append([]string{}, r.errors...),
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out) // a failed write to stdout has nowhere better to be reported
}

func toJSON(fs []scan.Finding) []jsonFinding {
	out := []jsonFinding{}
	for _, f := range fs {
		j := jsonFinding{
			File: f.File, Member: f.Member, Section: f.Section, Offset: f.Offset,
			Symbol: f.Symbol, SymbolDefinitions: f.SymbolDefs, Kind: string(f.Kind), Bytes: fmt.Sprintf("%x", f.Bytes),
			SweepFrom: f.Boundary.From, Within: f.Boundary.Within, WithinLength: f.Boundary.WithinLen, Reason: f.Boundary.Reason,
		}
		if f.HasAddr {
			j.Address = &f.Addr
		}
		if f.Symbol != "" {
			j.SymbolOffset = &f.SymbolOffset
		}
		switch f.Boundary.Placement {
		case scan.OnBoundary:
			j.Boundary = "on"
		case scan.Hidden:
			j.Boundary = "hidden"
		default:
			j.Boundary = "unknown"
		}
		out = append(out, j)
	}
	return out
}
