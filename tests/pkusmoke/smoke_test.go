// Package pkusmoke proves on the host it runs on that memory protection keys
// do what galeed-go relies on: a page tagged with a key stays usable while
// the key is allowed, and under write-disable or access-disable the kernel
// stops the access with SIGSEGV/SEGV_PKUERR naming the address and the key,
// without the value changing.
//
// The faulting accesses happen in a child (this binary re-executed) traced
// by faulttrace, so the siginfo checked is the kernel's own. The protected
// page is a shared memfd mapping that the parent maps too, which lets the
// parent read the value after the child is dead.
package pkusmoke

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"unsafe"

	"github.com/galeed-go/galeed/go/faulttrace"
	"github.com/galeed-go/galeed/go/pkeys"
	"golang.org/x/sys/unix"
)

const (
	childEnv = "PKUSMOKE_CHILD" // names the scenario a re-executed child runs

	// The protected value sits inside the page rather than at its start,
	// so si_addr is checked to the byte.
	slotOffset = 0x40

	original uint64 = 0x5afe5afe5afe5afe // what the parent stores before a child runs
	updated  uint64 = 0x00c0ffee00c0ffee // what an allowed write stores
	attack   uint64 = 0xbadbadbadbadbad0 // what a blocked write tries to store

	pageRW = unix.PROT_READ | unix.PROT_WRITE

	sharedPageFD = 3 // where the child finds the memfd: cmd.ExtraFiles[0]
)

func TestMain(m *testing.M) {
	if scenario := os.Getenv(childEnv); scenario != "" {
		if err := child(scenario); err != nil {
			fmt.Fprintf(os.Stderr, "pkusmoke child %q: %v\n", scenario, err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestPKU(t *testing.T) {
	if err := pkeys.HostSupport(); err != nil {
		t.Fatalf("%v: run this test through galeed_vm_test", err)
	}

	t.Run("alloc_grants_the_calling_thread_the_requested_rights", func(t *testing.T) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		saved := pkeys.Read()
		defer pkeys.Write(saved)
		for _, r := range []pkeys.Rights{pkeys.Allow, pkeys.ReadOnly, pkeys.Deny} {
			// Every key but 0 starts with other rights, so only
			// pkey_alloc can have given the new key r.
			other := pkeys.Deny
			if r == pkeys.Deny {
				other = pkeys.Allow
			}
			before := saved
			for k := pkeys.Key(1); k < pkeys.NumKeys; k++ {
				before = before.With(k, other)
			}
			pkeys.Write(before)
			key := alloc(t, r)
			after := pkeys.Read()
			t.Logf("Alloc(%v) = key %d: %v became %v", r, key, before, after)
			if got := after.Rights(key); got != r {
				t.Errorf("PKRU gives key %d %v, want %v", key, got, r)
			}
		}
	})

	t.Run("pkru_write_reads_back", func(t *testing.T) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		key := alloc(t, pkeys.Allow)
		old := pkeys.Read()
		want := old.With(key, pkeys.ReadOnly)
		pkeys.Write(want)
		got := pkeys.Read()
		pkeys.Write(old)
		t.Logf("wrote %v, read %v", want, got)
		if got != want {
			t.Errorf("read %v after writing %v", got, want)
		}
	})

	t.Run("freed_key_cannot_be_freed_again", func(t *testing.T) {
		key, err := pkeys.Alloc(pkeys.Allow)
		if err != nil {
			t.Fatal(err)
		}
		if err := key.Free(); err != nil {
			t.Fatal(err)
		}
		err = key.Free()
		t.Logf("second Free of key %d: %v", key, err)
		if !errors.Is(err, unix.EINVAL) {
			t.Errorf("second Free of key %d = %v, want EINVAL", key, err)
		}
	})

	t.Run("allowed_key_permits_reads_and_writes", func(t *testing.T) {
		c := runChild(t, "allowed")
		c.wantExit(t)
		read := c.announced(t, "read")
		t.Logf("key %d: read %#x at %#x, then wrote %#x; the parent now sees %#x", c.key, read, c.addr, updated, *c.slot)
		if read != original {
			t.Errorf("child read %#x, want %#x", read, original)
		}
		if *c.slot != updated {
			t.Errorf("after the child's write the value is %#x, want %#x", *c.slot, updated)
		}
	})

	t.Run("write_disable", func(t *testing.T) {
		c := runChild(t, "write-disabled")
		t.Run("reads_still_succeed", func(t *testing.T) {
			read := c.announced(t, "read")
			t.Logf("read %#x at %#x under %v", read, c.addr, c.pkru(t, "pkru"))
			if read != original {
				t.Errorf("child read %#x, want %#x", read, original)
			}
		})
		t.Run("write_faults_with_SEGV_PKUERR_at_the_address_and_key", func(t *testing.T) {
			c.wantPKUFault(t)
		})
		t.Run("value_survives_the_blocked_write", func(t *testing.T) {
			t.Logf("value at %#x after writing %#x was blocked: %#x", c.addr, attack, *c.slot)
			if *c.slot != original {
				t.Errorf("value is %#x, want %#x", *c.slot, original)
			}
		})
	})

	t.Run("access_disable", func(t *testing.T) {
		c := runChild(t, "access-disabled")
		t.Run("read_faults_with_SEGV_PKUERR_at_the_address_and_key", func(t *testing.T) {
			c.wantPKUFault(t)
		})
	})

	t.Run("re_enabled_key_permits_access_again", func(t *testing.T) {
		c := runChild(t, "re-enabled")
		c.wantExit(t)
		read := c.announced(t, "read")
		t.Logf("key %d: %v, then %v: read %#x at %#x, wrote %#x; the parent now sees %#x",
			c.key, c.pkru(t, "denied_pkru"), c.pkru(t, "pkru"), read, c.addr, updated, *c.slot)
		if read != original || *c.slot != updated {
			t.Errorf("child read %#x (want %#x), parent sees %#x (want %#x)", read, original, *c.slot, updated)
		}
	})
}

// alloc allocates a key that is freed when t ends.
func alloc(t *testing.T, r pkeys.Rights) pkeys.Key {
	t.Helper()
	key, err := pkeys.Alloc(r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := key.Free(); err != nil {
			t.Error(err)
		}
	})
	return key
}

// childRun is one traced child and the shared value it worked on.
type childRun struct {
	*faulttrace.Result
	slot *uint64 // the parent's view of the protected value
	key  pkeys.Key
	addr uintptr // the child's address of the protected value
}

// runChild runs scenario in a traced child on a fresh shared page holding
// original.
func runChild(t *testing.T, scenario string) *childRun {
	t.Helper()
	fd, err := unix.MemfdCreate("pkusmoke", unix.MFD_CLOEXEC)
	if err != nil {
		t.Fatalf("memfd_create: %v", err)
	}
	memfd := os.NewFile(uintptr(fd), "pkusmoke-memfd")
	defer memfd.Close()
	if err := memfd.Truncate(int64(os.Getpagesize())); err != nil {
		t.Fatal(err)
	}
	page, err := unix.Mmap(fd, 0, os.Getpagesize(), pageRW, unix.MAP_SHARED)
	if err != nil {
		t.Fatalf("mmap of the memfd: %v", err)
	}
	t.Cleanup(func() { unix.Munmap(page) })
	c := &childRun{slot: (*uint64)(unsafe.Pointer(&page[slotOffset]))}
	*c.slot = original

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+scenario)
	cmd.ExtraFiles = []*os.File{memfd}
	if c.Result, err = faulttrace.Run(cmd); err != nil {
		t.Fatalf("tracing child %q: %v", scenario, err)
	}
	c.key = pkeys.Key(c.announced(t, "key"))
	c.addr = uintptr(c.announced(t, "addr"))
	return c
}

