package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/galeed-go/galeed/tools/internal/hostcc"
)

// inputs builds testdata/cli.c into pkru.o (two findings) and clean.o, and
// writes garbage.o, and returns their paths.
func inputs(t *testing.T) (pkru, clean, garbage string) {
	t.Helper()
	dir := t.TempDir()
	src, err := filepath.Abs("testdata/cli.c")
	if err != nil {
		t.Fatal(err)
	}
	// No CET: an endbr64 would move the gate off offset 0, which the
	// expected output spells out.
	hostcc.CC(t, dir, "-O2", "-fcf-protection=none", "-c", src, "-o", "pkru.o")
	hostcc.CC(t, dir, "-O2", "-fcf-protection=none", "-DCLEAN", "-c", src, "-o", "clean.o")
	garbage = filepath.Join(dir, "garbage.o")
	if err := os.WriteFile(garbage, []byte("not an object\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "pkru.o"), filepath.Join(dir, "clean.o"), garbage
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitCodesAndText(t *testing.T) {
	pkru, clean, garbage := inputs(t)
	for _, tc := range []struct {
		name      string
		args      []string
		code      int
		stdout    []string // substrings, in order
		notStdout string
		stderr    string
	}{
		{
			name:   "clean",
			args:   []string{clean},
			code:   0,
			stdout: []string{"pkruscan: SUMMARY: no PKRU-writing instructions in 1 file\n"},
		},
		{
			name: "findings",
			args: []string{clean, pkru},
			code: 1,
			stdout: []string{
				"pkruscan: " + pkru + ": .text+0x0 (cli_gate+0x0): WRPKRU 0f 01 ef — on an instruction boundary (linear sweep from cli_gate)\n",
				"(cli_hidden+0x1): WRPKRU 0f 01 ef — hidden inside another instruction (not on an instruction boundary): inside the 5-byte instruction at cli_hidden+0x0\n",
				"pkruscan: SUMMARY: 2 PKRU-writing instructions in 1 of 2 files (on a boundary: 1, hidden: 1, boundary unknown: 0)\n",
			},
		},
		{
			name:      "allowed gate, hidden sequence still reported",
			args:      []string{"--allow", "cli_gate", pkru},
			code:      1,
			stdout:    []string{"(cli_hidden+0x1)", "1 PKRU-writing instruction in 1 of 1 file", "; 1 suppressed by --allow\n"},
			notStdout: "(cli_gate+",
		},
		{
			name:   "stale allow fails a clean run",
			args:   []string{"--allow", "cli_gate", clean},
			code:   1,
			stdout: []string{"pkruscan: --allow cli_gate suppressed nothing: remove it", "no PKRU-writing instructions in 1 file; 1 --allow entry suppressed nothing\n"},
		},
		{
			name:   "unreadable input outranks findings",
			args:   []string{pkru, garbage},
			code:   2,
			stdout: []string{"(cli_gate+0x0)", "; 1 file could not be checked fully (see errors above)\n"},
			stderr: "pkruscan: " + garbage + ": not an ELF file or ar archive",
		},
		{name: "no files", args: nil, code: 2, stderr: "usage: pkruscan [--json] [--allow SYMBOL]... FILE..."},
		{name: "unknown flag", args: []string{"--allow-file", "x", pkru}, code: 2, stderr: "flag provided but not defined: -allow-file"},
		{name: "empty allow", args: []string{"--allow", "", pkru}, code: 2, stderr: "needs a symbol name"},
		{name: "help", args: []string{"--help"}, code: 0, stderr: "usage: pkruscan"},
	} {
		code, stdout, stderr := runCLI(tc.args...)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tc.name, code, tc.code, stdout, stderr)
		}
		rest := stdout
		for _, s := range tc.stdout {
			i := strings.Index(rest, s)
			if i < 0 {
				t.Errorf("%s: stdout lacks %q (in order)\n%s", tc.name, s, stdout)
				break
			}
			rest = rest[i+len(s):]
		}
		if tc.notStdout != "" && strings.Contains(stdout, tc.notStdout) {
			t.Errorf("%s: stdout has %q:\n%s", tc.name, tc.notStdout, stdout)
		}
		if !strings.Contains(stderr, tc.stderr) || (tc.stderr == "" && stderr != "") {
			t.Errorf("%s: stderr %q, want %q", tc.name, stderr, tc.stderr)
		}
	}
}

func TestJSON(t *testing.T) {
	pkru, clean, garbage := inputs(t)
	code, stdout, _ := runCLI("--json", "--allow", "cli_gate", "--allow", "gone", pkru, garbage)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	var shape map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &shape); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, stdout)
	}
	if keys := sortedKeys(shape); !slices.Equal(keys, []string{"errors", "files", "findings", "stale_allows", "suppressed"}) {
		t.Errorf("top-level keys %q", keys)
	}
	var r struct {
		Files       []string
		Findings    []map[string]any
		Suppressed  []map[string]any
		StaleAllows []string `json:"stale_allows"`
		Errors      []string
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Files, []string{pkru, garbage}) || !slices.Equal(r.StaleAllows, []string{"gone"}) ||
		len(r.Errors) != 1 || !strings.HasPrefix(r.Errors[0], garbage+": ") ||
		len(r.Suppressed) != 1 || r.Suppressed[0]["symbol"] != "cli_gate" || len(r.Findings) != 1 {
		t.Fatalf("unexpected report:\n%s", stdout)
	}
	hidden := r.Findings[0]
	if keys := sortedKeys(hidden); !slices.Equal(keys, []string{"boundary", "bytes", "file", "kind", "offset", "section", "sweep_from", "symbol", "symbol_definitions", "symbol_offset", "within", "within_length"}) {
		t.Errorf("finding keys %q (an object file has no address and no member)", keys)
	}
	for key, want := range map[string]any{
		"file": pkru, "section": ".text", "symbol": "cli_hidden", "symbol_offset": 1.0, "kind": "WRPKRU",
		"bytes": "0f01ef", "boundary": "hidden", "sweep_from": "cli_hidden", "within": "cli_hidden+0x0", "within_length": 5.0, "symbol_definitions": 1.0,
	} {
		if hidden[key] != want {
			t.Errorf("finding[%q] = %v, want %v", key, hidden[key], want)
		}
	}
	if r.Suppressed[0]["boundary"] != "on" {
		t.Errorf("allowed gate: boundary %v, want on", r.Suppressed[0]["boundary"])
	}

	// A clean run still prints every list, empty rather than null.
	if code, stdout, _ := runCLI("--json", clean); code != 0 || !strings.Contains(stdout, `"findings": []`) || !strings.Contains(stdout, `"errors": []`) {
		t.Errorf("clean --json: exit %d\n%s", code, stdout)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
