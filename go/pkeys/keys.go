package pkeys

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Alloc allocates a protection key for this process and gives the calling
// OS thread rights to its pages; other threads keep whatever their PKRU
// already says about the key (by the kernel's default, Deny). A caller
// that relies on the granted rights must hold runtime.LockOSThread from
// before Alloc.
func Alloc(rights Rights) (Key, error) {
	if rights&^rightsMask != 0 {
		return 0, fmt.Errorf("pkeys: pkey_alloc: %v is not Allow, ReadOnly or Deny", rights)
	}
	key, _, errno := unix.Syscall(unix.SYS_PKEY_ALLOC, 0, uintptr(rights), 0)
	if errno != 0 {
		return 0, callError(fmt.Sprintf("pkey_alloc(rights %v)", rights), errno, map[unix.Errno]string{
			unix.ENOSPC: fmt.Sprintf("no free protection key: all %d keys besides key 0 are allocated in this process", NumKeys-1),
		})
	}
	return Key(key), nil
}

// Free returns k to the kernel. Pages still tagged with k keep the tag, and
// a later Alloc may hand k out again, so retag them first.
func (k Key) Free() error {
	if _, _, errno := unix.Syscall(unix.SYS_PKEY_FREE, uintptr(k), 0, 0); errno != 0 {
		return callError(fmt.Sprintf("pkey_free(key %d)", k), errno, map[unix.Errno]string{
			unix.EINVAL: fmt.Sprintf("key %d is not allocated in this process", k),
		})
	}
	return nil
}

// Mprotect sets the protection of the pages spanning b to prot (unix.PROT_*
// bits) and tags them with key. b must start on a page boundary and should
// come from unix.Mmap: tagging Go-managed memory would hide it from the Go
// runtime whenever key is denied.
func Mprotect(b []byte, prot int, key Key) error {
	if len(b) == 0 {
		return fmt.Errorf("pkeys: pkey_mprotect(key %d): empty range", key)
	}
	addr := uintptr(unsafe.Pointer(&b[0]))
	_, _, errno := unix.Syscall6(unix.SYS_PKEY_MPROTECT, addr, uintptr(len(b)), uintptr(prot), uintptr(key), 0, 0)
	if errno != 0 {
		return callError(fmt.Sprintf("pkey_mprotect(%#x, %d bytes, prot %#x, key %d)", addr, len(b), prot, key), errno, map[unix.Errno]string{
			unix.EINVAL: fmt.Sprintf("key %d is not allocated in this process, the address is not page-aligned, or prot is invalid", key),
			unix.ENOMEM: "part of the range is not mapped",
		})
	}
	return nil
}

// callError wraps errno, which errors.Is still finds, with the call that
// failed and why. On a host without PKU every pkey call fails with an errno
// that hides the real reason, so HostSupport's answer comes first.
func callError(call string, errno unix.Errno, causes map[unix.Errno]string) error {
	if err := HostSupport(); err != nil {
		return fmt.Errorf("pkeys: %s: %w: %v", call, errno, err)
	}
	if cause, ok := causes[errno]; ok {
		return fmt.Errorf("pkeys: %s: %w: %s", call, errno, cause)
	}
	return fmt.Errorf("pkeys: %s: %w", call, errno)
}
