package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galeed-go/galeed/tools/internal/hostcc"
)

// binaries builds testdata/cli.c gated, ungated, and with its gates in a
// shared object, and cli_gates.c alone (a binary without wrappers), writes
// a file that is no binary, and returns their paths.
func binaries(t *testing.T) (gated, ungated, plain, text, shared string) {
	t.Helper()
	dir := t.TempDir()
	var src [2]string
	for i, name := range []string{"cli.c", "cli_gates.c"} {
		abs, err := filepath.Abs(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		src[i] = abs
	}
	hostcc.CC(t, dir, "-O2", "-o", "gated", src[0], src[1])
	hostcc.CC(t, dir, "-O2", "-DUNGATED", "-o", "ungated", src[0], src[1])
	hostcc.CC(t, dir, "-O2", "-o", "plain", src[1])
	hostcc.CC(t, dir, "-O2", "-shared", "-fPIC", "-o", "libcligates.so", src[1])
	hostcc.CC(t, dir, "-O2", "-o", "shared", src[0], "-L"+dir, "-lcligates")
	text = filepath.Join(dir, "text")
	if err := os.WriteFile(text, []byte("not a binary\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	at := func(name string) string { return filepath.Join(dir, name) }
	return at("gated"), at("ungated"), at("plain"), text, at("shared")
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestOutputAndExitCodes(t *testing.T) {
	gated, ungated, plain, text, shared := binaries(t)
	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string // exactly
	}{
		{
			name: "gated",
			args: []string{"-label", "//x:gated", gated},
			code: 0,
			stdout: "gatecheck: //x:gated: 3 of 3 cgo wrappers gated (2 Go→C: 1 deny, 0 read-only, 1 read-write; 1 C→Go)\n" +
				"gatecheck: //x:gated: C.rw runs with read-write policy: no isolation\n",
		},
		{
			name: "ungated",
			args: []string{"-label", "//x:ungated", ungated},
			code: 1,
			stdout: "gatecheck: //x:ungated: 0 of 3 cgo wrappers gated (2 Go→C: 0 deny, 0 read-only, 0 read-write; 1 C→Go)\n" +
				"gatecheck: //x:ungated: _cgo_0123456789ab_Cfunc_f (C.f): no galeed_enter_c, no galeed_leave_c\n" +
				"gatecheck: //x:ungated: _cgo_0123456789ab_Cfunc_rw (C.rw): no galeed_enter_c, no galeed_leave_c\n" +
				"gatecheck: //x:ungated: GoF (C→Go export wrapper): no galeed_enter_go, no galeed_leave_go\n" +
				"gatecheck: //x:ungated: 3 of 3 cgo wrappers are not gated: the binary's C was not compiled by the galeed toolchain " +
				"(--config=galeed, which runs llvm_pass's gate passes), or the pass missed them\n",
		},
		{
			name: "gates in a shared object",
			args: []string{"-label", "//x:shared", shared},
			code: 0,
			stdout: "gatecheck: //x:shared: 3 of 3 cgo wrappers gated (2 Go→C: 1 deny, 0 read-only, 1 read-write; 1 C→Go)\n" +
				"gatecheck: //x:shared: C.rw runs with read-write policy: no isolation\n" +
				"gatecheck: //x:shared: galeed_enter_c is called through the PLT or GOT: it comes from a shared object, which gatecheck does not check\n" +
				"gatecheck: //x:shared: galeed_leave_c is called through the PLT or GOT: it comes from a shared object, which gatecheck does not check\n" +
				"gatecheck: //x:shared: galeed_enter_go is called through the PLT or GOT: it comes from a shared object, which gatecheck does not check\n" +
				"gatecheck: //x:shared: galeed_leave_go is called through the PLT or GOT: it comes from a shared object, which gatecheck does not check\n",
		},
		{name: "no wrappers", args: []string{plain}, code: 0},
		{
			name:   "no wrappers, verbose",
			args:   []string{"-v", plain},
			code:   0,
			stdout: "gatecheck: " + plain + ": 0 of 0 cgo wrappers gated (0 Go→C: 0 deny, 0 read-only, 0 read-write; 0 C→Go)\n",
		},
		{
			name:   "not a binary outranks ungated",
			args:   []string{text, ungated},
			code:   2,
			stdout: "gatecheck: " + ungated + ": 0 of 3 cgo wrappers gated",
			stderr: "gatecheck: " + text + ": not an ELF file\n",
		},
		{name: "label and error", args: []string{"-label", "//x:text", text}, code: 2, stderr: "gatecheck: //x:text: " + text + ": not an ELF file\n"},
		{name: "no binaries", args: nil, code: 2, stderr: "usage: gatecheck [-report FILE] [-label LABEL] [-v] BINARY...\n"},
		{name: "one label, two binaries", args: []string{"-label", "//x:y", gated, plain}, code: 2, stderr: "usage: gatecheck"},
		{name: "unknown flag", args: []string{"-lable", "//x:y", gated}, code: 2, stderr: "flag provided but not defined: -lable\n"},
	} {
		code, stdout, stderr := runCLI(tc.args...)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tc.name, code, tc.code, stdout, stderr)
		}
		// Exact, but for the cases whose expectation is a prefix.
		if stdout != tc.stdout && (tc.code != 2 || !strings.HasPrefix(stdout, tc.stdout)) {
			t.Errorf("%s: stdout\n%s\nwant\n%s", tc.name, stdout, tc.stdout)
		}
		if stderr != tc.stderr && (tc.code != 2 || !strings.HasPrefix(stderr, tc.stderr)) {
			t.Errorf("%s: stderr\n%s\nwant\n%s", tc.name, stderr, tc.stderr)
		}
	}
}

// TestReport checks the -report file, which is written even when the check
// fails or a binary cannot be read.
func TestReport(t *testing.T) {
	gated, ungated, plain, text, _ := binaries(t)
	report := filepath.Join(t.TempDir(), "report.txt")
	if code, _, stderr := runCLI("-report", report, gated, ungated, plain, text); code != 2 {
		t.Fatalf("exit %d, want 2\n%s", code, stderr)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	// Column widths depend on the names; compare with runs of spaces as one.
	got := strings.Join(strings.Fields(string(b)), " ")
	for _, want := range []string{
		"gatecheck report: " + gated + " binary: " + gated + " result: 3 of 3 cgo wrappers gated (2 Go→C: 1 deny, 0 read-only, 1 read-write; 1 C→Go)",
		"kind address wrapper name policy gate calls status",
		"Go→C 0x", " _cgo_0123456789ab_Cfunc_f C.f deny galeed_enter_c+0x", "(deny) galeed_leave_c+0x", " gated",
		"Go→C 0x", " _cgo_0123456789ab_Cfunc_rw C.rw read-write galeed_enter_c+0x", "(read-write) galeed_leave_c+0x", " gated",
		"C→Go 0x", " GoF GoF - galeed_enter_go+0x", " galeed_leave_go+0x", " gated",
		"gate: galeed_enter_c at 0x", "gate: galeed_leave_c at 0x", "gate: galeed_enter_go at 0x", "gate: galeed_leave_go at 0x",
		"gatecheck report: " + ungated + " binary: " + ungated + " result: 0 of 3 cgo wrappers gated",
		" _cgo_0123456789ab_Cfunc_f C.f - - no galeed_enter_c, no galeed_leave_c ",
		// No table for a binary without wrappers.
		"gatecheck report: " + plain + " binary: " + plain + " result: 0 of 0 cgo wrappers gated (0 Go→C: 0 deny, 0 read-only, 0 read-write; 0 C→Go) " +
			"gatecheck report: " + text + " binary: " + text + " result: not checked: " + text + ": not an ELF file",
	} {
		i := strings.Index(got, want)
		if i < 0 {
			t.Fatalf("report lacks %q (in order):\n%s", want, b)
		}
		got = got[i+len(want):]
	}
}
