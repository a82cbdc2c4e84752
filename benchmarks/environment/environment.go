// Package environment says what a galeed-go benchmark's times mean on the
// machine that measured them. A gate costs what its WRPKRU costs, and only
// hardware PKU measures that: natively on a host without PKU the gates skip
// the instruction, and in the galeed VM (QEMU's TCG) every instruction is
// emulated.
package environment

/*
#include "tcg.h"
*/
import "C"

import (
	"github.com/galeed-go/galeed/go/mpk"
	"github.com/galeed-go/galeed/go/pkeys"
)

// noWRPKRU ends the label of a process whose gates leave PKRU alone.
const noWRPKRU = ": gates run without WRPKRU — its cost is not in these numbers"

// Label says where this process runs and whether its gates execute WRPKRU.
func Label() string {
	if pkeys.HostSupport() != nil {
		return "native, no PKU" + noWRPKRU
	}
	if _, err := mpk.Protected(); err != nil {
		return "PKU present, but " + err.Error() + noWRPKRU
	}
	if C.galeed_under_tcg() != 0 {
		return "emulated PKU (QEMU TCG): not hardware times"
	}
	return "hardware PKU"
}
