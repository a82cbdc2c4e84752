package handles_test

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"unsafe"

	"github.com/galeed-go/galeed/go/handles"
	"github.com/galeed-go/galeed/go/handles/internal/gomode"
)

// These tests need no PKU: they check the registry's logic, which is the
// same with protection off. The aborting cases run in children (this
// binary re-executed with childEnv set).

const childEnv = "HANDLES_TEST_CHILD"

type point struct{ x, y int64 }

type label struct{ s string }

type outer struct {
	a  int64
	in point
}

type node struct{ next *node }

const (
	pointType handles.TypeID = 1
	labelType handles.TypeID = 2
	outerType handles.TypeID = 3
	nodeType  handles.TypeID = 4
)

func TestMain(m *testing.M) {
	for _, r := range []struct {
		id   handles.TypeID
		name string
		size uintptr
	}{{pointType, "point", unsafe.Sizeof(point{})}, {labelType, "label", unsafe.Sizeof(label{})},
		{outerType, "outer", unsafe.Sizeof(outer{})}, {nodeType, "node", unsafe.Sizeof(node{})}} {
		if err := handles.RegisterType(r.id, r.name, r.size); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
	if scenario := os.Getenv(childEnv); scenario != "" {
		f, ok := scenarios[scenario]
		if !ok {
			fmt.Fprintf(os.Stderr, "unknown scenario %q\n", scenario)
			os.Exit(3)
		}
		f()
		os.Exit(0) // a scenario that does not abort fails its test
	}
	os.Exit(m.Run())
}

// sipHash24 is SipHash-2-4 written from the paper (Aumasson and Bernstein,
// 2012), to check handles.c's against.
func sipHash24(k0, k1 uint64, msg []byte) uint64 {
	v0, v1 := k0^0x736f6d6570736575, k1^0x646f72616e646f6d
	v2, v3 := k0^0x6c7967656e657261, k1^0x7465646279746573
	round := func() {
		v0 += v1
		v1 = bits.RotateLeft64(v1, 13) ^ v0
		v0 = bits.RotateLeft64(v0, 32)
		v2 += v3
		v3 = bits.RotateLeft64(v3, 16) ^ v2
		v0 += v3
		v3 = bits.RotateLeft64(v3, 21) ^ v0
		v2 += v1
		v1 = bits.RotateLeft64(v1, 17) ^ v2
		v2 = bits.RotateLeft64(v2, 32)
	}
	compress := func(m uint64) {
		v3 ^= m
		round()
		round()
		v0 ^= m
	}
	n := len(msg)
	for ; len(msg) >= 8; msg = msg[8:] {
		compress(binary.LittleEndian.Uint64(msg))
	}
	last := uint64(n) << 56
	for i, b := range msg {
		last |= uint64(b) << (8 * i)
	}
	compress(last)
	v2 ^= 0xff
	round()
	round()
	round()
	round()
	return v0 ^ v1 ^ v2 ^ v3
}

// The reference implementation itself, against the paper's test vectors:
// key 00 01 .. 0f, messages 00 01 .. (n-1).
func TestReferenceSipHash(t *testing.T) {
	k0, k1 := uint64(0x0706050403020100), uint64(0x0f0e0d0c0b0a0908)
	msg := make([]byte, 15)
	for i := range msg {
		msg[i] = byte(i)
	}
	for _, c := range []struct {
		n    int
		want uint64
	}{{0, 0x726fdb47dd0e0e31}, {8, 0x93f5f5799a932462}, {15, 0xa129ca6149be45e5}} {
		if got := sipHash24(k0, k1, msg[:c.n]); got != c.want {
			t.Errorf("SipHash-2-4 of %d bytes = %#x, want %#x", c.n, got, c.want)
		}
	}
}

type parts struct {
	slot uint32
	gen  uint8
	tag  uint32
}

func split(h handles.Handle) parts {
	return parts{uint32(h & 0xffffff), uint8(h >> 24), uint32(h >> 32)}
}

// wantTag checks h's tag against SipHash-2-4 under the table's key.
func wantTag(t *testing.T, h handles.Handle, typ handles.TypeID) {
	t.Helper()
	p := split(h)
	msg := binary.LittleEndian.AppendUint32(nil, p.slot|uint32(p.gen)<<24)
	msg = binary.LittleEndian.AppendUint32(msg, uint32(typ))
	k := gomode.Key()
	if want := uint32(sipHash24(k[0], k[1], msg)); p.tag != want {
		t.Errorf("handle %#x (slot %d, generation %d, type %d) has tag %#x, want %#x", uint64(h), p.slot, p.gen, typ, p.tag, want)
	}
}

func TestKeyIsRandom(t *testing.T) {
	if k := gomode.Key(); k == [2]uint64{} {
		t.Error("the handle key is zero")
	}
}

func TestAcquireIsUniquePerObjectAndType(t *testing.T) {
	a, b := new(point), new(point)
	pa, pb := uintptr(unsafe.Pointer(a)), uintptr(unsafe.Pointer(b))
	h := gomode.Acquire(pa, pointType)
	defer gomode.Release(h)
	if h == 0 || split(h).slot == 0 {
		t.Fatalf("handle %#x has no slot", uint64(h))
	}
	wantTag(t, h, pointType)
	if again := gomode.Acquire(pa, pointType); again != h {
		t.Errorf("acquiring again gave %#x, want the same %#x", uint64(again), uint64(h))
	} else {
		gomode.Release(again)
	}
	hb := gomode.Acquire(pb, pointType)
	defer gomode.Release(hb)
	asLabel := gomode.Acquire(pa, labelType)
	defer gomode.Release(asLabel)
	if hb == h || asLabel == h || split(hb).slot == split(h).slot || split(asLabel).slot == split(h).slot {
		t.Errorf("distinct (object, type) pairs share a handle or slot: %#x, %#x, %#x", uint64(h), uint64(hb), uint64(asLabel))
	}
	wantTag(t, asLabel, labelType)
	if got := gomode.Resolve(h, pointType); got != pa {
		t.Errorf("resolve = %#x, want %#x", got, pa)
	}
	if got := gomode.Resolve(asLabel, labelType); got != pa {
		t.Errorf("resolve of the label handle = %#x, want %#x", got, pa)
	}
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
}

func TestAcquireOfNilIsZero(t *testing.T) {
	if h := gomode.Acquire(0, pointType); h != 0 {
		t.Errorf("acquire of NULL = %#x, want 0", uint64(h))
	}
	gomode.Release(0) // a no-op, as for a wrapper's nil argument
}

// Many goroutines, on many threads, acquire the same objects at once: each
// object must get one handle, counted, that lives until the last release.
func TestConcurrentAcquire(t *testing.T) {
	const goroutines, objects, rounds = 16, 64, 50
	objs := make([]point, objects)
	addr := func(i int) uintptr { return uintptr(unsafe.Pointer(&objs[i])) }
	got := make([][]handles.Handle, goroutines)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			got[g] = make([]handles.Handle, objects)
			for r := 0; r < rounds; r++ {
				for i := 0; i < objects; i++ {
					h := gomode.Acquire(addr(i), pointType)
					if r == 0 {
						got[g][i] = h
					} else {
						gomode.Release(h) // keeps one acquire per goroutine
					}
				}
			}
		}(g)
	}
	wg.Wait()
	slots := map[uint32]int{}
	for i := 0; i < objects; i++ {
		h := got[0][i]
		for g := range got {
			if got[g][i] != h {
				t.Fatalf("object %d: goroutine %d got %#x, goroutine 0 %#x", i, g, uint64(got[g][i]), uint64(h))
			}
		}
		if j, dup := slots[split(h).slot]; dup {
			t.Fatalf("objects %d and %d share slot %d", j, i, split(h).slot)
		}
		slots[split(h).slot] = i
		wantTag(t, h, pointType)
	}
	// All but the last release leave the handle live.
	for i := 0; i < objects; i++ {
		for g := 1; g < goroutines; g++ {
			gomode.Release(got[g][i])
		}
		if p := gomode.Resolve(got[0][i], pointType); p != addr(i) {
			t.Errorf("object %d resolves to %#x, want %#x", i, p, addr(i))
		}
		gomode.Release(got[0][i])
	}
	runtime.KeepAlive(objs)
}

