// Package pkeys is galeed-go's thin layer over Intel memory protection keys
// (MPK/PKU) on Linux: detecting whether the CPU and kernel support them,
// allocating keys and tagging pages with pkey_alloc/pkey_free/pkey_mprotect,
// and reading and writing the calling thread's PKRU register.
//
// PKRU holds two bits per key: AD (access disable) and WD (write disable).
// Callers never build those bits by hand; they describe the rights they want
// per key with Rights and let PKRU compose the register value.
package pkeys
