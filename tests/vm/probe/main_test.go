package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets the tests run this binary as the probe itself.
func TestMain(m *testing.M) {
	if os.Getenv("PROBE_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// probe runs the probe with args and returns its output and wait status.
func probe(t *testing.T, env []string, args ...string) (string, syscall.WaitStatus) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), append(env, "PROBE_TEST_RUN_MAIN=1")...)
	out, err := cmd.CombinedOutput()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		t.Fatal(err)
	}
	return string(out), cmd.ProcessState.Sys().(syscall.WaitStatus)
}

func TestPrintsAndExits(t *testing.T) {
	out, status := probe(t, []string{"PROBE_VAR=v"}, "arg=a b", "args", "env=PROBE_VAR", "env=PROBE_UNSET", "exit=3", "args")
	want := "args: [\"arg=a b\",\"args\",\"env=PROBE_VAR\",\"env=PROBE_UNSET\",\"exit=3\",\"args\"]\nenv PROBE_VAR=v\nenv PROBE_UNSET unset\n"
	if out != want || status.ExitStatus() != 3 {
		t.Errorf("got %q, exit %d; want %q, exit 3 (and nothing after exit)", out, status.ExitStatus(), want)
	}
}

func TestSignal(t *testing.T) {
	out, status := probe(t, nil, "signal=SIGABRT")
	if !status.Signaled() || status.Signal() != syscall.SIGABRT {
		t.Errorf("status %v (output %q), want death by SIGABRT", status, out)
	}
}

func TestWritesOutputs(t *testing.T) {
	dir := t.TempDir()
	xml := filepath.Join(dir, "test.xml")
	out, status := probe(t, []string{"XML_OUTPUT_FILE=" + xml, "TEST_UNDECLARED_OUTPUTS_DIR=" + dir},
		"xml=<testsuites/>", "undeclared=u.txt=a=b")
	if status.ExitStatus() != 0 {
		t.Fatalf("exit %d: %s", status.ExitStatus(), out)
	}
	for name, want := range map[string]string{xml: "<testsuites/>", filepath.Join(dir, "u.txt"): "a=b"} {
		if got, err := os.ReadFile(name); err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
		}
	}
}

func TestRejectsUnknownActions(t *testing.T) {
	out, status := probe(t, nil, "exti=3")
	if status.ExitStatus() != 2 || !strings.Contains(out, "unknown action") {
		t.Errorf("got %q, exit %d; want an unknown-action error and exit 2", out, status.ExitStatus())
	}
}
