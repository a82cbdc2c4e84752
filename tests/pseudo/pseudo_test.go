package pseudotest

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"unsafe"

	"github.com/galeed-go/galeed/cc/paper"
	"github.com/galeed-go/galeed/cc/records"
	"github.com/galeed-go/galeed/go/faulttrace"
	"github.com/galeed-go/galeed/go/mpk"
	"github.com/galeed-go/galeed/go/pkeys"
)

// These tests need PKU: run them through galeed_vm_test. Misuses run in
// children (this binary re-executed): each must end the child, which the
// parent observes.

const childEnv = "PSEUDOTEST_CHILD"

func TestMain(m *testing.M) {
	if scenario := os.Getenv(childEnv); scenario != "" {
		f, ok := scenarios[scenario]
		if !ok {
			fmt.Fprintf(os.Stderr, "unknown scenario %q\n", scenario)
			os.Exit(3)
		}
		f()
		fmt.Println("scenario survived")
		os.Exit(0)
	}
	os.Exit(m.Run())
}

var scenarios = map[string]func(){
	"expired":       func() { KeepThenRead(&paper.Counter{N: 1}) },
	"forged":        func() { ReadForged(&paper.Counter{N: 1}) },
	"type-confused": func() { ReadAsTally(&paper.Counter{N: 1}) },
	"invalid-value": func() { SetDone(&paper.Counter{N: 1}, 2) },
	"raw-pointer": func() {
		c := &paper.Counter{N: 1000}
		key, _ := mpk.Protected()
		faulttrace.Announce("key", uint64(key))
		faulttrace.Announce("addr", uint64(uintptr(unsafe.Pointer(&c.N))))
		Scribble(unsafe.Pointer(&c.N), -1)
		faulttrace.Announce("after", uint64(c.N))
	},
	// Confused deputies: a Go address given to an accessor as C's buffer.
	"copy-into-go": func() {
		r := &records.Record{Name: "the record's name"}
		v := victim()
		CopyNameTo(r, unsafe.Pointer(v), len(v))
		faulttrace.Announce("after", binary.LittleEndian.Uint64(v[:]))
	},
	"copyin-from-go": func() {
		r := &records.Record{}
		v := victim()
		got := CopyinTagsFrom(r, unsafe.Pointer(v))
		faulttrace.Announce("after", got)
	},
	"read-into-go": func() {
		c := &paper.Counter{N: 1000, Steps: 3, Done: true}
		v := victim()
		ReadCounterInto(c, unsafe.Pointer(v))
		faulttrace.Announce("after", binary.LittleEndian.Uint64(v[:]))
	},
}

// victimByte fills the Go memory the confused-deputy attacks aim at.
const victimByte = 0xa5

// victimSink keeps victims on the Go heap.
var victimSink *[16]byte

// victim is 16 bytes of Go heap (larger than the view and the tags, smaller
// than the name), all victimByte, announced as key, addr and size.
func victim() *[16]byte {
	v := new([16]byte)
	for i := range v {
		v[i] = victimByte
	}
	victimSink = v
	key, _ := mpk.Protected()
	faulttrace.Announce("key", uint64(key))
	faulttrace.Announce("addr", uint64(uintptr(unsafe.Pointer(v))))
	faulttrace.Announce("size", uint64(len(v)))
	return v
}

func TestHostHasPKU(t *testing.T) {
	if err := pkeys.HostSupport(); err != nil {
		t.Fatalf("%v: run this test through galeed_vm_test", err)
	}
	if _, err := mpk.Protected(); err != nil {
		t.Fatal(err)
	}
}

// Galeed's example: C++ adds 5 to a field of a Go struct it is handed, and
// Go sees the result; the C++ never held a pointer into Go memory.
func TestAdd5ThroughHandle(t *testing.T) {
	c := &paper.Counter{N: 10}
	paper.Add5(c)
	paper.Add5(c)
	if c.N != 20 || c.Steps != 2 || c.Done {
		t.Errorf("after two Add5: %+v, want N 20, Steps 2, Done false", *c)
	}
}

