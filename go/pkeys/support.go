package pkeys

import "fmt"

// CPUID leaf 7, subleaf 0, ECX bits that describe protection keys.
const (
	cpuidPKU   = 1 << 3 // the CPU implements protection keys for user pages
	cpuidOSPKE = 1 << 4 // the OS has set CR4.PKE, so RDPKRU/WRPKRU may execute
)

// cpuid executes the CPUID instruction; implemented in assembly.
func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)

// HostSupport reports whether this thread may use protection keys: nil when
// the CPU implements PKU and the kernel enabled it (OSPKE), otherwise an
// error that says which of the two is missing. Without OSPKE, RDPKRU and
// WRPKRU raise SIGILL, so every caller must check this first.
func HostSupport() error {
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return fmt.Errorf("host has no PKU (CPUID has no leaf 7; max leaf %d)", maxLeaf)
	}
	_, _, ecx, _ := cpuid(7, 0)
	switch {
	case ecx&cpuidPKU == 0:
		return fmt.Errorf("host has no PKU (the CPU does not implement protection keys: CPUID.07H:ECX.PKU=0)")
	case ecx&cpuidOSPKE == 0:
		return fmt.Errorf("host has no PKU (the CPU implements protection keys but the kernel did not enable them: CPUID.07H:ECX.OSPKE=0; needs CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS)")
	}
	return nil
}
