// Command init is PID 1 of the VM test guest. It sets up the little a test
// expects of a Linux system, runs the test binary named in the image, and
// reports back to the host runner before powering the VM off.
//
// The guest's serial ports are wired by the runner:
//
//	ttyS0  kernel console and init's own messages (a log file on the host)
//	ttyS1  the test's stdout and stderr (streamed to the runner's stdout)
//	ttyS2  the control channel (package control): output files, then the
//	       test's exit code or signal, or an error if init itself failed
//
// The test runs as /runfiles/<main> with the arguments and environment of
// /galeed/run.json, in /runfiles/<workspace>, with stdin on /dev/null (see
// package layout). Loopback networking, /proc, /sys, /dev, /dev/shm and a
// tmpfs /tmp are available.
//
// PID 1 must never exit: the kernel panics when it does. Every path,
// including init's own failures and panics, ends by reporting and powering
// off.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/galeed-go/galeed/tools/vm/control"
	"github.com/galeed-go/galeed/tools/vm/layout"
)

const (
	outputTTY  = "/dev/ttyS1"
	controlTTY = "/dev/ttyS2"
)

// guest is what init has set up so far.
type guest struct {
	control *control.Writer // nil until the control port is open
	ttys    []*os.File      // serial ports to drain before power-off
}

func main() {
	g := &guest{ttys: []*os.File{os.Stderr}}
	if err := g.runSafely(); err != nil {
		fmt.Fprintf(os.Stderr, "galeed-init: %v\n", err)
		if g.control != nil {
			g.control.Error(err.Error())
		}
	}
	g.powerOff()
}

// runSafely is run with a panic turned into an error, so it is reported
// like any other failure instead of killing PID 1.
func (g *guest) runSafely() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("init panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return g.run()
}

func (g *guest) run() error {
	if err := mountFilesystems(); err != nil {
		return err
	}
	// The control port first, so that every later failure reaches the host.
	ctl, err := g.openSerial(controlTTY)
	if err != nil {
		return err
	}
	g.control = control.NewWriter(ctl)
	out, err := g.openSerial(outputTTY)
	if err != nil {
		return err
	}
	if err := loopbackUp(); err != nil {
		return err
	}
	var image layout.Image
	if err := readJSON(layout.ImageFile, &image); err != nil {
		return err
	}
	var run layout.Run
	if err := readJSON(layout.RunFile, &run); err != nil {
		return fmt.Errorf("%w (the runner adds this file to the initrd; was the VM started by another program?)", err)
	}
	outs := outputsOf(run.Env)
	if err := outs.prepare(); err != nil {
		return err
	}
	status, err := runTest(image, run, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "galeed-init: test %s\n", describe(status))
	if err := outs.send(g.control, layout.OutDir); err != nil {
		return fmt.Errorf("the test %s, but sending its outputs failed: %w", describe(status), err)
	}
	return sendResult(g.control, status)
}

// mountFilesystems mounts what programs expect to find; the initramfs
// provides only empty mount points.
func mountFilesystems() error {
	for _, m := range []struct{ fstype, target, data string }{
		{"proc", "/proc", ""},
		{"sysfs", "/sys", ""},
		{"devtmpfs", "/dev", ""},
		{"tmpfs", "/dev/shm", "mode=1777"}, // POSIX shared memory (shm_open)
		{"tmpfs", "/tmp", "mode=1777"},
	} {
		if err := os.MkdirAll(m.target, 0o755); err != nil {
			return err
		}
		if err := unix.Mount(m.fstype, m.target, m.fstype, 0, m.data); err != nil {
			return fmt.Errorf("mounting %s on %s: %w", m.fstype, m.target, err)
		}
	}
	return nil
}

// openSerial opens a serial port in raw mode.
func (g *guest) openSerial(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		return nil, fmt.Errorf("opening %s (is the kernel's 8250 serial driver built in, and did the runner give qemu three -serial ports?): %w", name, err)
	}
	t, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	if err == nil {
		makeRaw(t)
		err = unix.IoctlSetTermios(int(f.Fd()), unix.TCSETS, t)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("putting %s in raw mode: %w", name, err)
	}
	g.ttys = append(g.ttys, f)
	return f, nil
}

