package faulttrace

// siginfo is the kernel's siginfo_t on x86-64 as PTRACE_GETSIGINFO copies
// it out, with the _sigfault member of the union spelled out: si_addr at
// offset 16, si_addr_lsb at 24, then a union of the MPX bounds and si_pkey
// at 32 (see include/uapi/asm-generic/siginfo.h in the kernel, or glibc's
// bits/types/siginfo_t.h).
type siginfo struct {
	Signo   int32
	Errno   int32
	Code    int32
	_       int32 // the union is 8-byte aligned
	Addr    uint64
	AddrLsb int16
	_       [6]byte // the bounds/pkey union holds pointers, so it is 8-byte aligned
	Pkey    uint32
	_       [92]byte // the rest of the kernel's 128 bytes
}
