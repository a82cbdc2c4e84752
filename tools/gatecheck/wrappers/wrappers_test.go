package wrappers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/galeed-go/galeed/tools/internal/hostcc"
)

const hash = "_cgo_0123456789ab_"

// link builds an executable from testdata sources with the host compiler
// and returns its path.
func link(t *testing.T, dir, out string, args ...string) string {
	t.Helper()
	for i, a := range args {
		if strings.HasSuffix(a, ".c") || strings.HasSuffix(a, ".S") {
			abs, err := filepath.Abs(filepath.Join("testdata", a))
			if err != nil {
				t.Fatal(err)
			}
			args[i] = abs
		}
	}
	hostcc.CC(t, dir, append(args, "-o", out)...)
	return filepath.Join(dir, out)
}

func check(t *testing.T, path string) *Binary {
	t.Helper()
	res, err := Check(path)
	if err != nil {
		t.Fatalf("Check(%s): %v", path, err)
	}
	return res
}

func bySymbol(res *Binary) map[string]Wrapper {
	m := map[string]Wrapper{}
	for _, w := range res.Wrappers {
		m[w.Symbol] = w
	}
	return m
}

// Both optimization levels: -O0 sets EDI with `mov edi, 0`, -O2 with
// `xor edi, edi`, and turns a last call into a tail jump.
var optLevels = []string{"-O0", "-O2"}

// gated is what testdata/gated.c holds.
var gated = []struct {
	symbol, name string
	kind         Kind
	policy       Policy
	enters       int
}{
	{hash + "Cfunc_deny_f", "C.deny_f", GoToC, Deny, 1},
	{hash + "Cfunc_ro_f", "C.ro_f", GoToC, ReadOnly, 1},
	{hash + "Cfunc_rw_f", "C.rw_f", GoToC, ReadWrite, 1},
	{hash + "C2func_errno_f", "C.errno_f", GoToC, Deny, 1},
	{hash + "Cmacro_COUNTER", "C.COUNTER", GoToC, Deny, 1},
	{hash + "Cfunc__Cmalloc", "C.malloc", GoToC, Deny, 2},
	{hash + "Cfunc_void_f", "C.void_f", GoToC, Deny, 1},
	{"GoExported", "GoExported", CToGo, Deny, 1},
}

// checkGated checks a binary linked from testdata/gated.c; via says how
// its gates are called.
func checkGated(t *testing.T, path, via string) {
	t.Helper()
	res := check(t, path)
	if !res.OK() || len(res.Problems) > 0 {
		t.Errorf("%s: not OK: %+v", path, res)
	}
	if c := res.Count(); c != (Counts{Wrappers: 8, Gated: 8, GoToC: 7, CToGo: 1, Policies: [3]int{5, 1, 1}}) {
		t.Errorf("%s: counts %+v", path, c)
	}
	got := bySymbol(res)
	for _, w := range gated {
		g, ok := got[w.symbol]
		if !ok {
			t.Errorf("%s: wrapper %s not found", path, w.symbol)
			continue
		}
		enter, leave := EnterC, LeaveC
		if w.kind == CToGo {
			enter, leave = EnterGo, LeaveGo
		}
		var enters, leaves int
		for _, c := range g.Calls {
			if c.Via != via {
				t.Errorf("%s: %s: %s called via %q, want %q", path, w.symbol, c.Gate, c.Via, via)
			}
			switch c.Gate {
			case enter:
				enters++
			case leave:
				leaves++
			}
		}
		if g.Kind != w.kind || g.Name != w.name || g.Policy != w.policy || !g.Gated() || enters != w.enters || leaves != w.enters {
			t.Errorf("%s: %s: %v %s policy %v gated %v problems %q, %d enters, %d leaves; want %v %s policy %v, %d each",
				path, w.symbol, g.Kind, g.Name, g.Policy, g.Gated(), g.Problems, enters, leaves, w.kind, w.name, w.policy, w.enters)
		}
	}
}

// TestGated links testdata/gated.c as a position-independent executable
// (the host's default) and as a fixed-address one, like Go's external
// linker does.
func TestGated(t *testing.T) {
	for _, opt := range optLevels {
		for _, pie := range []string{"-pie", "-no-pie"} {
			path := link(t, t.TempDir(), "gated", opt, pie, "gated.c", "gates.c", "impl.c")
			checkGated(t, path, "")
			res := check(t, path)
			if len(res.Exempt) != 1 || res.Exempt[0].Symbol != "crosscall2_trampoline" {
				t.Errorf("%s %s: exempt %+v, want crosscall2_trampoline alone", opt, pie, res.Exempt)
			}
			for _, g := range res.Gates {
				if !g.Defined || g.Addr == 0 {
					t.Errorf("%s %s: gate %+v not found defined", opt, pie, g)
				}
			}
		}
	}
}

// TestSharedGates takes the gates (and crosscall2) from a shared object:
// calls go through the PLT, or with -fno-plt through the GOT.
func TestSharedGates(t *testing.T) {
	for _, opt := range optLevels {
		dir := t.TempDir()
		link(t, dir, "libgates.so", opt, "-shared", "-fPIC", "gates.c")
		checkGated(t, link(t, dir, "plt", opt, "gated.c", "impl.c", "-L"+dir, "-lgates"), "PLT")
		checkGated(t, link(t, dir, "got", opt, "-fno-plt", "gated.c", "impl.c", "-L"+dir, "-lgates"), "GOT")
	}
}

