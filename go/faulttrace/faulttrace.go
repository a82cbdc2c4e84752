// Package faulttrace runs a child process under ptrace and reports the first
// memory-access fault (a SIGSEGV the kernel raised) it takes, exactly as
// the kernel described it: si_code, the faulting address and, for
// protection-key faults, the key.
//
// Tests of a PKU defense need that view from the outside. A handler inside
// the child would run on a PKRU the kernel chose, in a process whose memory
// may be the very thing under attack, and a crashing Go program prints only
// part of the siginfo. The tracer instead stops the faulting thread before
// any handler runs, reads the siginfo with PTRACE_GETSIGINFO (and, if asked,
// the memory at the faulting address) and kills the child, so a test can
// then check what the attack did and did not change. With Options.Deliver
// the fault goes on to the child instead, so a test also sees what the
// child's own handlers make of it.
//
// A typical child re-executes the test binary in a helper mode, announces
// what the tracer cannot know (Announce), and then performs the access that
// should fault; the test asserts on Result.Fault and Result.Announced.
package faulttrace

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Code is the si_code of a SIGSEGV: why the access faulted.
type Code int32

// The kernel's names, kept so they match man pages and C tests.
const (
	SEGV_MAPERR Code = 1 // nothing is mapped at the address
	SEGV_ACCERR Code = 2 // the mapping's protection forbids the access
	SEGV_BNDERR Code = 3 // an MPX bounds check failed
	SEGV_PKUERR Code = 4 // the thread's PKRU forbids the access to the page's key
)

func (c Code) String() string {
	switch c {
	case SEGV_MAPERR:
		return "SEGV_MAPERR"
	case SEGV_ACCERR:
		return "SEGV_ACCERR"
	case SEGV_BNDERR:
		return "SEGV_BNDERR"
	case SEGV_PKUERR:
		return "SEGV_PKUERR"
	}
	return fmt.Sprintf("si_code(%d)", int32(c))
}

// Fault is a SIGSEGV that the kernel raised for an access, as its siginfo
// says.
type Fault struct {
	Signo unix.Signal // si_signo: SIGSEGV
	Code  Code        // si_code
	Addr  uintptr     // si_addr: the address the access touched
	Pkey  int         // si_pkey: the key of the page; set only for SEGV_PKUERR
	Tid   int         // the thread that faulted
	// Memory holds Options.Peek bytes at Addr as they were when the
	// access faulted, read through /proc/<pid>/mem, which PKRU does not
	// govern. Nil when they could not be read.
	Memory []byte
}

func (f *Fault) String() string {
	s := fmt.Sprintf("%s %v addr=%#x", unix.SignalName(f.Signo), f.Code, f.Addr)
	if f.Code == SEGV_PKUERR {
		s += fmt.Sprintf(" pkey=%d", f.Pkey)
	}
	return s + fmt.Sprintf(" tid=%d", f.Tid)
}

// Result is what Run observed.
type Result struct {
	// Fault is the child's first synchronous fault, or nil if it ended
	// without one.
	Fault *Fault
	// Status is how the child ended: after a Fault, killed by Run's
	// SIGKILL unless Options.Deliver; otherwise its own exit status or
	// fatal signal.
	Status unix.WaitStatus
	// Output is the child's stdout and stderr, interleaved as written.
	Output []byte
}

func (r *Result) String() string {
	var b strings.Builder
	switch {
	case r.Fault != nil:
		fmt.Fprintf(&b, "faulted: %v", r.Fault)
	case r.Status.Exited():
		fmt.Fprintf(&b, "exited with status %d", r.Status.ExitStatus())
	case r.Status.Signaled():
		fmt.Fprintf(&b, "killed by %s", unix.SignalName(r.Status.Signal()))
	}
	if len(r.Output) > 0 {
		fmt.Fprintf(&b, "; output:\n%s", r.Output)
	}
	return b.String()
}

const announcePrefix = "faulttrace: "

// Announce tells the tracer a value it cannot know, such as the address
// the child is about to touch or the key it allocated, by writing a line
// to stderr. Go's os.Stderr is unbuffered, so the line is out before a
// fault that follows.
func Announce(name string, v uint64) {
	fmt.Fprintf(os.Stderr, "%s%s=%#x\n", announcePrefix, name, v)
}

// Announced returns the value the child last announced under name.
func (r *Result) Announced(name string) (uint64, error) {
	prefix := announcePrefix + name + "="
	var value string
	found := false
	for s := bufio.NewScanner(bytes.NewReader(r.Output)); s.Scan(); {
		if v, ok := strings.CutPrefix(s.Text(), prefix); ok {
			value, found = v, true
		}
	}
	if !found {
		return 0, fmt.Errorf("faulttrace: the child never announced %q", name)
	}
	v, err := strconv.ParseUint(value, 0, 64)
	if err != nil {
		return 0, fmt.Errorf("faulttrace: the child announced %q as %q: %w", name, value, err)
	}
	return v, nil
}

// Options change what RunWith does at the child's first fault.
type Options struct {
	// Deliver passes the fault on to the child, whose handlers then run,
	// instead of killing it; Run returns when the child ends.
	Deliver bool
	// Peek is how many bytes at the faulting address to read into
	// Fault.Memory before any handler of the child runs.
	Peek int
}

