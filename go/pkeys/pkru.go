package pkeys

import (
	"fmt"
	"strings"
)

// Key is a protection key as pkey_alloc hands it out. Every page carries
// key 0 until pkey_mprotect tags it with another.
type Key int

// NumKeys is how many keys PKRU describes, key 0 included.
const NumKeys = 16

// Rights says what a thread may do with the pages tagged by one key. The
// values are the kernel's PKEY_DISABLE_ACCESS and PKEY_DISABLE_WRITE flags,
// which are also the layout of a key's two-bit field in PKRU, so one value
// serves both pkey_alloc and the register.
type Rights uint32

const (
	Allow    Rights = 0      // reads and writes
	Deny     Rights = 1 << 0 // neither reads nor writes (AD, access disable)
	ReadOnly Rights = 1 << 1 // reads only (WD, write disable)

	rightsMask = Deny | ReadOnly
	rightsBits = 2 // width of one key's field in PKRU
)

func (r Rights) String() string {
	switch r {
	case Allow:
		return "allow"
	case Deny:
		return "deny"
	case ReadOnly:
		return "readonly"
	}
	return fmt.Sprintf("Rights(%#x)", uint32(r))
}

// PKRU is a value of the PKRU register: the rights of all NumKeys keys for
// one thread, key k in bits 2k (AD) and 2k+1 (WD).
type PKRU uint32

// With returns p with key's rights replaced by r. It panics on a key
// outside 0..NumKeys-1 or on rights other than Allow, ReadOnly and Deny,
// which are programming errors, not conditions to handle.
func (p PKRU) With(key Key, r Rights) PKRU {
	if r&^rightsMask != 0 {
		panic(fmt.Sprintf("pkeys: %v is not Allow, ReadOnly or Deny", r))
	}
	shift := key.shift()
	return p&^(PKRU(rightsMask)<<shift) | PKRU(r)<<shift
}

// Rights returns what p lets a thread do with key's pages. A field with
// both AD and WD set reads as Deny: AD already blocks writes.
func (p PKRU) Rights(key Key) Rights {
	r := Rights(p>>key.shift()) & rightsMask
	if r&Deny != 0 {
		return Deny
	}
	return r
}

// String shows the raw value and each key's rights, runs of keys with the
// same rights collapsed: "pkru=0x55555550 [k0-1:allow k2-15:deny]".
func (p PKRU) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "pkru=%#08x [", uint32(p))
	for first := Key(0); first < NumKeys; {
		r := p.Rights(first)
		last := first
		for last+1 < NumKeys && p.Rights(last+1) == r {
			last++
		}
		if first > 0 {
			b.WriteByte(' ')
		}
		if first == last {
			fmt.Fprintf(&b, "k%d:%v", first, r)
		} else {
			fmt.Fprintf(&b, "k%d-%d:%v", first, last, r)
		}
		first = last + 1
	}
	b.WriteByte(']')
	return b.String()
}

func (k Key) shift() uint {
	if k < 0 || k >= NumKeys {
		panic(fmt.Sprintf("pkeys: key %d is outside 0..%d", int(k), NumKeys-1))
	}
	return uint(k) * rightsBits
}

// Read returns the calling OS thread's PKRU.
//
// PKRU is per OS thread and a goroutine may move to another thread between
// any two statements, so a caller that needs the value to stay meaningful
// must hold runtime.LockOSThread (see pkru_amd64.s). It raises SIGILL when
// HostSupport reports an error.
func Read() PKRU

// Write sets the calling OS thread's PKRU.
//
// The new rights hold only for the thread that ran Write: a caller must
// hold runtime.LockOSThread from Write through the accesses it guards and
// the Write that restores the old value (see pkru_amd64.s). Keep key 0
// allowed, or the Go runtime faults on its own stacks and heap. It raises
// SIGILL when HostSupport reports an error.
func Write(p PKRU)
