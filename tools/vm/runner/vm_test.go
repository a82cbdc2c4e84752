package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/galeed-go/galeed/tools/vm/control"
	"github.com/galeed-go/galeed/tools/vm/layout"
)

func TestTimeLimit(t *testing.T) {
	for _, tc := range []struct {
		flag        time.Duration
		testTimeout string
		want        time.Duration
	}{
		{-1, "", 0},                  // no limit at all
		{-1, "20", 18 * time.Second}, // 2s margin
		{-1, "60", 57 * time.Second}, // 5% margin
		{-1, "300", 285 * time.Second},
		{-1, "3", 1 * time.Second},        // still leaves a margin
		{-1, "1", 500 * time.Millisecond}, // a margin never eats it all
		{90 * time.Second, "60", 90 * time.Second},
		{0, "60", 0}, // --timeout=0 disables the limit
	} {
		got, err := timeLimit(tc.flag, tc.testTimeout)
		if err != nil || got.d != tc.want {
			t.Errorf("timeLimit(%v, %q) = %v, %v; want %v", tc.flag, tc.testTimeout, got.d, err, tc.want)
		}
	}
	for _, bad := range []string{"abc", "0", "-5", "1.5"} {
		if _, err := timeLimit(-1, bad); err == nil {
			t.Errorf("TEST_TIMEOUT=%q accepted", bad)
		}
	}
}

func TestQemuArgs(t *testing.T) {
	args := qemuArgs(config{kernel: "/k", cpus: 3, memoryMB: 512}, "/initrd", "/console.log", "/control")
	s := strings.Join(args, " ")
	for _, want := range []string{
		"-accel tcg -cpu max", "-smp 3", "-m 512", "-no-reboot", "-nodefaults",
		"-kernel /k", "-initrd /initrd", "panic=-1", "no_timer_check", "rdinit=/init", "console=ttyS0",
		// The order of -serial options fixes which guest port is which.
		"-serial file:/console.log -serial stdio -serial file:/control",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("qemu args lack %q: %s", want, s)
		}
	}
	if strings.Contains(s, "kvm") {
		t.Errorf("qemu args mention KVM, which cannot expose PKU: %s", s)
	}
}

func TestWriteInitrd(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.cpio")
	os.WriteFile(base, []byte("BASE!"), 0o644) // deliberately not 4-byte aligned
	initrd := filepath.Join(dir, "initrd")
	run := layout.Run{Args: []string{"-test.v"}, Env: []string{"A=1"}}
	if err := writeInitrd(initrd, base, run); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(initrd)
	if !bytes.HasPrefix(got, []byte("BASE!\x00\x00\x00070701")) {
		t.Errorf("initrd does not start with the base archive then a padded newc header: %q", got[:min(len(got), 20)])
	}
	runJSON, _ := json.Marshal(run)
	for _, want := range [][]byte{[]byte("galeed/run.json\x00"), runJSON, []byte("TRAILER!!!")} {
		if !bytes.Contains(got, want) {
			t.Errorf("initrd lacks %q", want)
		}
	}
}

func TestDeliver(t *testing.T) {
	files := []control.File{
		{Path: "test.xml", Data: []byte("<testsuites/>")},
		{Path: "undeclared/sub/out.txt", Data: []byte("out")},
		{Path: "stray", Data: []byte("?")},
	}
	for _, tc := range []struct {
		name       string
		res        control.Result
		wantStatus int
		wantMsg    string
	}{
		{"exit 0", control.Result{Kind: control.Exited, Code: 0}, 0, ""},
		{"exit 3", control.Result{Kind: control.Exited, Code: 3}, 3, ""},
		{"signal", control.Result{Kind: control.Signaled, Code: 6, Signal: "SIGABRT"}, 134, "galeed-vm: test binary killed by signal SIGABRT (6)"},
		{"init failed", control.Result{Kind: control.Failed, Message: "starting x: permission denied"}, 1, "the guest could not run the test: starting x: permission denied"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			xml, undeclared := filepath.Join(dir, "test.xml"), filepath.Join(dir, "undeclared")
			tc.res.Files = files
			var stderr bytes.Buffer
			if got := deliver(tc.res, xml, undeclared, &stderr); got != tc.wantStatus {
				t.Errorf("exit status %d, want %d", got, tc.wantStatus)
			}
			if !strings.Contains(stderr.String(), tc.wantMsg) || !strings.Contains(stderr.String(), "ignoring stray") {
				t.Errorf("stderr %q lacks %q or the note about the stray file", stderr.String(), tc.wantMsg)
			}
			for name, want := range map[string]string{xml: "<testsuites/>", filepath.Join(undeclared, "sub", "out.txt"): "out"} {
				if got, err := os.ReadFile(name); err != nil || string(got) != want {
					t.Errorf("%s: got %q, %v; want %q", name, got, err, want)
				}
			}
		})
	}
}

func TestDeliverCopyFailureFailsTheTest(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o644)
	res := control.Result{Kind: control.Exited, Files: []control.File{{Path: "test.xml", Data: []byte("x")}}}
	var stderr bytes.Buffer
	if got := deliver(res, filepath.Join(blocker, "test.xml"), "", &stderr); got != 1 {
		t.Errorf("exit status %d after failing to copy the XML file, want 1 (stderr %q)", got, stderr.String())
	}
}

func TestPrintTail(t *testing.T) {
	log := filepath.Join(t.TempDir(), "console.log")
	var lines []string
	lines = append(lines, "[ 1.0] Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000000")
	for i := range 30 {
		lines = append(lines, "[ 1.1] trace line "+string(rune('a'+i%26)))
	}
	os.WriteFile(log, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o644)
	var out bytes.Buffer
	printTail(&out, log)
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if !strings.Contains(got[0], "the guest kernel panicked: [ 1.0] Kernel panic - not syncing: Attempted to kill init!") {
		t.Errorf("first line %q does not quote the panic", got[0])
	}
	if tail := got[2:]; len(tail) != consoleTail || !slices.Equal(tail[len(tail)-1:], []string{"  | " + lines[len(lines)-1]}) {
		t.Errorf("tail is %d lines ending %q, want %d ending with the log's last line", len(tail), tail[len(tail)-1], consoleTail)
	}
}
