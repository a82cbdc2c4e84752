package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/galeed-go/galeed/tools/vm/control"
)

// outputs are where the test's environment tells it to leave files for the
// host, as Bazel's test encyclopedia defines them; empty when unset.
type outputs struct {
	xml        string // XML_OUTPUT_FILE
	undeclared string // TEST_UNDECLARED_OUTPUTS_DIR
}

func outputsOf(env []string) outputs {
	return outputs{xml: getenv(env, "XML_OUTPUT_FILE"), undeclared: getenv(env, "TEST_UNDECLARED_OUTPUTS_DIR")}
}

// getenv returns the value of key in env. Like libc's getenv and Go's
// os.Getenv, it takes the first of duplicate entries, so init and the test
// agree.
func getenv(env []string, key string) string {
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// prepare creates the directories the test will write into; Bazel creates
// them before a test starts, and tests rely on that.
func (o outputs) prepare() error {
	for _, dir := range []string{filepath.Dir(o.xml), o.undeclared} {
		if dir == "." || dir == "" {
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// send sends the XML file, if the test wrote one, and every regular file
// under the undeclared outputs directory, named by their paths relative to
// base.
func (o outputs) send(w *control.Writer, base string) error {
	if o.xml != "" {
		err := sendFile(w, base, o.xml)
		if err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	if o.undeclared == "" {
		return nil
	}
	return filepath.WalkDir(o.undeclared, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		return sendFile(w, base, p)
	})
}

func sendFile(w *control.Writer, base, p string) error {
	rel, err := filepath.Rel(base, p)
	if err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("%s is outside %s, where the host collects outputs from", p, base)
	}
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	return w.File(filepath.ToSlash(rel), info.Size(), f)
}

// describe says in words how the test ended.
func describe(status unix.WaitStatus) string {
	if status.Signaled() {
		return fmt.Sprintf("was killed by signal %s (%d)", signalName(status.Signal()), status.Signal())
	}
	return fmt.Sprintf("exited with code %d", status.ExitStatus())
}

// sendResult sends the result record for the test's wait status.
func sendResult(w *control.Writer, status unix.WaitStatus) error {
	switch {
	case status.Exited():
		return w.Exit(status.ExitStatus())
	case status.Signaled():
		return w.Signal(int(status.Signal()), signalName(status.Signal()))
	}
	return fmt.Errorf("the test neither exited nor was killed (wait status %#x)", uint32(status))
}

// signalName names sig like "SIGSEGV", including signals unix has no name
// for, such as real-time signals.
func signalName(sig unix.Signal) string {
	if name := unix.SignalName(sig); name != "" {
		return name
	}
	return fmt.Sprintf("SIG%d", int(sig))
}
