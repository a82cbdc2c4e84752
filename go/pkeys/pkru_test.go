package pkeys

import "testing"

// The expected values are the register layout from the Intel SDM: key k's
// AD bit is 2k and its WD bit is 2k+1.
func TestWithSetsTheKeysBits(t *testing.T) {
	for _, tc := range []struct {
		key    Key
		rights Rights
		want   PKRU
	}{
		{0, Deny, 0x1},
		{0, ReadOnly, 0x2},
		{1, Deny, 0x4},
		{1, ReadOnly, 0x8},
		{15, Deny, 0x40000000},
		{15, ReadOnly, 0x80000000},
	} {
		if got := PKRU(0).With(tc.key, tc.rights); got != tc.want {
			t.Errorf("PKRU(0).With(%d, %v) = %#x, want %#x", tc.key, tc.rights, uint32(got), uint32(tc.want))
		}
	}
}

func TestWithLeavesOtherKeysAlone(t *testing.T) {
	const allDenied PKRU = 0x55555555
	if got, want := allDenied.With(0, Allow).With(1, ReadOnly), PKRU(0x55555558); got != want {
		t.Errorf("got %#x, want %#x", uint32(got), uint32(want))
	}
	if got := allDenied.With(3, ReadOnly).With(3, Allow); got != allDenied.With(3, Allow) {
		t.Errorf("replacing ReadOnly with Allow left bits behind: %#x", uint32(got))
	}
}

func TestRightsRoundTrip(t *testing.T) {
	for _, base := range []PKRU{0, 0x55555554, 0xffffffff} {
		for key := Key(0); key < NumKeys; key++ {
			for _, r := range []Rights{Allow, ReadOnly, Deny} {
				if got := base.With(key, r).Rights(key); got != r {
					t.Errorf("%#x.With(%d, %v).Rights(%d) = %v", uint32(base), key, r, key, got)
				}
			}
		}
	}
}

func TestAccessDisableWinsOverWriteDisable(t *testing.T) {
	if got := PKRU(0x3).Rights(0); got != Deny {
		t.Errorf("AD|WD reads as %v, want deny", got)
	}
}

func TestString(t *testing.T) {
	for _, tc := range []struct {
		p    PKRU
		want string
	}{
		{0x55555550, "pkru=0x55555550 [k0-1:allow k2-15:deny]"},
		{0x55555554, "pkru=0x55555554 [k0:allow k1-15:deny]"},
		{0, "pkru=0x00000000 [k0-15:allow]"},
		{PKRU(0).With(1, Deny).With(2, ReadOnly).With(15, Deny), "pkru=0x40000024 [k0:allow k1:deny k2:readonly k3-14:allow k15:deny]"},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

func TestWithPanicsOnMisuse(t *testing.T) {
	for name, f := range map[string]func(){
		"key 16":         func() { PKRU(0).With(NumKeys, Deny) },
		"key -1":         func() { PKRU(0).With(-1, Deny) },
		"rights 4":       func() { PKRU(0).With(1, Rights(4)) },
		"Rights(key 16)": func() { PKRU(0).Rights(NumKeys) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
