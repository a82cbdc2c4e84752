// Package mpkmodes checks go/mpk's modes from the outside: this test binary
// imports go/mpk and re-executes itself under each GALEED_MODE. It holds on
// any host, comparing what the child did with what pkeys.HostSupport says
// the host can do; Bazel runs it natively (a host without PKU here) and in
// the PKU VM.
package mpkmodes

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/galeed-go/galeed/go/mpk"
	"github.com/galeed-go/galeed/go/pkeys"
)

const childEnv = "MPKMODES_CHILD"

// The child's one line of stdout: what go/mpk says about it.
const ranLine = "child ran: "

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		if key, err := mpk.Protected(); err != nil {
			fmt.Printf("%smode %s, %v\n", ranLine, mpk.Mode(), err)
		} else {
			fmt.Printf("%smode %s, protected with key %d\n", ranLine, mpk.Mode(), key)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

type run struct {
	out    string
	status syscall.WaitStatus
}

func runChild(t *testing.T, env ...string) run {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), append([]string{childEnv + "=1"}, env...)...)
	out, err := cmd.CombinedOutput()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		t.Fatal(err)
	}
	r := run{string(out), cmd.ProcessState.Sys().(syscall.WaitStatus)}
	t.Logf("%s: %v\n%s", strings.Join(env, " "), r.status, r.out)
	return r
}

func (r run) wantRan(t *testing.T, what string) {
	t.Helper()
	if !r.status.Exited() || r.status.ExitStatus() != 0 || !strings.Contains(r.out, ranLine+what) {
		t.Errorf("want a clean run reporting %q", ranLine+what)
	}
}

func (r run) wantAborted(t *testing.T, message string) {
	t.Helper()
	if !r.status.Signaled() || r.status.Signal() != syscall.SIGABRT {
		t.Errorf("want an abort at start, got %v", r.status)
	}
	if strings.Contains(r.out, ranLine) {
		t.Error("the program ran")
	}
	if !strings.Contains(r.out, message) {
		t.Errorf("output lacks %q", message)
	}
}

func (r run) galeedLines() []string {
	var lines []string
	for _, l := range strings.Split(r.out, "\n") {
		if strings.HasPrefix(l, "galeed:") {
			lines = append(lines, l)
		}
	}
	return lines
}

// wantNotice asserts GALEED_VERBOSE's one line, which starts with prefix.
func (r run) wantNotice(t *testing.T, prefix string) {
	t.Helper()
	lines := r.galeedLines()
	if len(lines) != 1 || !strings.HasPrefix(lines[0], prefix) {
		t.Errorf("want one galeed line starting %q, got %q", prefix, lines)
	}
}

func TestOffRunsUnprotected(t *testing.T) {
	r := runChild(t, "GALEED_MODE=off", "GALEED_VERBOSE=1")
	r.wantRan(t, "mode off, galeed: Go memory is not protected: GALEED_MODE=off")
	r.wantNotice(t, "galeed: off: Go memory is NOT protected: GALEED_MODE=off")
}

func TestEnforce(t *testing.T) {
	r := runChild(t, "GALEED_MODE=enforce", "GALEED_VERBOSE=1")
	if err := pkeys.HostSupport(); err != nil {
		r.wantRan(t, "mode enforce, galeed: Go memory is not protected: "+err.Error())
		r.wantNotice(t, "galeed: enforce: Go memory is NOT protected: "+err.Error())
		return
	}
	r.wantRan(t, "mode enforce, protected with key ")
	r.wantNotice(t, "galeed: enforce: Go runtime memory carries pkey ")
}

func TestEnforceIsTheDefault(t *testing.T) {
	runChild(t, "GALEED_MODE=").wantRan(t, "mode enforce, ")
}

func TestRequire(t *testing.T) {
	r := runChild(t, "GALEED_MODE=require", "GALEED_VERBOSE=1")
	if err := pkeys.HostSupport(); err != nil {
		r.wantAborted(t, "galeed: GALEED_MODE=require: cannot protect Go memory: "+err.Error())
		return
	}
	r.wantRan(t, "mode require, protected with key ")
	r.wantNotice(t, "galeed: require: Go runtime memory carries pkey ")
}

func TestUnknownModeAborts(t *testing.T) {
	runChild(t, "GALEED_MODE=enforcing").wantAborted(t, "galeed: GALEED_MODE=enforcing is not one of enforce, off, require")
}

func TestQuietWithoutVerbose(t *testing.T) {
	r := runChild(t, "GALEED_MODE=off")
	r.wantRan(t, "mode off, ")
	if len(r.galeedLines()) != 0 {
		t.Error("a galeed line without GALEED_VERBOSE=1")
	}
}