func TestAdd5FromManyGoroutines(t *testing.T) {
	counters := make([]paper.Counter, 16)
	var wg sync.WaitGroup
	for i := range counters {
		wg.Add(1)
		go func(c *paper.Counter) {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				paper.Add5(c)
			}
		}(&counters[i])
	}
	wg.Wait()
	for i, c := range counters {
		if c.N != 500 || c.Steps != 100 {
			t.Errorf("counter %d: %+v, want N 500, Steps 100", i, c)
		}
	}
}

// A handle C kept after the call that lent it has expired.
func TestKeptHandleExpires(t *testing.T) {
	wantAborted(t, "expired", "expired handle 0x[0-9a-f]+ for type paper.Counter")
}

func TestForgedHandleIsDetected(t *testing.T) {
	wantAborted(t, "forged", "forged handle 0x[0-9a-f]+ for type paper.Counter")
}

func TestHandleOfAnotherTypeIsDetected(t *testing.T) {
	wantAborted(t, "type-confused", "type-confused handle 0x[0-9a-f]+ for type paper.Tally")
}

func TestInvalidSetterValueIsRejected(t *testing.T) {
	wantAborted(t, "invalid-value", "invalid value")
}

// A raw pointer that bypasses the pass entirely still meets heap isolation.
func TestSmuggledRawPointerFaults(t *testing.T) {
	cmd := child(t, "raw-pointer")
	r, err := faulttrace.RunWith(cmd, faulttrace.Options{Deliver: true, Peek: 8})
	if err != nil {
		t.Fatal(err)
	}
	key, err1 := r.Announced("key")
	addr, err2 := r.Announced("addr")
	if err1 != nil || err2 != nil || key == 0 {
		t.Fatalf("child did not announce a protected key and address; child %v", r)
	}
	f := r.Fault
	if f == nil || f.Code != faulttrace.SEGV_PKUERR || f.Addr != uintptr(addr) || f.Pkey != int(key) {
		t.Fatalf("want SEGV_PKUERR at %#x on key %d; child %v", addr, key, r)
	}
	if len(f.Memory) != 8 || binary.LittleEndian.Uint64(f.Memory) != 1000 {
		t.Errorf("value when the write faulted: % x, want 1000", f.Memory)
	}
	if _, err := r.Announced("after"); err == nil {
		t.Error("the child went on after the blocked write")
	}
}

// An accessor that copies to or from a buffer C names does the access to
// that buffer in C mode: given an address in Go memory, it faults there on
// the Go key like C's own access would, and does not read or write Go
// memory on C's behalf. Each attack aims at a victim (above); want:
// SEGV_PKUERR inside the victim, whose bytes are intact.
func TestCopyIntoGoMemoryFaults(t *testing.T)   { wantDeputyFault(t, "copy-into-go") }
func TestCopyinFromGoMemoryFaults(t *testing.T) { wantDeputyFault(t, "copyin-from-go") }
func TestReadIntoGoMemoryFaults(t *testing.T)   { wantDeputyFault(t, "read-into-go") }

func wantDeputyFault(t *testing.T, scenario string) {
	t.Helper()
	const peek = 8
	r, err := faulttrace.RunWith(child(t, scenario), faulttrace.Options{Deliver: true, Peek: peek})
	if err != nil {
		t.Fatal(err)
	}
	key, err1 := r.Announced("key")
	addr, err2 := r.Announced("addr")
	size, err3 := r.Announced("size")
	if err1 != nil || err2 != nil || err3 != nil || key == 0 {
		t.Fatalf("child did not announce a protected key and a victim; child %v", r)
	}
	if after, err := r.Announced("after"); err == nil {
		t.Errorf("the accessor went on with Go memory as C's buffer: the child announced %#x after it (the victim's first 8 bytes, or for copyin what C read back; the victim was all %#x)", after, victimByte)
	}
	f := r.Fault
	if f == nil || f.Code != faulttrace.SEGV_PKUERR || f.Addr < uintptr(addr) || f.Addr >= uintptr(addr+size) || f.Pkey != int(key) {
		t.Fatalf("want SEGV_PKUERR in [%#x, %#x) on key %d; child %v", addr, addr+size, key, r)
	}
	n := min(peek, int(uintptr(addr+size)-f.Addr))
	if len(f.Memory) < n {
		t.Fatalf("no memory peeked at the fault; child %v", r)
	}
	for _, b := range f.Memory[:n] {
		if b != victimByte {
			t.Errorf("victim at the fault: % x, want all %#x", f.Memory[:n], victimByte)
			break
		}
	}
	t.Logf("%v, victim [%#x, %#x), at the fault % x", f, addr, addr+size, f.Memory[:n])
}

