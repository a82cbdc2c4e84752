package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/galeed-go/galeed/tools/vm/control"
	"github.com/galeed-go/galeed/tools/vm/cpio"
	"github.com/galeed-go/galeed/tools/vm/layout"
)

// consoleTail is how many lines of the guest's console log to show when
// the guest did not report a result.
const consoleTail = 20

// limit is how long the guest may run, and why; a zero d means no limit.
type limit struct {
	d   time.Duration
	why string
}

// timeLimit derives the guest's time limit from --timeout (negative when
// not given) or else Bazel's TEST_TIMEOUT (seconds, "" when unset). The
// margin before TEST_TIMEOUT leaves time to kill the guest and say so
// before Bazel kills the whole test without a word.
func timeLimit(flagTimeout time.Duration, testTimeout string) (limit, error) {
	if flagTimeout >= 0 {
		return limit{flagTimeout, fmt.Sprintf("--timeout=%v", flagTimeout)}, nil
	}
	if testTimeout == "" {
		return limit{}, nil
	}
	secs, err := strconv.Atoi(testTimeout)
	if err != nil || secs <= 0 {
		return limit{}, fmt.Errorf("TEST_TIMEOUT=%q is not a positive number of seconds", testTimeout)
	}
	total := time.Duration(secs) * time.Second
	margin := max(2*time.Second, total/20)
	if margin >= total {
		margin = total / 2
	}
	return limit{total - margin, fmt.Sprintf("TEST_TIMEOUT=%s less a %v margin to report", testTimeout, margin)}, nil
}

// runVM boots the guest, streams the test's output to stdout, and turns the
// guest's report into the runner's exit status.
func runVM(cfg config, lim limit, stdout, stderr *os.File) int {
	base := os.Getenv("TEST_TMPDIR")
	if base == "" {
		base = os.TempDir()
	}
	tmp, err := os.MkdirTemp(base, "galeed-vm-")
	if err != nil {
		fmt.Fprintf(stderr, "galeed-vm: %v\n", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	var (
		initrd      = filepath.Join(tmp, "initrd.cpio")
		consoleLog  = filepath.Join(tmp, "console.log")
		controlFile = filepath.Join(tmp, "control")
	)
	run := layout.Run{Args: cfg.args, Env: guestEnv(os.Environ())}
	if err := writeInitrd(initrd, cfg.initramfs, run); err != nil {
		fmt.Fprintf(stderr, "galeed-vm: writing the initrd: %v\n", err)
		return 1
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if lim.d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, lim.d)
		defer cancel()
	}
	cmd := exec.CommandContext(ctx, cfg.qemu, qemuArgs(cfg, initrd, consoleLog, controlFile)...)
	cmd.Stdout = stdout // ttyS1, the test's output, streams through qemu's stdio
	cmd.Stderr = stderr
	start := time.Now()
	qemuErr := cmd.Run()
	elapsed := time.Since(start).Seconds()

	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		fmt.Fprintf(stderr, "galeed-vm: killed the guest after %.1fs, its time limit (%s): the test did not finish in time\n", elapsed, lim.why)
		printTail(stderr, consoleLog)
		return 1
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "galeed-vm: interrupted after %.1fs; killed the guest\n", elapsed)
		printTail(stderr, consoleLog)
		return 1
	}
	fmt.Fprintf(stderr, "galeed-vm: guest finished in %.1fs\n", elapsed)

	res, err := readControl(controlFile)
	if err != nil {
		if qemuErr != nil {
			fmt.Fprintf(stderr, "galeed-vm: qemu failed: %v\n", qemuErr)
		}
		fmt.Fprintf(stderr, "galeed-vm: the guest gave no result (did the kernel panic or init crash?): %v\n", err)
		printTail(stderr, consoleLog)
		return 1
	}
	return deliver(res, os.Getenv("XML_OUTPUT_FILE"), os.Getenv("TEST_UNDECLARED_OUTPUTS_DIR"), stderr)
}