// Releasing the last acquire bumps the slot's generation: the next handle
// of the same slot differs, and checks with its own tag.
func TestReleaseStartsNewGeneration(t *testing.T) {
	a := new(point)
	p := uintptr(unsafe.Pointer(a))
	h1 := gomode.Acquire(p, pointType)
	gomode.Release(h1)
	h2 := gomode.Acquire(p, pointType)
	defer gomode.Release(h2)
	s1, s2 := split(h1), split(h2)
	if s2.slot != s1.slot || s2.gen != s1.gen+1 {
		t.Errorf("after release: slot %d generation %d, want slot %d (reused) generation %d", s2.slot, s2.gen, s1.slot, s1.gen+1)
	}
	wantTag(t, h2, pointType)
	runtime.KeepAlive(a)
}

func TestShareAndReclaim(t *testing.T) {
	a := &point{1, 2}
	h, err := handles.Share(unsafe.Pointer(a), pointType)
	if err != nil {
		t.Fatal(err)
	}
	wantTag(t, h, pointType)
	if h2, err := handles.Share(unsafe.Pointer(a), pointType); err != nil || h2 != h {
		t.Fatalf("sharing again: %#x, %v; want %#x", uint64(h2), err, uint64(h))
	}
	// A call-scoped acquire of a shared object is the same handle, too.
	if c := gomode.Acquire(uintptr(unsafe.Pointer(a)), pointType); c != h {
		t.Errorf("call-scoped acquire of a shared object: %#x, want %#x", uint64(c), uint64(h))
	} else {
		gomode.Release(c)
	}
	for i := 0; i < 2; i++ {
		if got := gomode.Resolve(h, pointType); got != uintptr(unsafe.Pointer(a)) {
			t.Fatalf("resolve = %#x, want %#x", got, uintptr(unsafe.Pointer(a)))
		}
		if err := handles.Reclaim(h); err != nil {
			t.Fatalf("reclaim %d: %v", i+1, err)
		}
	}
	if err := handles.Reclaim(h); err != handles.ErrNotShared {
		t.Errorf("a third reclaim of two shares: %v, want %v", err, handles.ErrNotShared)
	}
	if _, err := handles.Share(nil, pointType); err == nil {
		t.Error("Share(nil) succeeded")
	}
	if _, err := handles.Share(unsafe.Pointer(a), 77); err == nil || !strings.Contains(err.Error(), "not registered") {
		t.Errorf("Share of an unregistered type: %v, want an error saying so", err)
	}
}

