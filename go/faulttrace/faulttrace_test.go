package faulttrace

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// childEnv selects a child mode when the test binary re-executes itself.
const childEnv = "FAULTTRACE_TEST_CHILD"

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		child(mode)
		fmt.Fprintf(os.Stderr, "child mode %q returned without faulting\n", mode)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

var children = map[string]func(){
	"exit": func() { os.Exit(0) },
	"unmapped": func() {
		page := mmap(unix.PROT_READ)
		addr := &page[0x10]
		if err := unix.Munmap(page); err != nil {
			panic(err)
		}
		Announce("addr", uint64(uintptr(unsafe.Pointer(addr))))
		sink = *addr
	},
	"nil": func() {
		Announce("addr", 0)
		sink = *nilPointer
	},
	"readonly": func() {
		page := mmap(unix.PROT_READ)
		addr := &page[0x20]
		Announce("addr", uint64(uintptr(unsafe.Pointer(addr))))
		*addr = 1
	},
	// Like "readonly", with a known value in place to peek at.
	"readonly-marked": func() {
		page := mmap(unix.PROT_READ | unix.PROT_WRITE)
		addr := &page[0x30]
		*addr = marker
		if err := unix.Mprotect(page, unix.PROT_READ); err != nil {
			panic(err)
		}
		Announce("addr", uint64(uintptr(unsafe.Pointer(addr))))
		*addr = 1
	},
	// Faults on a thread other than the one that was exec'd, which only a
	// tracer following clones sees.
	"thread": func() {
		Announce("pid", uint64(os.Getpid()))
		fault := func() {
			Announce("tid", uint64(unix.Gettid()))
			sink = *nilPointer
		}
		runtime.LockOSThread()
		if unix.Gettid() != os.Getpid() {
			fault()
		}
		go func() {
			runtime.LockOSThread() // so on a thread other than this one
			fault()
		}()
		select {}
	},
	// Go's runtime needs SIGURG, its own SIGSEGV handling and this
	// handler's signal to arrive; a tracer that swallowed signals would
	// hang or crash the child.
	"signal": func() {
		got := make(chan os.Signal, 1)
		signal.Notify(got, unix.SIGUSR1)
		unix.Kill(os.Getpid(), unix.SIGUSR1)
		<-got
		os.Exit(0)
	},
}

const marker = 0x5a

var (
	sink       byte  // keeps the compiler from dropping a read whose value is unused
	nilPointer *byte // a variable, so the compiler cannot see the nil dereference coming
)

func child(mode string) {
	f, ok := children[mode]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown child mode %q\n", mode)
		os.Exit(3)
	}
	f()
}

func mmap(prot int) []byte {
	page, err := unix.Mmap(-1, 0, os.Getpagesize(), prot, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		panic(err)
	}
	return page
}

func run(t *testing.T, mode string) *Result {
	t.Helper()
	return runWith(t, mode, Options{})
}

func runWith(t *testing.T, mode string, opts Options) *Result {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+mode)
	res, err := RunWith(cmd, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("child %q: %v", mode, res)
	return res
}

func wantFault(t *testing.T, res *Result, code Code) {
	t.Helper()
	addr, err := res.Announced("addr")
	if err != nil {
		t.Fatal(err)
	}
	if res.Fault == nil {
		t.Fatalf("no fault; child %v", res)
	}
	if f := res.Fault; f.Signo != unix.SIGSEGV || f.Code != code || f.Addr != uintptr(addr) {
		t.Errorf("fault %v, want SIGSEGV %v addr=%#x", f, code, addr)
	}
	if !res.Status.Signaled() || res.Status.Signal() != unix.SIGKILL {
		t.Errorf("child was not killed by Run: %v", res.Status)
	}
}

func TestUnmappedAddressIsMAPERR(t *testing.T) {
	wantFault(t, run(t, "unmapped"), SEGV_MAPERR)
}

func TestNilDereferenceIsMAPERRAtZero(t *testing.T) {
	wantFault(t, run(t, "nil"), SEGV_MAPERR)
}

func TestWriteToReadOnlyMappingIsACCERR(t *testing.T) {
	wantFault(t, run(t, "readonly"), SEGV_ACCERR)
}

// With Deliver the child's own handler runs: Go turns the fault into a
// panic and exits with status 2, and Peek shows the value the write missed.
func TestDeliverLetsTheChildHandleTheFault(t *testing.T) {
	res := runWith(t, "readonly-marked", Options{Deliver: true, Peek: 1})
	addr, err := res.Announced("addr")
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Fault; f == nil || f.Code != SEGV_ACCERR || f.Addr != uintptr(addr) {
		t.Fatalf("want SEGV_ACCERR at %#x; child %v", addr, res)
	}
	if got := res.Fault.Memory; len(got) != 1 || got[0] != marker {
		t.Errorf("peeked %x at the fault, want %x", got, marker)
	}
	if !res.Status.Exited() || res.Status.ExitStatus() != 2 {
		t.Errorf("child did not exit with Go's status 2 for a fatal fault: %v", res.Status)
	}
	if !strings.Contains(string(res.Output), "unexpected fault address") {
		t.Errorf("child's output lacks Go's fault report")
	}
}

func TestFaultOnAnotherThreadIsCaught(t *testing.T) {
	res := run(t, "thread")
	pid, err := res.Announced("pid")
	if err != nil {
		t.Fatal(err)
	}
	tid, err := res.Announced("tid")
	if err != nil {
		t.Fatal(err)
	}
	if tid == pid {
		t.Fatalf("the child faulted on its main thread %d; the test needs another one", tid)
	}
	if res.Fault == nil || res.Fault.Tid != int(tid) {
		t.Errorf("want a fault on thread %d; child %v", tid, res)
	}
}

func TestCleanExitIsNoFault(t *testing.T) {
	res := run(t, "exit")
	if res.Fault != nil || !res.Status.Exited() || res.Status.ExitStatus() != 0 {
		t.Errorf("want a clean exit without fault; child %v", res)
	}
}

func TestOtherSignalsReachTheChild(t *testing.T) {
	res := run(t, "signal")
	if res.Fault != nil || !res.Status.Exited() || res.Status.ExitStatus() != 0 {
		t.Errorf("want a clean exit without fault; child %v", res)
	}
}

func TestRunRefusesPresetOutput(t *testing.T) {
	cmd := exec.Command("/bin/true")
	cmd.Stdout = os.Stdout
	if _, err := Run(cmd); err == nil {
		t.Error("Run accepted a cmd with Stdout set")
	}
}
