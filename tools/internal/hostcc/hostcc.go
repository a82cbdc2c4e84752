// Package hostcc runs the host C toolchain for the tests of galeed-go's
// binary checkers (pkruscan, gatecheck), which build their fixtures from C
// and assembly sources at test time instead of checking in binaries nobody
// can review.
//
// A missing tool fails the test rather than skipping it: a checker whose
// positive cases silently did not run would look exactly like one that
// works.
package hostcc

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// CC runs the C compiler ($CC, default cc) with args in dir.
func CC(t testing.TB, dir string, args ...string) {
	t.Helper()
	run(t, dir, tool("CC", "cc"), args)
}

// AR runs the archiver ($AR, default ar) with args in dir.
func AR(t testing.TB, dir string, args ...string) {
	t.Helper()
	run(t, dir, tool("AR", "ar"), args)
}

// tool returns the command named by environment variable env, or def. $CC
// may carry flags ("ccache gcc", "clang -m64"), so it is split on spaces.
func tool(env, def string) []string {
	if v := strings.Fields(os.Getenv(env)); len(v) > 0 {
		return v
	}
	return []string{def}
}

func run(t testing.TB, dir string, cmd, args []string) {
	t.Helper()
	path, err := exec.LookPath(cmd[0])
	if err != nil {
		t.Fatalf("%s not found (%v): these tests build their fixtures with the host C toolchain; install gcc or clang and binutils, or point $CC/$AR at them", cmd[0], err)
	}
	c := exec.Command(path, append(cmd[1:], args...)...)
	c.Dir = dir
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", strings.Join(cmd, " "), strings.Join(args, " "), err, out)
	}
}