func TestRegisterType(t *testing.T) {
	if err := handles.RegisterType(pointType, "point", unsafe.Sizeof(point{})); err != nil {
		t.Errorf("registering the same type again: %v", err)
	}
	// IDs are any 32 bits, as galeedgen derives them from type names.
	const hashed handles.TypeID = 0x5aafdfce
	if err := handles.RegisterType(hashed, "paper.Counter", 8); err != nil {
		t.Errorf("RegisterType(%#x): %v", hashed, err)
	}
	if err := handles.RegisterType(hashed, "paper.Counter", 8); err != nil {
		t.Errorf("registering %#x again: %v", hashed, err)
	}
	for _, c := range []struct {
		id   handles.TypeID
		name string
		size uintptr
	}{
		{pointType, "other", unsafe.Sizeof(point{})},
		{pointType, "point", 99},
		{0, "zero", 1},
		{3, "", 1},
		{3, strings.Repeat("n", 64), 1},
	} {
		if err := handles.RegisterType(c.id, c.name, c.size); err == nil {
			t.Errorf("RegisterType(%d, %q, %d) succeeded", c.id, c.name, c.size)
		}
	}
}

// scenarios are the children's misuses; each must abort with a report.
var scenarios = map[string]func(){
	"forged": func() {
		h := gomode.Acquire(uintptr(unsafe.Pointer(new(point))), pointType)
		announce(h ^ 1<<40) // one bit of the tag flipped
		gomode.Resolve(h^1<<40, pointType)
	},
	"forged-slot": func() {
		announce(0x1234_5678_00ff_fff0) // a slot never handed out
		gomode.Resolve(0x1234_5678_00ff_fff0, pointType)
	},
	"expired": func() {
		h := gomode.Acquire(uintptr(unsafe.Pointer(new(point))), pointType)
		gomode.Release(h)
		announce(h)
		gomode.Resolve(h, pointType)
	},
	"expired-reused": func() { // the slot is live again, for another object
		h := gomode.Acquire(uintptr(unsafe.Pointer(new(point))), pointType)
		gomode.Release(h)
		gomode.Acquire(uintptr(unsafe.Pointer(new(point))), pointType)
		announce(h)
		gomode.Resolve(h, pointType)
	},
	"expired-release": func() {
		h := gomode.Acquire(uintptr(unsafe.Pointer(new(point))), pointType)
		gomode.Release(h)
		announce(h)
		gomode.Release(h)
	},
	"reclaimed": func() {
		h, _ := handles.Share(unsafe.Pointer(new(point)), pointType)
		handles.Reclaim(h)
		announce(h)
		gomode.Resolve(h, pointType)
	},
	"type-confused": func() {
		h := gomode.Acquire(uintptr(unsafe.Pointer(new(point))), pointType)
		announce(h)
		gomode.Resolve(h, labelType)
	},
	"share-in-go-mode": func() { gomode.ShareInGoMode(uintptr(unsafe.Pointer(new(point))), pointType) },
	"child-expired": func() { // the parent's call-scoped handle released
		o := new(outer)
		ph := gomode.Acquire(uintptr(unsafe.Pointer(o)), outerType)
		ch := gomode.AcquireChild(ph, uintptr(unsafe.Pointer(&o.in)), pointType)
		gomode.Resolve(ch, pointType)
		gomode.Release(ph)
		announce(ch)
		gomode.Resolve(ch, pointType)
	},
	"grandchild-reclaimed": func() { // the parent's share reclaimed
		o := new(outer)
		ph, _ := handles.Share(unsafe.Pointer(o), outerType)
		ch := gomode.AcquireChild(ph, uintptr(unsafe.Pointer(&o.in)), pointType)
		gh := gomode.AcquireChild(ch, uintptr(unsafe.Pointer(&o.in.y)), labelType)
		gomode.Resolve(gh, labelType)
		handles.Reclaim(ph)
		announce(gh)
		gomode.Resolve(gh, labelType)
	},
	"child-of-expired": func() {
		o := new(outer)
		ph := gomode.Acquire(uintptr(unsafe.Pointer(o)), outerType)
		gomode.Release(ph)
		announce(ph)
		gomode.AcquireChild(ph, uintptr(unsafe.Pointer(&o.in)), pointType)
	},
	"table-full": func() {
		words := make([]uint64, gomode.Capacity)
		announce(0)
		gomode.Fill(uintptr(unsafe.Pointer(&words[0])), gomode.Capacity, pointType)
		gomode.Acquire(uintptr(unsafe.Pointer(new(label))), pointType)
	},
}