func child(t *testing.T, scenario string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+scenario, "GALEED_MODE=require")
	return cmd
}

// wantAborted runs scenario in a child and asserts that galeed reported
// report (a regexp) and aborted it before the misuse returned.
func wantAborted(t *testing.T, scenario, report string) {
	t.Helper()
	out, err := child(t, scenario).CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok {
		t.Fatalf("child %q: %v, want it aborted; output:\n%s", scenario, err, out)
	}
	// C's abort raises SIGABRT, which Go's handler turns into its crash
	// report and exit status 2.
	status := ee.Sys().(syscall.WaitStatus)
	if !(status.Exited() && status.ExitStatus() == 2) && !(status.Signaled() && status.Signal() == syscall.SIGABRT) {
		t.Errorf("child %q ended with %v, want an abort", scenario, status)
	}
	if !regexp.MustCompile(`==\d+==ERROR: galeed: ` + report).Match(out) {
		t.Errorf("child %q: no report matching %q in:\n%s", scenario, report, out)
	}
	if strings.Contains(string(out), "scenario survived") {
		t.Errorf("child %q went on after the misuse", scenario)
	}
}

// C++ reads a string, an array, a slice and a nested struct through
// accessors and writes scalars back; Go sees every value it should.
func TestRecordSummaryThroughHandles(t *testing.T) {
	r := &records.Record{
		Name:   "ledger-7",
		Tags:   [4]uint16{1, 2, 3, 4},
		Owner:  records.Owner{ID: 9, Balance: 1000},
		Scores: make([]int32, 40), // more than the C++ copies at once
	}
	for i := range r.Scores {
		r.Scores[i] = int32(i)
	}
	scores0 := &r.Scores[0]
	name := records.Summarize(r)
	if name != "ledger-7" {
		t.Errorf("C++ copied the name as %q, want %q", name, "ledger-7")
	}
	if want := int64(1 + 2 + 3 + 4 + 39*40/2 + 1000); r.Total != want || !r.Seen {
		t.Errorf("Total %d, Seen %v: want %d, true", r.Total, r.Seen, want)
	}
	if r.Tags != [4]uint16{2, 2, 3, 4} || r.Owner.Balance != 1000 {
		t.Errorf("after Summarize: Tags %v, Owner %+v; want the first tag bumped and the owner untouched", r.Tags, r.Owner)
	}
	// C++ wrote the scores back normalized, through copy-in, in chunks of 16:
	// every one of the 40, and the slice is the one Go made.
	if len(r.Scores) != 40 || cap(r.Scores) != 40 || &r.Scores[0] != scores0 {
		t.Errorf("Scores now len %d cap %d, want the same slice of 40", len(r.Scores), cap(r.Scores))
	}
	for i, got := range r.Scores {
		if want := int32(i * 1000 / 39); got != want {
			t.Errorf("Scores[%d] = %d after Summarize, want %d (per mille of the highest)", i, got, want)
		}
	}
	// Copy-in stays within the slice's length: elements past it, in its
	// capacity, are untouched.
	backing := []int32{10, -5, 20, 7, 7}
	short := &records.Record{Scores: backing[:3]}
	records.Summarize(short)
	if want := []int32{500, 0, 1000, 7, 7}; !slices.Equal(backing, want) {
		t.Errorf("a short slice's backing array became %v, want %v", backing, want)
	}
	long := &records.Record{Name: strings.Repeat("x", 100)}
	if got := records.Summarize(long); got != strings.Repeat("x", 63) {
		t.Errorf("a 100-byte name came back as %d bytes, want 63 (bounded by C's buffer)", len(got))
	}
}
