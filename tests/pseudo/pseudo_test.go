package pseudotest

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"regexp"
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
	long := &records.Record{Name: strings.Repeat("x", 100)}
	if got := records.Summarize(long); got != strings.Repeat("x", 63) {
		t.Errorf("a 100-byte name came back as %d bytes, want 63 (bounded by C's buffer)", len(got))
	}
}
