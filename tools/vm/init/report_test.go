package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"

	"github.com/galeed-go/galeed/tools/vm/control"
)

// startShell starts /bin/sh -c script as a child of the test process.
func startShell(t *testing.T, script string) int {
	t.Helper()
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", script}, &syscall.ProcAttr{})
	if err != nil {
		t.Fatalf("cannot run /bin/sh: %v", err)
	}
	return pid
}

// TestResultFromRealChildren maps the wait statuses of real processes.
func TestResultFromRealChildren(t *testing.T) {
	for _, tc := range []struct {
		script string
		want   control.Result
	}{
		{"exit 3", control.Result{Kind: control.Exited, Code: 3}},
		{"exit 0", control.Result{Kind: control.Exited, Code: 0}},
		{"kill -ABRT $$", control.Result{Kind: control.Signaled, Code: 6, Signal: "SIGABRT"}},
		{"kill -SEGV $$", control.Result{Kind: control.Signaled, Code: 11, Signal: "SIGSEGV"}},
	} {
		status, err := reap(startShell(t, tc.script))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := sendResult(control.NewWriter(&buf), status); err != nil {
			t.Fatal(err)
		}
		got, err := control.Parse(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %+v, want %+v", tc.script, got, tc.want)
		}
	}
}

func TestResultOfOddStatuses(t *testing.T) {
	var buf bytes.Buffer
	w := control.NewWriter(&buf)
	// A real-time signal, which has no name in package unix.
	if err := sendResult(w, unix.WaitStatus(34)); err != nil || !strings.Contains(buf.String(), "signal 34 SIG34") {
		t.Errorf("signal 34: got %q, %v", buf.String(), err)
	}
	stopped := unix.WaitStatus(0x7f | int(unix.SIGSTOP)<<8)
	if err := sendResult(w, stopped); err == nil {
		t.Error("a stopped child was reported as a result")
	}
}

// TestReapCollectsOrphans checks that reap also collects children other than
// the one it waits for, as PID 1 must.
func TestReapCollectsOrphans(t *testing.T) {
	other := startShell(t, "exit 1")
	test := startShell(t, "sleep 0.2; exit 7")
	status, err := reap(test)
	if err != nil || status.ExitStatus() != 7 {
		t.Fatalf("reap = %v, %v; want exit status 7", status, err)
	}
	if _, err := unix.Wait4(other, nil, unix.WNOHANG, nil); !errors.Is(err, unix.ECHILD) {
		t.Errorf("the other child was not reaped: wait4 = %v", err)
	}
}

func TestOutputs(t *testing.T) {
	base := t.TempDir()
	env := []string{
		"XML_OUTPUT_FILE=" + filepath.Join(base, "test.xml"),
		"TEST_UNDECLARED_OUTPUTS_DIR=" + filepath.Join(base, "undeclared"),
		"XML_OUTPUT_FILE=/ignored/duplicate",
	}
	outs := outputsOf(env)
	if err := outs.prepare(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(outs.xml, []byte("<testsuites/>"), 0o644)
	os.MkdirAll(filepath.Join(outs.undeclared, "sub"), 0o755)
	os.WriteFile(filepath.Join(outs.undeclared, "sub", "b.txt"), []byte("b"), 0o644)
	os.WriteFile(filepath.Join(outs.undeclared, "a.txt"), []byte("a"), 0o644)
	os.Symlink("a.txt", filepath.Join(outs.undeclared, "link")) // not a regular file: skipped

	var buf bytes.Buffer
	w := control.NewWriter(&buf)
	if err := outs.send(w, base); err != nil {
		t.Fatal(err)
	}
	w.Exit(0)
	got, err := control.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []control.File{
		{Path: "test.xml", Data: []byte("<testsuites/>")},
		{Path: "undeclared/a.txt", Data: []byte("a")},
		{Path: "undeclared/sub/b.txt", Data: []byte("b")},
	}
	if !reflect.DeepEqual(got.Files, want) {
		t.Errorf("sent %q, want %q", got.Files, want)
	}
}

func TestOutputsEdgeCases(t *testing.T) {
	base := t.TempDir()
	// A test that writes no XML and has no undeclared outputs sends nothing.
	none := outputsOf([]string{"XML_OUTPUT_FILE=" + filepath.Join(base, "test.xml")})
	var buf bytes.Buffer
	if err := none.send(control.NewWriter(&buf), base); err != nil || buf.Len() != 0 {
		t.Errorf("no outputs: sent %q, %v", buf.String(), err)
	}
	// Outputs outside base cannot be named for the host.
	outside := filepath.Join(t.TempDir(), "test.xml")
	os.WriteFile(outside, nil, 0o644)
	err := outputsOf([]string{"XML_OUTPUT_FILE=" + outside}).send(control.NewWriter(&buf), base)
	if err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("XML outside the output directory: got %v", err)
	}
}

func TestMakeRaw(t *testing.T) {
	cooked := unix.Termios{
		Iflag: unix.ICRNL | unix.IXON,
		Oflag: unix.OPOST | unix.ONLCR,
		Lflag: unix.ECHO | unix.ICANON | unix.ISIG,
		Cflag: unix.CS7 | unix.PARENB | unix.CREAD,
	}
	raw := cooked
	makeRaw(&raw)
	if raw.Oflag&unix.OPOST != 0 || raw.Iflag&unix.ICRNL != 0 || raw.Lflag&(unix.ECHO|unix.ICANON) != 0 {
		t.Errorf("makeRaw left translation or echo on: %+v", raw)
	}
	if raw.Cflag&unix.CSIZE != unix.CS8 || raw.Cflag&unix.PARENB != 0 || raw.Cflag&unix.CREAD == 0 {
		t.Errorf("makeRaw: Cflag %#o, want 8 bits, no parity, CREAD kept", raw.Cflag)
	}
}
