package mpktest

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/galeed-go/galeed/go/faulttrace"
	"github.com/galeed-go/galeed/go/mpk"
	"github.com/galeed-go/galeed/go/pkeys"
	"github.com/galeed-go/galeed/tests/mpk/internal/getg"
	"golang.org/x/sys/unix"
)

// These tests need PKU: run them through galeed_vm_test. The attacks run in
// children (this binary re-executed) traced by faulttrace, which reports
// the kernel's siginfo, reads the attacked value at the fault through
// /proc/<pid>/mem, and then lets the fault reach the child so its
// violation report and Go's crash output appear.

const (
	childEnv = "MPKTEST_CHILD"

	original uint64 = 0x5afe5afe5afe5afe
	attack   uint64 = 0xbadbadbadbadbad0
)

func TestMain(m *testing.M) {
	if scenario := os.Getenv(childEnv); scenario != "" {
		f, ok := scenarios[scenario]
		if !ok {
			fmt.Fprintf(os.Stderr, "unknown scenario %q\n", scenario)
			os.Exit(3)
		}
		key, _ := mpk.Protected()
		faulttrace.Announce("pid", uint64(os.Getpid()))
		faulttrace.Announce("key", uint64(key))
		f()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// scenarios are the children's attacks. Each announces the address it
// attacks and, when it survives, what it then finds there ("after").
var scenarios = map[string]func(){
	"heap-write":           func() { heapWrite(Write) },
	"heap-write-readwrite": func() { heapWrite(WriteUnderReadWrite) },
	"callback-write":       func() { heapWrite(WriteFromCallback) },
	"c-thread-callbacks": func() {
		faulttrace.Announce("addr", 0)
		var n int64
		for i := 0; i < 3; i++ {
			n = CallbackFromCThread()
		}
		faulttrace.Announce("after", uint64(n))
	},
	"heap-read":          func() { heapRead(Read) },
	"heap-read-readonly": func() { heapRead(ReadUnderReadOnly) },
	"stack-write": func() {
		var x uint64 = original // stays on this goroutine's stack: only its address, as an integer, leaves
		faulttrace.Announce("addr", uint64(uintptr(unsafe.Pointer(&x))))
		Write(unsafe.Pointer(&x), attack)
		faulttrace.Announce("after", x)
	},
	"g-write": func() {
		g := getg.G()
		faulttrace.Announce("addr", uint64(uintptr(g)))
		faulttrace.Announce("original", *(*uint64)(g))
		Write(g, attack)
		faulttrace.Announce("after", *(*uint64)(g))
	},
	"thread-write": func() {
		v := new(uint64)
		*v = original
		faulttrace.Announce("addr", uint64(uintptr(unsafe.Pointer(v))))
		ThreadWrite(unsafe.Pointer(v), attack)
		faulttrace.Announce("after", *v)
	},
	"null-write": func() {
		faulttrace.Announce("addr", 0)
		NullWrite()
	},
}

func heapWrite(write func(unsafe.Pointer, uint64)) {
	v := new(uint64)
	*v = original
	faulttrace.Announce("addr", uint64(uintptr(unsafe.Pointer(v))))
	write(unsafe.Pointer(v), attack)
	faulttrace.Announce("after", *v)
}

func heapRead(read func(unsafe.Pointer) uint64) {
	v := new(uint64)
	*v = original
	faulttrace.Announce("addr", uint64(uintptr(unsafe.Pointer(v))))
	faulttrace.Announce("read", read(unsafe.Pointer(v)))
}

// attackRun is one traced child and what it announced.
type attackRun struct {
	*faulttrace.Result
	scenario       string
	pid, key, addr uint64
}

func runAttack(t *testing.T, scenario, mode string) *attackRun {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+scenario, "GALEED_MODE="+mode)
	res, err := faulttrace.RunWith(cmd, faulttrace.Options{Deliver: true, Peek: 8})
	if err != nil {
		t.Fatalf("tracing child %q: %v", scenario, err)
	}
	r := &attackRun{Result: res, scenario: scenario}
	r.pid, r.key, r.addr = r.announced(t, "pid"), r.announced(t, "key"), r.announced(t, "addr")
	t.Logf("child %q, GALEED_MODE=%s: %v", scenario, mode, res)
	return r
}

func (r *attackRun) announced(t *testing.T, name string) uint64 {
	t.Helper()
	v, err := r.Announced(name)
	if err != nil {
		t.Fatalf("%v; child %v", err, r.Result)
	}
	return v
}

// wantBlocked asserts that the access faulted with SEGV_PKUERR on the Go
// key at the attacked address, that the value there was still want, that
// the report named the access, address, key, C function, cgo call and
// thread, and that Go's crash handling then ran as without galeed-go.
func (r *attackRun) wantBlocked(t *testing.T, kind, function, call string, want uint64) {
	t.Helper()
	if r.key == 0 {
		t.Fatalf("the child ran unprotected; child %v", r.Result)
	}
	f := r.Fault
	if f == nil {
		t.Fatalf("no fault; child %v", r.Result)
	}
	if f.Code != faulttrace.SEGV_PKUERR || f.Addr != uintptr(r.addr) || f.Pkey != int(r.key) {
		t.Errorf("fault %v, want SEGV_PKUERR addr=%#x pkey=%d", f, r.addr, r.key)
	}
	if len(f.Memory) != 8 || binary.LittleEndian.Uint64(f.Memory) != want {
		t.Errorf("value at %#x when the access faulted: % x, want %#x", r.addr, f.Memory, want)
	}
	out := string(r.Output)
	for _, pattern := range []string{
		regexp.QuoteMeta(fmt.Sprintf("==%d==ERROR: galeed: %s of Go memory at %#x (pkey %d) in C code", r.pid, kind, r.addr, r.key)),
		`#0 0x[0-9a-f]+ in ` + regexp.QuoteMeta(function) + `\+0x[0-9a-f]+\n`,
		`cgo call: ` + regexp.QuoteMeta(call) + `\n`,
		`C mode: +deny\n`,
		fmt.Sprintf(`thread: +%d\n`, f.Tid),
		`SUMMARY: galeed: ` + kind,
	} {
		if !regexp.MustCompile(pattern).MatchString(out) {
			t.Errorf("the report does not match %q", pattern)
		}
	}
	if _, err := r.Announced("after"); err == nil {
		t.Error("the child went on after the blocked access")
	}
}

// wantGoCgoCrash asserts Go's own crash handling for a fault in C code
// called from a goroutine: its message and exit status 2.
func (r *attackRun) wantGoCgoCrash(t *testing.T) {
	t.Helper()
	if !strings.Contains(string(r.Output), "signal arrived during cgo execution") {
		t.Error("Go's crash report (\"signal arrived during cgo execution\") is missing")
	}
	if !r.Status.Exited() || r.Status.ExitStatus() != 2 {
		t.Errorf("child ended with %v, want Go's exit status 2", r.Status)
	}
}

// wantCorrupted asserts that without protection the attack went through
// silently: no fault, no report, a clean exit, the value overwritten.
func (r *attackRun) wantCorrupted(t *testing.T) {
	t.Helper()
	if r.key != 0 {
		t.Fatalf("GALEED_MODE=off, but the child was protected with key %d", r.key)
	}
	if r.Fault != nil || !r.Status.Exited() || r.Status.ExitStatus() != 0 {
		t.Fatalf("want a silent clean run; child %v", r.Result)
	}
	if strings.Contains(string(r.Output), "ERROR: galeed") {
		t.Error("a report without protection")
	}
	if after := r.announced(t, "after"); after != attack {
		t.Errorf("value after the attack %#x, want the attacker's %#x", after, attack)
	}
}

func TestHostHasPKU(t *testing.T) {
	if err := pkeys.HostSupport(); err != nil {
		t.Fatalf("%v: run this test through galeed_vm_test", err)
	}
}

func TestHeapWrite(t *testing.T) {
	t.Run("off_corrupts_silently", func(t *testing.T) {
		runAttack(t, "heap-write", "off").wantCorrupted(t)
	})
	t.Run("enforce_blocks_with_report", func(t *testing.T) {
		r := runAttack(t, "heap-write", "enforce")
		r.wantBlocked(t, "WRITE", "buggy_write", "C.cgo_write", original)
		r.wantGoCgoCrash(t)
	})
}

func TestHeapReadUnderDeny(t *testing.T) {
	r := runAttack(t, "heap-read", "enforce")
	r.wantBlocked(t, "READ", "buggy_read", "C.cgo_read", original)
	r.wantGoCgoCrash(t)
	if _, err := r.Announced("read"); err == nil {
		t.Error("C read the value under the deny policy")
	}
}

// A call declared read-write (GALEED_CALL_POLICY in attack.h) is the
// explicit opt-out: C writes Go memory as if galeed-go were off.
func TestHeapWriteUnderReadWritePolicySucceeds(t *testing.T) {
	r := runAttack(t, "heap-write-readwrite", "enforce")
	if r.key == 0 {
		t.Fatalf("the child ran unprotected; child %v", r.Result)
	}
	if r.Fault != nil || r.announced(t, "after") != attack {
		t.Errorf("want C's write of %#x to go through under the read-write policy; child %v", attack, r.Result)
	}
}

// A deny call made from a Go callback inside a read-write call is isolated
// all the same, and its report shows the read-write call around it.
func TestReportNamesReadWriteCallAround(t *testing.T) {
	r := runAttack(t, "callback-write", "enforce")
	r.wantBlocked(t, "WRITE", "buggy_write", "C.cgo_write", original)
	within := "    within:   a Go callback\n    within:   C.cgo_callback_readwrite (read-write)\n"
	if !strings.Contains(string(r.Output), within) {
		t.Errorf("the report does not show the calls around the faulting one (want %q)", within)
	}
}

// A thread C creates may call into Go; when it exits, the Go runtime
// releases the M it bound to the thread, running Go code from the thread's
// exit path, which is in C mode.
func TestCThreadCallbackThenExit(t *testing.T) {
	r := runAttack(t, "c-thread-callbacks", "enforce")
	if r.key == 0 {
		t.Fatalf("the child ran unprotected; child %v", r.Result)
	}
	if r.Fault != nil || !r.Status.Exited() || r.Status.ExitStatus() != 0 || r.announced(t, "after") != 3 {
		t.Errorf("want 3 callbacks from C threads and a clean exit; child %v", r.Result)
	}
}

func TestHeapReadUnderReadOnlyPolicySucceeds(t *testing.T) {
	r := runAttack(t, "heap-read-readonly", "enforce")
	if r.Fault != nil || r.announced(t, "read") != original {
		t.Errorf("want C to read %#x under the read-only policy; child %v", original, r.Result)
	}
}

func TestGoroutineStackWrite(t *testing.T) {
	t.Run("off_corrupts_silently", func(t *testing.T) {
		runAttack(t, "stack-write", "off").wantCorrupted(t)
	})
	t.Run("enforce_blocks_with_report", func(t *testing.T) {
		r := runAttack(t, "stack-write", "enforce")
		r.wantBlocked(t, "WRITE", "buggy_write", "C.cgo_write", original)
		r.wantGoCgoCrash(t)
	})
}

func TestRuntimeMetadataWrite(t *testing.T) {
	r := runAttack(t, "g-write", "enforce")
	r.wantBlocked(t, "WRITE", "buggy_write", "C.cgo_write", r.announced(t, "original"))
	r.wantGoCgoCrash(t)
}

func TestThreadCreatedInCModeCannotTouchGoMemory(t *testing.T) {
	t.Run("off_corrupts_silently", func(t *testing.T) {
		runAttack(t, "thread-write", "off").wantCorrupted(t)
	})
	t.Run("enforce_blocks_with_report", func(t *testing.T) {
		r := runAttack(t, "thread-write", "enforce")
		r.wantBlocked(t, "WRITE", "buggy_write", "C.cgo_thread_write", original)
		if r.Fault != nil && uint64(r.Fault.Tid) == r.pid {
			t.Errorf("the fault was on the main thread %d, not on a thread C created", r.pid)
		}
		// Go's handling of a fault on a thread it does not know: it
		// restores the default action and lets the fault kill the process.
		if !r.Status.Signaled() || r.Status.Signal() != unix.SIGSEGV {
			t.Errorf("child ended with %v, want killed by SIGSEGV", r.Status)
		}
	})
}

func TestOtherFaultsGetNoReport(t *testing.T) {
	r := runAttack(t, "null-write", "enforce")
	if r.Fault == nil || r.Fault.Code != faulttrace.SEGV_MAPERR {
		t.Fatalf("want SEGV_MAPERR; child %v", r.Result)
	}
	if strings.Contains(string(r.Output), "ERROR: galeed") {
		t.Error("a report for a fault that is not a PKU fault on the Go key")
	}
	r.wantGoCgoCrash(t)
}

// This test process imports go/mpk too, so its own memory is checked here,
// against the kernel's view in /proc/self/smaps.
func TestRuntimeMemoryIsTagged(t *testing.T) {
	key, err := mpk.Protected()
	if err != nil {
		t.Fatal(err)
	}
	var onStack uint64
	heap := new(uint64)
	page, err := unix.Mmap(-1, 0, os.Getpagesize(), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(page)
	for _, c := range []struct {
		what string
		addr uintptr
		want pkeys.Key
	}{
		{"a heap object", uintptr(unsafe.Pointer(heap)), key},
		{"a goroutine stack", uintptr(unsafe.Pointer(&onStack)), key},
		{"a g", uintptr(getg.G()), key},
		{"a page Go code mapped itself (not the runtime's)", uintptr(unsafe.Pointer(&page[0])), 0},
	} {
		got, err := smapsKey(c.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s at %#x: pkey %d", c.what, c.addr, got)
		if got != c.want {
			t.Errorf("%s at %#x carries pkey %d, want %d", c.what, c.addr, got, c.want)
		}
	}

	mappings, bytes := mpk.Tagged()
	t.Logf("tagged so far: %d mappings, %d bytes", mappings, bytes)
	big := make([]byte, 64<<20)
	runtime.KeepAlive(big)
	m2, b2 := mpk.Tagged()
	t.Logf("after allocating %d MiB: %d mappings, %d bytes", len(big)>>20, m2, b2)
	if mappings == 0 || m2 <= mappings || b2-bytes < uint64(len(big)) {
		t.Errorf("Tagged() went from (%d, %d) to (%d, %d) over a %d-byte allocation", mappings, bytes, m2, b2, len(big))
	}
	if got, err := smapsKey(uintptr(unsafe.Pointer(&big[len(big)-1]))); err != nil || got != key {
		t.Errorf("the new allocation carries pkey %d (%v), want %d", got, err, key)
	}
}

// smapsKey returns the protection key the kernel records for the mapping
// holding addr.
func smapsKey(addr uintptr) (pkeys.Key, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	in := false
	for s := bufio.NewScanner(f); s.Scan(); {
		line := s.Text()
		var lo, hi uint64
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = uint64(addr) >= lo && uint64(addr) < hi
		} else if v, ok := strings.CutPrefix(line, "ProtectionKey:"); ok && in {
			k, err := strconv.Atoi(strings.TrimSpace(v))
			return pkeys.Key(k), err
		}
	}
	return 0, fmt.Errorf("no mapping with a ProtectionKey holds %#x", addr)
}

// mainAltStack is the main thread's alternate signal stack, read while
// package initialization runs there.
var mainAltStack = AltStack()

// Signals must be deliverable to a thread in C mode, whose PKRU denies Go
// memory: every kind of thread needs an alternate signal stack in key-0
// memory.
func TestEveryThreadHasAnAltStackInCMemory(t *testing.T) {
	if _, err := mpk.Protected(); err != nil {
		t.Fatal(err)
	}
	check := func(thread string, sp uintptr) {
		if sp == 0 {
			t.Errorf("%s has no alternate signal stack", thread)
			return
		}
		key, err := smapsKey(sp)
		t.Logf("%s: alternate signal stack at %#x, pkey %d", thread, sp, key)
		if err != nil || key != 0 {
			t.Errorf("%s: alternate signal stack at %#x carries pkey %d (%v), want 0", thread, sp, key, err)
		}
	}
	// The stacks go with their threads, so each is checked while its
	// thread lives.
	check("the main thread", mainAltStack)
	onGoThread(func() { check("a thread Go created", AltStack()) })
	sp, release := HoldCThread()
	check("a thread C created", sp)
	release()
}

// onGoThread runs f locked to a thread that Go created, not the main
// thread, and returns when f has.
func onGoThread(f func()) {
	done := make(chan struct{})
	var try func()
	try = func() {
		runtime.LockOSThread()
		if unix.Gettid() == unix.Getpid() {
			// While this goroutine holds the main thread, the next
			// one cannot land there.
			go try()
			<-done
			runtime.UnlockOSThread()
			done <- struct{}{}
			return
		}
		f()
		done <- struct{}{} // and the thread dies with the goroutine
	}
	go try()
	<-done
}

// The kernel must run go/mpk's trampoline, while the Go runtime keeps
// seeing its own handler, or it would reinstall it.
func TestGoSeesItsOwnSignalHandlers(t *testing.T) {
	if _, err := mpk.Protected(); err != nil {
		t.Fatal(err)
	}
	for _, sig := range []unix.Signal{unix.SIGSEGV, unix.SIGURG, unix.SIGPROF} {
		goView, kernelView, ok := HandlerViews(int(sig))
		if !ok {
			t.Fatalf("%v: reading the handler failed", sig)
		}
		name := func(pc uintptr) string {
			if f := runtime.FuncForPC(pc); f != nil {
				return f.Name()
			}
			return "not Go code"
		}
		t.Logf("%v: Go sees %#x (%s), the kernel runs %#x (%s)", sig, goView, name(goView), kernelView, name(kernelView))
		if name(goView) != "runtime.cgoSigtramp" {
			t.Errorf("%v: Go sees %s, want its own runtime.cgoSigtramp", sig, name(goView))
		}
		if kernelView == goView || runtime.FuncForPC(kernelView) != nil {
			t.Errorf("%v: the kernel runs %s, not go/mpk's trampoline", sig, name(kernelView))
		}
	}
}

func TestNestedCallbacksRestoreEachMode(t *testing.T) {
	key, err := mpk.Protected()
	if err != nil {
		t.Fatal(err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	goMode := pkeys.Read()
	const depth = 3
	pkru := make([]uint32, 2*(depth+1))
	if sum := Nest(depth, pkru); sum != depth*(depth+1)/2 {
		t.Errorf("Nest(%d) = %d, want %d", depth, sum, depth*(depth+1)/2)
	}
	cMode := goMode.With(key, pkeys.Deny)
	for level := 0; level <= depth; level++ {
		before, after := pkeys.PKRU(pkru[2*level]), pkeys.PKRU(pkru[2*level+1])
		t.Logf("C level %d: %v before its callback, %v after", level, before, after)
		if before != cMode || after != cMode {
			t.Errorf("C level %d ran with %v and %v, want %v", level, before, after, cMode)
		}
	}
	if got := pkeys.Read(); got != goMode {
		t.Errorf("back in Go with %v, want %v", got, goMode)
	}
}

// TestStress runs, at once: goroutines allocating hard (many GCs),
// goroutines in long C-mode loops, CPU profiling, signals sent to the
// process, over 10^5 gated cgo calls and 3-deep C -> Go callbacks. Any
// fault kills the test; every result is checked.
func TestStress(t *testing.T) {
	if _, err := mpk.Protected(); err != nil {
		t.Fatal(err)
	}
	const (
		workers   = 4
		calls     = 25_000 // per caller: 10^5 in all
		spinRound = 200_000
	)
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		t.Fatal(err)
	}
	defer pprof.StopCPUProfile()

	signals := make(chan os.Signal, 64)
	signal.Notify(signals, unix.SIGUSR1)
	defer signal.Stop(signals)
	var received atomic.Int64
	stop := make(chan struct{})
	var bg sync.WaitGroup
	bg.Add(2)
	go func() {
		defer bg.Done()
		for {
			select {
			case <-stop:
				return
			case <-signals:
				received.Add(1)
			}
		}
	}()
	go func() {
		defer bg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				unix.Kill(os.Getpid(), unix.SIGUSR1)
				runtime.Gosched()
			}
		}
	}()

	// A small heap goal makes the allocators below collect often.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var busy sync.WaitGroup
	var spins, allocs atomic.Int64
	wantSpin := SpinGo(1, spinRound)
	for i := 0; i < workers; i++ {
		busy.Add(1)
		go func() { // a C-mode loop, again and again
			defer busy.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if got := Spin(1, spinRound); got != wantSpin {
					t.Errorf("Spin = %#x, want %#x", got, wantSpin)
				}
				spins.Add(1)
			}
		}()
		busy.Add(1)
		go func() { // garbage, with pointers for the GC to trace
			defer busy.Done()
			var keep [][]*[64]uint64
			for {
				select {
				case <-stop:
					return
				default:
				}
				chunk := make([]*[64]uint64, 256)
				for j := range chunk {
					chunk[j] = new([64]uint64)
				}
				keep = append(keep, chunk)
				if len(keep) > 64 {
					keep = keep[1:]
				}
				allocs.Add(1)
			}
		}()
	}

	var callers sync.WaitGroup
	for i := 0; i < workers; i++ {
		callers.Add(1)
		go func() {
			defer callers.Done()
			for j := uint64(0); j < calls; j++ {
				if got := Add(j); got != j+1 {
					t.Errorf("Add(%d) = %d", j, got)
					return
				}
				if j%1000 == 0 {
					if sum := Nest(3, nil); sum != 6 {
						t.Errorf("Nest(3) = %d, want 6", sum)
						return
					}
				}
			}
		}()
	}
	callers.Wait()
	close(stop)
	busy.Wait()
	bg.Wait()

	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	gcs := after.NumGC - before.NumGC
	t.Logf("%d cgo calls, %d C-mode loops, %d allocation rounds, %d GCs, %d SIGUSR1 received",
		workers*calls, spins.Load(), allocs.Load(), gcs, received.Load())
	if gcs < 10 || received.Load() == 0 || spins.Load() < workers {
		t.Errorf("the stress was too light: %d GCs, %d signals, %d C-mode loops", gcs, received.Load(), spins.Load())
	}
}