// makeRaw sets t up like cfmakeraw(3): bytes pass unchanged in both
// directions (no newline translation, no echo, 8 bits). CLOCAL makes the
// port ignore modem control lines, which nothing emulates.
func makeRaw(t *unix.Termios) {
	t.Iflag &^= unix.IGNBRK | unix.BRKINT | unix.PARMRK | unix.ISTRIP | unix.INLCR | unix.IGNCR | unix.ICRNL | unix.IXON
	t.Oflag &^= unix.OPOST
	t.Lflag &^= unix.ECHO | unix.ECHONL | unix.ICANON | unix.ISIG | unix.IEXTEN
	t.Cflag &^= unix.CSIZE | unix.PARENB
	t.Cflag |= unix.CS8 | unix.CLOCAL
	t.Cc[unix.VMIN] = 1
	t.Cc[unix.VTIME] = 0
}

// loopbackUp brings up lo; the kernel then gives it 127.0.0.1 and ::1.
func loopbackUp() error {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return fmt.Errorf("bringing up lo: %w", err)
	}
	defer unix.Close(fd)
	ifr, err := unix.NewIfreq("lo")
	if err == nil {
		err = unix.IoctlIfreq(fd, unix.SIOCGIFFLAGS, ifr)
	}
	if err == nil {
		ifr.SetUint16(ifr.Uint16() | unix.IFF_UP)
		err = unix.IoctlIfreq(fd, unix.SIOCSIFFLAGS, ifr)
	}
	if err != nil {
		return fmt.Errorf("bringing up lo: %w", err)
	}
	return nil
}

// readJSON decodes the JSON file name into v, rejecting unknown fields so a
// mismatch between the host's tools and this init shows up as an error.
func readJSON(name string, v any) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// runTest runs the test binary with its stdout and stderr on out and waits
// for it to end.
func runTest(image layout.Image, run layout.Run, out *os.File) (unix.WaitStatus, error) {
	devNull, err := os.Open(os.DevNull)
	if err != nil {
		return 0, err
	}
	defer devNull.Close()
	bin := layout.Runfile(image.Main)
	fmt.Fprintf(os.Stderr, "galeed-init: running %s %q\n", bin, run.Args)
	pid, err := syscall.ForkExec(bin, append([]string{bin}, run.Args...), &syscall.ProcAttr{
		Dir:   layout.Runfile(image.Workspace),
		Env:   run.Env,
		Files: []uintptr{devNull.Fd(), out.Fd(), out.Fd()},
	})
	if err != nil {
		return 0, fmt.Errorf("starting %s: %w", bin, err)
	}
	return reap(pid)
}

// reap waits for the child pid. As PID 1, init inherits every orphaned
// process in the guest and must reap those too, or they stay zombies.
func reap(pid int) (unix.WaitStatus, error) {
	for {
		var status unix.WaitStatus
		got, err := unix.Wait4(-1, &status, 0, nil)
		switch {
		case errors.Is(err, unix.EINTR):
		case err != nil:
			return 0, fmt.Errorf("waiting for the test (pid %d): %w", pid, err)
		case got == pid:
			return status, nil
		}
	}
}

// powerOff flushes everything to the host and turns the VM off.
func (g *guest) powerOff() {
	// Bytes written to a serial port sit in the driver's buffer until the
	// UART sends them; powering off before that would lose the end of the
	// test's output or of the report.
	for _, f := range g.ttys {
		unix.IoctlSetInt(int(f.Fd()), unix.TCSBRK, 1) // tcdrain
	}
	unix.Sync()
	err := unix.Reboot(unix.LINUX_REBOOT_CMD_POWER_OFF)
	// Reached only if power-off failed. Exiting makes the kernel panic;
	// the runner boots with panic=-1 and qemu -no-reboot, so that too
	// stops the VM, and the host sees no result record.
	fmt.Fprintf(os.Stderr, "galeed-init: power-off failed: %v\n", err)
	os.Exit(1)
}