func announce(h handles.Handle) { fmt.Fprintf(os.Stderr, "handle=0x%016x\n", uint64(h)) }

func TestMisuseAbortsWithReport(t *testing.T) {
	for _, c := range []struct{ scenario, kind, typ, in, detail string }{
		{"forged", "forged", "point", "galeed_handle_resolve", `slot \d+: handle's generation \d+, slot's generation \d+, live, type point`},
		{"forged-slot", "forged", "point", "galeed_handle_resolve", `slot 16777200 was never handed out`},
		{"expired", "expired", "point", "galeed_handle_resolve", `slot \d+: handle's generation 0, slot's generation 1, free, type point`},
		{"expired-reused", "expired", "point", "galeed_handle_resolve", `slot \d+: handle's generation 0, slot's generation 1, live, type point`},
		{"expired-release", "expired", "point", "galeed_handle_release", `slot \d+: handle's generation 0, slot's generation 1, free, type point`},
		{"reclaimed", "expired", "point", "galeed_handle_resolve", `slot \d+: handle's generation 0, slot's generation 1, free, type point`},
		{"type-confused", "type-confused", "label", "galeed_handle_resolve", `slot \d+: handle's generation 0, slot's generation 0, live, type point`},
		{"child-expired", "expired", "point", "galeed_handle_resolve", `slot \d+: handle's generation 0, slot's generation 1, free, type point`},
		{"grandchild-reclaimed", "expired", "label", "galeed_handle_resolve", `slot \d+: handle's generation 0, slot's generation 1, free, type label`},
		{"child-of-expired", "expired", "outer", "galeed_handle_acquire_child (parent)", `slot \d+: handle's generation 0, slot's generation 1, free, type outer`},
		{"table-full", "table full", "point", "galeed_handle_acquire", fmt.Sprintf("all %d slots hold live handles", gomode.Capacity)},
	} {
		t.Run(c.scenario, func(t *testing.T) {
			out, pid := runAbortingChild(t, c.scenario)
			m := regexp.MustCompile(`handle=(0x[0-9a-f]{16})\n`).FindSubmatch(out)
			if m == nil {
				t.Fatalf("the child announced no handle; output:\n%s", out)
			}
			for _, pattern := range []string{
				fmt.Sprintf(`\n==%d==ERROR: galeed: %s handle %s for type %s\n`, pid, regexp.QuoteMeta(c.kind), m[1], c.typ),
				`\n    in: +` + regexp.QuoteMeta(c.in),
				`\n    ` + c.detail + `\n`,
				`\nSUMMARY: galeed: ` + regexp.QuoteMeta(c.kind) + ` handle in ` + regexp.QuoteMeta(c.in),
			} {
				if !regexp.MustCompile(pattern).Match(out) {
					t.Errorf("the report does not match %q; output:\n%s", pattern, out)
				}
			}
		})
	}
}

