package pkeys

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// Allocating, tagging and freeing keys on a PKU host is the smoke tests'
// job (tests/pkusmoke); this package's tests stay runnable anywhere.

func TestAllocOnHostWithoutPKUSaysWhy(t *testing.T) {
	reason := HostSupport()
	if reason == nil {
		t.Skip("host has PKU; tests/pkusmoke covers Alloc here")
	}
	key, err := Alloc(Allow)
	if err == nil {
		key.Free()
		t.Fatalf("Alloc succeeded on a host without PKU (%v)", reason)
	}
	t.Log(err)
	if !strings.Contains(err.Error(), reason.Error()) {
		t.Errorf("Alloc's error %q does not carry HostSupport's reason %q", err, reason)
	}
	var errno unix.Errno
	if !errors.As(err, &errno) {
		t.Errorf("Alloc's error %q does not wrap the errno", err)
	}
}

func TestAllocRejectsUnknownRights(t *testing.T) {
	if _, err := Alloc(Rights(4)); err == nil {
		t.Error("Alloc(Rights(4)) succeeded")
	}
}

func TestMprotectRejectsEmptyRange(t *testing.T) {
	if err := Mprotect(nil, unix.PROT_READ, 1); err == nil {
		t.Error("Mprotect(nil, ...) succeeded")
	}
}