// Run starts cmd with every thread traced and returns when the child takes
// its first SIGSEGV raised by the kernel (si_code > 0) or ends. On such a
// fault the child is killed before any handler of its own runs. All other
// signals, including a SIGSEGV sent with kill, reach the child unchanged.
//
// Run takes over cmd.Stdout, cmd.Stderr and the Ptrace, Setpgid and Pgid
// fields of cmd.SysProcAttr, and reaps the child itself: do not call
// cmd.Wait. It returns once no process holds the output pipe, so a child
// that leaves descendants running makes it wait for them too.
func Run(cmd *exec.Cmd) (*Result, error) {
	return RunWith(cmd, Options{})
}

// RunWith is Run with the fault handled as opts says.
func RunWith(cmd *exec.Cmd, opts Options) (*Result, error) {
	if cmd.Stdout != nil || cmd.Stderr != nil {
		return nil, errors.New("faulttrace: Run collects the child's output; leave cmd.Stdout and cmd.Stderr nil")
	}
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("faulttrace: output pipe: %w", err)
	}
	cmd.Stdout, cmd.Stderr = w, w
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Ptrace = true
	// A process group of its own lets wait4 select exactly the child's
	// threads, leaving other children of this process to their owners.
	cmd.SysProcAttr.Setpgid = true
	cmd.SysProcAttr.Pgid = 0

	// The kernel accepts ptrace requests only from the tracer, which is
	// the OS thread that forked the child.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()

	err = cmd.Start()
	w.Close()
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("faulttrace: %w", err)
	}
	output := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		r.Close()
		output <- b
	}()

	res := &Result{}
	res.Fault, res.Status, err = trace(cmd.Process.Pid, opts)
	cmd.Process.Release()
	res.Output = <-output
	return res, err
}

// trace resumes each stop of the threads of process pid until one faults
// (or, with opts.Deliver, until the process ends) and returns once the
// process is reaped.
func trace(pid int, opts Options) (*Fault, unix.WaitStatus, error) {
	var (
		fault    *Fault
		traceErr error
		killed   bool
		started  = map[int]bool{}
	)
	kill := func() {
		// The whole group: descendants would keep the output pipe open.
		unix.Kill(-pid, unix.SIGKILL)
		killed = true
	}
	for {
		var ws unix.WaitStatus
		tid, err := unix.Wait4(-pid, &ws, unix.WALL, nil)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			// The child is lost to this tracer; kill it so nothing
			// waits on its output.
			kill()
			return fault, ws, fmt.Errorf("faulttrace: waiting for process %d: %w", pid, err)
		}
		if ws.Exited() || ws.Signaled() {
			if tid == pid {
				return fault, ws, traceErr
			}
			continue
		}
		if !ws.Stopped() || killed {
			continue
		}

		sig := ws.StopSignal()
		switch {
		case !started[tid]:
			// A tracee's first stop is ptrace's own: the SIGTRAP after
			// execve for the child, the SIGSTOP a traced clone starts with.
			started[tid] = true
			sig = 0
			if tid == pid {
				err = unix.PtraceSetOptions(pid, unix.PTRACE_O_TRACECLONE|unix.PTRACE_O_EXITKILL)
			}
		case ws.TrapCause() == unix.PTRACE_EVENT_CLONE:
			sig = 0
		case sig == unix.SIGSEGV && fault == nil:
			var si siginfo
			if si, err = getsiginfo(tid); err == nil && si.Code > 0 {
				fault = &Fault{Signo: unix.Signal(si.Signo), Code: Code(si.Code), Addr: uintptr(si.Addr), Tid: tid}
				if fault.Code == SEGV_PKUERR {
					fault.Pkey = int(si.Pkey)
				}
				if opts.Peek > 0 {
					fault.Memory = peek(pid, fault.Addr, opts.Peek)
				}
				if !opts.Deliver {
					kill()
					continue
				}
			}
		}
		if err == nil {
			err = unix.PtraceCont(tid, int(sig))
			if err == unix.ESRCH {
				err = nil // the thread died meanwhile, e.g. in another thread's exit_group
			}
		}
		if err != nil {
			traceErr = fmt.Errorf("faulttrace: tracing thread %d of process %d: %w", tid, pid, err)
			kill()
		}
	}
}

// peek reads n bytes at addr of a stopped tracee, or returns nil.
func peek(pid int, addr uintptr, n int) []byte {
	f, err := os.Open(fmt.Sprintf("/proc/%d/mem", pid))
	if err != nil {
		return nil
	}
	defer f.Close()
	b := make([]byte, n)
	if _, err := f.ReadAt(b, int64(addr)); err != nil {
		return nil
	}
	return b
}

func getsiginfo(tid int) (siginfo, error) {
	var si siginfo
	_, _, errno := unix.Syscall6(unix.SYS_PTRACE, unix.PTRACE_GETSIGINFO, uintptr(tid), 0, uintptr(unsafe.Pointer(&si)), 0, 0)
	if errno != 0 {
		return si, fmt.Errorf("PTRACE_GETSIGINFO: %w", errno)
	}
	return si, nil
}