// The C-mode entry points switch modes with one checked pair of gates:
// called in Go mode, the pair does not match and the process aborts rather
// than leave the thread in C mode.
func TestEntryPointInGoModeAborts(t *testing.T) {
	out, _ := runAbortingChild(t, "share-in-go-mode")
	const want = "galeed_leave_go: the Go callback was not called from C mode (unbalanced gates)\n"
	if !strings.Contains(string(out), want) {
		t.Errorf("the child's output does not say %q; output:\n%s", want, out)
	}
}

// runAbortingChild runs scenario in a child, requires it to abort, and
// returns its output and process id.
func runAbortingChild(t *testing.T, scenario string) ([]byte, int) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+scenario)
	out, err := cmd.CombinedOutput()
	// C's abort raises SIGABRT inside a cgo call; Go's handler turns it
	// into its crash report and exit status 2.
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.Sys().(syscall.WaitStatus).ExitStatus() != 2 || !strings.Contains(string(out), "SIGABRT: abort") {
		t.Fatalf("child %q: %v, want SIGABRT and Go's exit status 2; output:\n%s", scenario, err, out)
	}
	return out, cmd.Process.Pid
}

func slotOf(h handles.Handle) uint32 { return split(h).slot }

// A nested struct's getter: the child resolves while the parent lives,
// repeated getters hold one reference, and the parent's release frees it
// (the aborting resolve after it: the child-expired scenario).
func TestChildLivesWithParent(t *testing.T) {
	o := new(outer)
	ph := gomode.Acquire(uintptr(unsafe.Pointer(o)), outerType)
	in := uintptr(unsafe.Pointer(&o.in))
	ch := gomode.AcquireChild(ph, in, pointType)
	wantTag(t, ch, pointType)
	for i := 0; i < 3; i++ {
		if again := gomode.AcquireChild(ph, in, pointType); again != ch {
			t.Fatalf("child again: %#x, want %#x", uint64(again), uint64(ch))
		}
	}
	if got := gomode.Resolve(ch, pointType); got != in {
		t.Errorf("child resolves to %#x, want %#x", got, in)
	}
	if r := gomode.SlotRefs(slotOf(ch)); r.Calls != 0 || r.Shares != 0 || r.Parents != 1 {
		t.Errorf("child's counts %+v, want one parent and nothing else", r)
	}
	if r := gomode.SlotRefs(slotOf(ph)); r.Children != 1 {
		t.Errorf("parent has %d child links, want 1", r.Children)
	}
	if gomode.AcquireChild(ph, 0, pointType) != 0 {
		t.Error("child of a nil field is not 0")
	}
	gomode.Release(ph)
	if r := gomode.SlotRefs(slotOf(ch)); r.Parents != 0 {
		t.Errorf("after the parent's release, child's counts %+v", r)
	}
	// Both slots are free and the child's generation moved on.
	h := gomode.Acquire(in, pointType)
	defer gomode.Release(h)
	if split(h).gen == split(ch).gen && split(h).slot == split(ch).slot {
		t.Errorf("the child's handle %#x came back after its parent's release", uint64(h))
	}
	runtime.KeepAlive(o)
}

// A child with its own call-scoped acquire, and a child of two parents,
// live until the last reference goes.
func TestChildWithOtherReferences(t *testing.T) {
	o1, o2, shared := new(outer), new(outer), new(point)
	sp := uintptr(unsafe.Pointer(shared))
	p1 := gomode.Acquire(uintptr(unsafe.Pointer(o1)), outerType)
	p2 := gomode.Acquire(uintptr(unsafe.Pointer(o2)), outerType)
	c1 := gomode.AcquireChild(p1, sp, pointType)
	if c2 := gomode.AcquireChild(p2, sp, pointType); c2 != c1 {
		t.Fatalf("the same object under two parents: %#x and %#x", uint64(c1), uint64(c2))
	}
	own := gomode.Acquire(sp, pointType)
	gomode.Release(p1)
	gomode.Release(own)
	if got := gomode.Resolve(c1, pointType); got != sp {
		t.Errorf("child with a parent left resolves to %#x, want %#x", got, sp)
	}
	gomode.Release(p2)
	if r := gomode.SlotRefs(slotOf(c1)); r.Calls+r.Shares+r.Parents != 0 {
		t.Errorf("after both parents' release, child's counts %+v", r)
	}
	runtime.KeepAlive(o1)
	runtime.KeepAlive(o2)
	runtime.KeepAlive(shared)
}