// ungated maps each wrapper in testdata/ungated.c to its problems, or ""
// for the one that is gated.
var ungated = map[string]string{
	hash + "Cfunc_ok":          "",
	hash + "Cfunc_no_gates":    "no galeed_enter_c, no galeed_leave_c",
	hash + "Cfunc_no_enter":    "no galeed_enter_c",
	hash + "Cfunc_no_leave":    "no galeed_leave_c",
	hash + "C2func_unbalanced": "2 calls of galeed_enter_c but 1 of galeed_leave_c",
	hash + "Cfunc_var_policy":  "cannot read the policy of the galeed_enter_c call at +0x",
	hash + "Cmacro_BAD_POLICY": "cannot read the policy of the galeed_enter_c call at +0x",
	hash + "Cfunc_branchy":     "cannot read the policy of the galeed_enter_c call at +0x",
	"GoUngated":                "no galeed_enter_go, no galeed_leave_go",
	"GoTail":                   "no galeed_enter_go, no galeed_leave_go",
	"GoUndecodable":            "cannot decode its instructions at +0x0 (opcode 06 is undefined in 64-bit mode), so its calls are unknown; no galeed_enter_go, no galeed_leave_go",
}

func TestUngated(t *testing.T) {
	for _, opt := range optLevels {
		res := check(t, link(t, t.TempDir(), "ungated", opt, "ungated.c", "gates.c", "impl.c"))
		if res.OK() {
			t.Errorf("%s: OK", opt)
		}
		if c := res.Count(); c.Wrappers != len(ungated) || c.Gated != 1 || c.CToGo != 3 {
			t.Errorf("%s: counts %+v", opt, c)
		}
		got := bySymbol(res)
		for symbol, want := range ungated {
			w, ok := got[symbol]
			problems := strings.Join(w.Problems, "; ")
			switch {
			case !ok:
				t.Errorf("%s: wrapper %s not found", opt, symbol)
			case want == "" && !w.Gated():
				t.Errorf("%s: %s: %s", opt, symbol, problems)
			case !strings.HasPrefix(problems, want) || (!strings.HasSuffix(want, "+0x") && problems != want):
				t.Errorf("%s: %s: problems %q, want %q", opt, symbol, problems, want)
			}
		}
		if len(res.Problems) != 1 || !strings.Contains(res.Problems[0], "outside every function symbol, may call crosscall2") {
			t.Errorf("%s: problems %q, want the call of crosscall2 at unsized_label", opt, res.Problems)
		}
	}
}

// policies maps each wrapper in testdata/policy.S to the policy it passes,
// or to the start of the error reading it.
var policies = map[string]any{
	"xor31":    Deny,
	"xor33":    Deny,
	"xor64":    Deny,
	"mov":      ReadOnly,
	"movc7":    ReadWrite,
	"mov64":    ReadOnly,
	"movabs":   ReadWrite,
	"keeps":    ReadOnly,
	"none":     "nothing sets EDI between the wrapper's start and the call",
	"r15":      "nothing sets EDI",
	"movreg":   "EDI is last written at +0x0 (89 c7)",
	"mov16":    "EDI is last written at +0x5 (66 bf 01 00)",
	"dil":      "EDI is last written at +0x5 (40 b7 00)",
	"load":     "EDI is last written at +0x5 (8b 7c 24 08)",
	"call":     "the call at +0x5",
	"label":    "its straight-line run starts at the branch target +0x",
	"seven":    "EDI is 7 (set at +0x0 (bf 07 00 00 00)), which is not a policy",
	"negative": "EDI is -1",
}

func TestPolicyEncodings(t *testing.T) {
	res := check(t, link(t, t.TempDir(), "policy", "policy.S", "gates.c", "impl.c"))
	got := bySymbol(res)
	for name, want := range policies {
		w, ok := got[hash+"Cfunc_"+name]
		if !ok {
			t.Errorf("%s: not found", name)
			continue
		}
		switch want := want.(type) {
		case Policy:
			if !w.Gated() || w.Policy != want {
				t.Errorf("%s: policy %v, problems %q; want %v", name, w.Policy, w.Problems, want)
			}
		case string:
			prefix := "cannot read the policy of the galeed_enter_c call at +0x"
			if len(w.Problems) != 1 || !strings.HasPrefix(w.Problems[0], prefix) || !strings.Contains(w.Problems[0], ": "+want) {
				t.Errorf("%s: problems %q, want %q...: %q", name, w.Problems, prefix, want)
			}
		}
	}
}

func TestNoWrappers(t *testing.T) {
	res := check(t, link(t, t.TempDir(), "plain", "plain.c"))
	if !res.OK() || res.Count() != (Counts{}) || len(res.Gates) != 0 {
		t.Errorf("plain C program: %+v", res)
	}
}

func TestGatesMissing(t *testing.T) {
	res := check(t, link(t, t.TempDir(), "nogates", "nogates.c"))
	want := "the binary has cgo wrappers but does not define galeed_enter_c, galeed_leave_c: it does not link go/mpk's gates"
	if res.OK() || len(res.Problems) != 1 || !strings.HasPrefix(res.Problems[0], want) {
		t.Errorf("problems %q, want %q", res.Problems, want)
	}
}

func TestUncheckable(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "text")
	if err := os.WriteFile(text, []byte("not a binary\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hostcc.CC(t, dir, "-c", "-o", "plain.o", must(filepath.Abs("testdata/plain.c")))
	stripped := link(t, dir, "stripped", "-s", "plain.c")
	for path, want := range map[string]string{
		text:                          text + ": not an ELF file",
		filepath.Join(dir, "missing"): "no such file or directory",
		filepath.Join(dir, "plain.o"): "ELF ET_REL, not a linked executable or shared object",
		stripped:                      stripped + ": no symbol table",
	} {
		if _, err := Check(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check(%s): %v, want %q", path, err, want)
		}
	}
}

func must(s string, err error) string {
	if err != nil {
		panic(err)
	}
	return s
}