func (c *childRun) announced(t *testing.T, name string) uint64 {
	t.Helper()
	v, err := c.Announced(name)
	if err != nil {
		t.Fatalf("%v; child %v", err, c.Result)
	}
	return v
}

func (c *childRun) pkru(t *testing.T, name string) pkeys.PKRU {
	t.Helper()
	return pkeys.PKRU(c.announced(t, name))
}

func (c *childRun) wantExit(t *testing.T) {
	t.Helper()
	if c.Fault != nil || !c.Status.Exited() || c.Status.ExitStatus() != 0 {
		t.Fatalf("want a clean exit; child %v", c.Result)
	}
}

func (c *childRun) wantPKUFault(t *testing.T) {
	t.Helper()
	f := c.Fault
	if f == nil {
		t.Fatalf("no fault; child %v", c.Result)
	}
	t.Logf("access to %#x under %v: %v", c.addr, c.pkru(t, "pkru"), f)
	if f.Signo != unix.SIGSEGV || f.Code != faulttrace.SEGV_PKUERR || f.Addr != c.addr || f.Pkey != int(c.key) {
		t.Errorf("got %v, want SIGSEGV SEGV_PKUERR addr=%#x pkey=%d", f, c.addr, c.key)
	}
}

// sink keeps the compiler from dropping a read whose value is unused.
var sink uint64

// child runs one scenario on the shared page: it tags the page with a
// fresh key, announces the key and the value's address, and accesses the
// value under the rights the scenario names. A scenario that should fault
// returns only when the fault did not happen.
func child(scenario string) error {
	// PKRU, including the rights Alloc grants, belongs to one thread.
	runtime.LockOSThread()
	page, err := unix.Mmap(sharedPageFD, 0, os.Getpagesize(), pageRW, unix.MAP_SHARED)
	if err != nil {
		return fmt.Errorf("mapping the shared page: %w", err)
	}
	key, err := pkeys.Alloc(pkeys.Allow)
	if err != nil {
		return err
	}
	if err := pkeys.Mprotect(page, pageRW, key); err != nil {
		return err
	}
	slot := (*uint64)(unsafe.Pointer(&page[slotOffset]))
	faulttrace.Announce("key", uint64(key))
	faulttrace.Announce("addr", uint64(uintptr(unsafe.Pointer(slot))))

	setRights := func(name string, r pkeys.Rights) {
		p := pkeys.Read().With(key, r)
		pkeys.Write(p)
		faulttrace.Announce(name, uint64(p))
	}

	switch scenario {
	case "allowed":
		faulttrace.Announce("read", *slot)
		*slot = updated
	case "write-disabled":
		setRights("pkru", pkeys.ReadOnly)
		faulttrace.Announce("read", *slot)
		*slot = attack
		return errors.New("the write under write-disable did not fault")
	case "access-disabled":
		setRights("pkru", pkeys.Deny)
		sink = *slot
		return errors.New("the read under access-disable did not fault")
	case "re-enabled":
		setRights("denied_pkru", pkeys.Deny)
		setRights("pkru", pkeys.Allow)
		faulttrace.Announce("read", *slot)
		*slot = updated
	default:
		return errors.New("unknown scenario")
	}
	return nil
}