// Pointer cycles (a.next = b, b.next = a; c.next = c) do not keep
// themselves alive.
func TestChildCycle(t *testing.T) {
	a, b, c := new(node), new(node), new(node)
	a.next, b.next, c.next = b, a, c
	pa, pb, pc := uintptr(unsafe.Pointer(a)), uintptr(unsafe.Pointer(b)), uintptr(unsafe.Pointer(c))
	ha := gomode.Acquire(pa, nodeType)
	hb := gomode.AcquireChild(ha, pb, nodeType)
	if back := gomode.AcquireChild(hb, pa, nodeType); back != ha {
		t.Errorf("b.next: %#x, want a's handle %#x", uint64(back), uint64(ha))
	}
	hc := gomode.Acquire(pc, nodeType)
	if self := gomode.AcquireChild(hc, pc, nodeType); self != hc {
		t.Errorf("c.next: %#x, want c's handle %#x", uint64(self), uint64(hc))
	}
	gomode.Release(ha)
	gomode.Release(hc)
	for _, h := range []handles.Handle{ha, hb, hc} {
		if r := gomode.SlotRefs(slotOf(h)); r.Calls+r.Shares+r.Parents+r.Children != 0 {
			t.Errorf("slot %d after the releases: %+v, want free", slotOf(h), r)
		}
	}
	runtime.KeepAlive([]*node{a, b, c})
}

// 10^5 getter calls, in one C call and across 10^5 calls (a parent
// acquired and released each time, of a new object each), leave the table's used slots as they
// were but for the two they need.
func TestGetterDoesNotFillTable(t *testing.T) {
	const n = 100000
	o := new(outer)
	po, in := uintptr(unsafe.Pointer(o)), uintptr(unsafe.Pointer(&o.in))
	off := in - po
	before := gomode.SlotRefs(1).Used
	ph := gomode.Acquire(po, outerType)
	ch := gomode.GetterLoop(ph, outerType, off, pointType, n)
	if r := gomode.SlotRefs(slotOf(ch)); r.Parents != 1 {
		t.Errorf("after %d getter calls the child has %d parent references, want 1", n, r.Parents)
	}
	if r := gomode.SlotRefs(slotOf(ph)); r.Children != 1 {
		t.Errorf("after %d getter calls the parent has %d child links, want 1", n, r.Children)
	}
	gomode.Release(ph)
	// A distinct object each call: children that outlived their parent
	// would take a new slot each.
	objs := make([]outer, n)
	for i := range objs {
		ph := gomode.Acquire(uintptr(unsafe.Pointer(&objs[i])), outerType)
		gomode.GetterLoop(ph, outerType, off, pointType, 1)
		gomode.Release(ph)
	}
	if after := gomode.SlotRefs(1).Used; after > before+2 {
		t.Errorf("used slots went from %d to %d over %d getter calls", before, after, 2*n)
	}
	runtime.KeepAlive(o)
	runtime.KeepAlive(objs)
}

// The lock-free resolve against concurrent releases and reuses of the
// same slots, for objects of different types: every resolve of a handle
// its goroutine holds returns that goroutine's object.
func TestResolveDuringReuse(t *testing.T) {
	const goroutines, rounds = 8, 20000
	objs := make([]outer, goroutines)
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			typ := []handles.TypeID{pointType, outerType}[g%2]
			p := uintptr(unsafe.Pointer(&objs[g]))
			for r := 0; r < rounds; r++ {
				h := gomode.Acquire(p, typ)
				for i := 0; i < 4; i++ {
					if got := gomode.Resolve(h, typ); got != p {
						errs <- fmt.Sprintf("goroutine %d: resolve of %#x = %#x, want %#x", g, uint64(h), got, p)
						return
					}
				}
				gomode.Release(h)
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	runtime.KeepAlive(objs)
}
