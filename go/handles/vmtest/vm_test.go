// Package vmtest checks go/handles under real PKU: the table and its key are
// Go-key memory that C mode cannot read, and the registry's entry points
// still work with protection on. Run it through galeed_vm_test.
package vmtest

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"testing"
	"unsafe"

	"github.com/galeed-go/galeed/go/faulttrace"
	"github.com/galeed-go/galeed/go/handles"
	"github.com/galeed-go/galeed/go/handles/internal/gomode"
	"github.com/galeed-go/galeed/go/mpk"
)

const (
	childEnv = "HANDLES_VMTEST_CHILD"

	pointType handles.TypeID = 1
)

type point struct{ x, y int64 }

func TestMain(m *testing.M) {
	if err := handles.RegisterType(pointType, "point", unsafe.Sizeof(point{})); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
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

// scenarios read the table from C mode, through a cgo call with policy
// deny, at an address C can compute from go/mpk's configuration.
var scenarios = map[string]func(){
	"read-key": func() { readInCMode(gomode.KeyAddr()) },
	"read-entry": func() {
		h, err := handles.Share(unsafe.Pointer(new(point)), pointType)
		if err != nil {
			panic(err)
		}
		readInCMode(gomode.EntryAddr(uint32(h & 0xffffff)))
	},
}

func readInCMode(addr uintptr) {
	faulttrace.Announce("addr", uint64(addr))
	faulttrace.Announce("read", gomode.Read(addr))
}

func TestHostHasPKU(t *testing.T) {
	if _, err := mpk.Protected(); err != nil {
		t.Fatalf("%v: run this test through galeed_vm_test", err)
	}
}

// The entry points switch to Go mode and back on their own: with the table
// under the Go key, sharing, resolving and reclaiming work from cgo calls
// that run with it denied.
func TestOperationsUnderPKU(t *testing.T) {
	if _, err := mpk.Protected(); err != nil {
		t.Fatal(err)
	}
	p := &point{3, 4}
	h, err := handles.Share(unsafe.Pointer(p), pointType)
	if err != nil {
		t.Fatal(err)
	}
	if got := gomode.Resolve(h, pointType); got != uintptr(unsafe.Pointer(p)) {
		t.Errorf("resolve = %#x, want %#x", got, uintptr(unsafe.Pointer(p)))
	}
	c := gomode.Acquire(uintptr(unsafe.Pointer(p)), pointType)
	if c != h {
		t.Errorf("call-scoped acquire of a shared object: %#x, want %#x", uint64(c), uint64(h))
	}
	gomode.Release(c)
	if err := handles.Reclaim(h); err != nil {
		t.Fatal(err)
	}
}

func TestCModeCannotReadTheTable(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, scenario := range []string{"read-key", "read-entry"} {
		t.Run(scenario, func(t *testing.T) {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), childEnv+"="+scenario)
			r, err := faulttrace.RunWith(cmd, faulttrace.Options{Deliver: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("child %q: %v", scenario, r)
			announced := func(name string) uint64 {
				v, err := r.Announced(name)
				if err != nil {
					t.Fatalf("%v; child %v", err, r)
				}
				return v
			}
			pid, key, addr := announced("pid"), announced("key"), announced("addr")
			if key == 0 {
				t.Fatalf("the child ran unprotected; child %v", r)
			}
			f := r.Fault
			if f == nil || f.Code != faulttrace.SEGV_PKUERR || f.Addr != uintptr(addr) || f.Pkey != int(key) {
				t.Fatalf("fault %v, want SEGV_PKUERR addr=%#x pkey=%d", f, addr, key)
			}
			if _, err := r.Announced("read"); err == nil {
				t.Error("C mode read the table")
			}
			report := regexp.QuoteMeta(fmt.Sprintf("==%d==ERROR: galeed: READ of Go memory at %#x (pkey %d) in C code", pid, addr, key))
			if !regexp.MustCompile(report).Match(r.Output) {
				t.Errorf("no violation report matching %q", report)
			}
		})
	}
}
