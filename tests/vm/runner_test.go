// Package vm_test checks the VM test runner end to end, through the same
// launcher galeed_vm_test generates: the launcher finds the runner in its
// runfiles, the runner boots the real kernel under qemu with the initramfs
// Bazel built around tests/vm/probe, and this test checks that arguments,
// environment, outputs, exit codes, signals and time limits cross between
// host and guest. Each boot takes a few seconds.
//
// The launcher's path comes from the -launcher flag, which Bazel passes as a
// $(rootpath) value.
package vm_test

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var launcherPath = flag.String("launcher", "", "the galeed_vm_binary launcher around tests/vm/probe")

// result is what one run of the runner produced.
type result struct {
	stdout, stderr string
	code           int
	elapsed        time.Duration
}

// runRunner runs the launcher with the probe actions args and, on top of the
// test's own environment cleaned of Bazel's per-test variables, env.
func runRunner(t *testing.T, env []string, args ...string) result {
	t.Helper()
	if *launcherPath == "" {
		t.Fatal("needs -launcher; the Bazel target passes it")
	}
	cmd := exec.Command(locate(t, *launcherPath), args...)
	// This test's own XML file, outputs directory and time limit belong
	// to Bazel; the runner under test must not see them.
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "XML_OUTPUT_FILE", "TEST_UNDECLARED_OUTPUTS_DIR", "TEST_TIMEOUT", "TESTBRIDGE_TEST_ONLY", "GALEED_VM_MODE":
		default:
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String(), elapsed: time.Since(start)}
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		r.code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("running the runner: %v", err)
	}
	t.Logf("runner exited %d after %v\nstdout:\n%s\nstderr:\n%s", r.code, r.elapsed.Round(time.Millisecond), r.stdout, r.stderr)
	return r
}

// locate turns a $(rootpath) value into an absolute path. rootpaths are
// relative to the main workspace's runfiles directory, while go_test runs
// in its package's directory.
func locate(t *testing.T, p string) string {
	t.Helper()
	if srcdir, ws := os.Getenv("TEST_SRCDIR"), os.Getenv("TEST_WORKSPACE"); !filepath.IsAbs(p) && srcdir != "" && ws != "" {
		p = filepath.Join(srcdir, ws, p)
	}
	p, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func expect(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(s, want) {
			t.Errorf("%s lacks %q", what, want)
		}
	}
}

func TestArgumentsEnvironmentOutputsAndExitCode(t *testing.T) {
	out := t.TempDir()
	xml := filepath.Join(out, "xml", "test.xml")
	undeclared := filepath.Join(out, "undeclared")
	r := runRunner(t, []string{
		"GALEED_VM_MODE=vm",
		"TESTBRIDGE_TEST_ONLY=TestPKU/write_denied",
		"XML_OUTPUT_FILE=" + xml,
		"TEST_UNDECLARED_OUTPUTS_DIR=" + undeclared,
		"RUNFILES_MANIFEST_FILE=/host/only/MANIFEST",
	},
		"arg=two words", "arg=-test.v", "args",
		"env=TESTBRIDGE_TEST_ONLY", "env=RUNFILES_MANIFEST_FILE", "env=TEST_TMPDIR", "env=XML_OUTPUT_FILE",
		"xml=<testsuites><testsuite name=\"probe\"/></testsuites>",
		"undeclared=report.txt=from the guest",
		"exit=3")
	if r.code != 3 {
		t.Errorf("exit code %d, want the guest test's 3", r.code)
	}
	expect(t, "the guest's output", r.stdout,
		`args: ["arg=two words","arg=-test.v","args",`,
		"env TESTBRIDGE_TEST_ONLY=TestPKU/write_denied\n",
		"env RUNFILES_MANIFEST_FILE unset\n",
		"env TEST_TMPDIR=/tmp\n",
		"env XML_OUTPUT_FILE=/galeed/out/test.xml\n")
	expect(t, "the runner's messages", r.stderr,
		"galeed-vm: GALEED_VM_MODE=vm; running", "-cpu max (TCG software emulation", "galeed-vm: guest finished in")
	for name, want := range map[string]string{
		xml:                                     `<testsuites><testsuite name="probe"/></testsuites>`,
		filepath.Join(undeclared, "report.txt"): "from the guest",
	} {
		if got, err := os.ReadFile(name); err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestSignal(t *testing.T) {
	r := runRunner(t, []string{"GALEED_VM_MODE=vm"}, "signal=SIGABRT")
	if r.code != 128+6 {
		t.Errorf("exit code %d, want 134 (128+SIGABRT)", r.code)
	}
	expect(t, "the runner's messages", r.stderr, "galeed-vm: test binary killed by signal SIGABRT (6)")
}

func TestTimeLimit(t *testing.T) {
	const testTimeout = 10 * time.Second
	r := runRunner(t, []string{"GALEED_VM_MODE=vm", "TEST_TIMEOUT=10"}, "hang")
	if r.code != 1 {
		t.Errorf("exit code %d, want 1", r.code)
	}
	if r.elapsed >= testTimeout {
		t.Errorf("the runner took %v, not less than TEST_TIMEOUT=%v: Bazel would have killed it first", r.elapsed, testTimeout)
	}
	expect(t, "the runner's messages", r.stderr,
		"galeed-vm: killed the guest after", "TEST_TIMEOUT=10", "the test did not finish in time",
		"galeed-vm: end of the guest's console log:")
}

// TestNativeMode runs the probe without a VM, as on a host with PKU.
func TestNativeMode(t *testing.T) {
	r := runRunner(t, []string{"GALEED_VM_MODE=native"}, "arg=x", "args", "exit=3")
	if r.code != 3 || !strings.Contains(r.stdout, `args: ["arg=x","args","exit=3"]`) {
		t.Errorf("got exit %d, output %q; want exit 3 and the arguments", r.code, r.stdout)
	}
	if strings.Contains(r.stderr, "qemu") {
		t.Errorf("native mode mentioned qemu: %s", r.stderr)
	}
}
