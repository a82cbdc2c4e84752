package faulttrace

import (
	"testing"
	"unsafe"
)

// Offsets as glibc's header places them (offsetof on x86-64 Debian 12).
func TestSiginfoLayoutMatchesTheKernel(t *testing.T) {
	var si siginfo
	for _, f := range []struct {
		name      string
		got, want uintptr
	}{
		{"sizeof(siginfo_t)", unsafe.Sizeof(si), 128},
		{"si_code", unsafe.Offsetof(si.Code), 8},
		{"si_addr", unsafe.Offsetof(si.Addr), 16},
		{"si_addr_lsb", unsafe.Offsetof(si.AddrLsb), 24},
		{"si_pkey", unsafe.Offsetof(si.Pkey), 32},
	} {
		if f.got != f.want {
			t.Errorf("%s at %d, want %d", f.name, f.got, f.want)
		}
	}
}