// writeInitrd writes the guest's initrd: the build-time initramfs followed
// by a second archive holding this run's layout.RunFile. The kernel unpacks
// both into one root filesystem.
func writeInitrd(name, initramfs string, run layout.Run) error {
	runJSON, err := json.Marshal(run)
	if err != nil {
		return err
	}
	in, err := os.Open(initramfs)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	defer out.Close()
	n, err := io.Copy(out, in)
	if err != nil {
		return err
	}
	// Each archive must start 4-byte aligned; the kernel skips zero
	// padding between archives.
	if _, err := out.Write(make([]byte, (4-n%4)%4)); err != nil {
		return err
	}
	a := cpio.NewWriter(out)
	if err := a.File(layout.RunFile, 0o644, runJSON); err != nil {
		return err
	}
	if err := a.Close(); err != nil {
		return err
	}
	return out.Close()
}

// qemuArgs returns qemu's command line. The three serial ports are the
// guest's console (ttyS0, to a log file), the test's output (ttyS1, to
// qemu's stdout) and the control channel (ttyS2, to a file); see the guest's
// init. panic=-1 with -no-reboot makes a guest kernel panic end qemu at once.
// no_timer_check skips the kernel's check that the timer interrupt arrives
// within a few emulated ticks; under TCG on a busy host it can fail and
// panic the boot ("IO-APIC + timer doesn't work").
func qemuArgs(cfg config, initrd, consoleLog, controlFile string) []string {
	return []string{
		"-accel", "tcg", "-cpu", "max",
		"-smp", strconv.Itoa(cfg.cpus), "-m", strconv.Itoa(cfg.memoryMB),
		"-nodefaults", "-no-user-config", "-display", "none", "-no-reboot",
		"-kernel", cfg.kernel, "-initrd", initrd,
		"-append", "console=ttyS0 quiet panic=-1 no_timer_check rdinit=/init",
		"-serial", "file:" + consoleLog,
		"-serial", "stdio",
		"-serial", "file:" + controlFile,
	}
}

func readControl(name string) (control.Result, error) {
	f, err := os.Open(name)
	if err != nil {
		return control.Result{}, err
	}
	defer f.Close()
	return control.Parse(f)
}

// deliver copies the guest's output files to the host's xmlFile and
// undeclaredDir (either may be "" when Bazel did not ask for it) and
// returns the exit status for the guest's result.
func deliver(res control.Result, xmlFile, undeclaredDir string, stderr io.Writer) int {
	status := 0
	for _, f := range res.Files {
		dst := ""
		if f.Path == layout.XMLName {
			dst = xmlFile
		} else if rel, ok := strings.CutPrefix(f.Path, layout.UndeclaredName+"/"); ok && undeclaredDir != "" {
			dst = filepath.Join(undeclaredDir, filepath.FromSlash(rel))
		}
		if dst == "" {
			fmt.Fprintf(stderr, "galeed-vm: ignoring %s from the guest: the host has no place for it\n", f.Path)
			continue
		}
		err := os.MkdirAll(filepath.Dir(dst), 0o755)
		if err == nil {
			err = os.WriteFile(dst, f.Data, 0o644)
		}
		if err != nil {
			fmt.Fprintf(stderr, "galeed-vm: copying the guest's %s: %v\n", f.Path, err)
			status = 1
		}
	}
	switch res.Kind {
	case control.Exited:
		if res.Code != 0 {
			return res.Code
		}
	case control.Signaled:
		fmt.Fprintf(stderr, "galeed-vm: test binary killed by signal %s (%d)\n", res.Signal, res.Code)
		return 128 + res.Code
	case control.Failed:
		fmt.Fprintf(stderr, "galeed-vm: the guest could not run the test: %s\n", res.Message)
		return 1
	}
	return status
}

// printTail prints the last lines of the guest's console log, and the line
// saying why the kernel panicked if it did, which a panic's long stack
// trace would push out of the tail.
func printTail(w io.Writer, consoleLog string) {
	data, err := os.ReadFile(consoleLog)
	if err != nil {
		fmt.Fprintf(w, "galeed-vm: no console log: %v\n", err)
		return
	}
	lines := strings.Split(strings.TrimRight(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n"), "\n")
	for _, l := range lines {
		if strings.Contains(l, "Kernel panic") {
			fmt.Fprintf(w, "galeed-vm: the guest kernel panicked: %s\n", strings.TrimSpace(l))
			break
		}
	}
	if len(lines) > consoleTail {
		lines = lines[len(lines)-consoleTail:]
	}
	fmt.Fprintln(w, "galeed-vm: end of the guest's console log:")
	for _, l := range lines {
		fmt.Fprintf(w, "  | %s\n", l)
	}
}
