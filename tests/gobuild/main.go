// Command gobuild is built by a plain `go build` with CC=galeed-cc (see
// go_build.bzl) and checks, with real PKU, that galeed-cc gated its cgo
// calls: a C write through a stale pointer into Go memory faults with
// SEGV_PKUERR on the Go key and leaves the value intact, and a call the
// manifest declares read-only reads Go memory. It exits 0 only when both
// hold, and runs each attack in a child traced by go/faulttrace, which sees
// the kernel's own siginfo.
package main

/*
#include "ledger.h"
*/
import "C"

import (
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"unsafe"

	"github.com/galeed-go/galeed/go/faulttrace"
	"github.com/galeed-go/galeed/go/mpk"
	"github.com/galeed-go/galeed/go/pkeys"
)

const (
	childEnv        = "GOBUILD_CHILD"
	balance  uint64 = 1000
)

func main() {
	if scenario := os.Getenv(childEnv); scenario != "" {
		child(scenario)
		return
	}
	failures := 0
	check := func(ok bool, format string, args ...any) {
		if !ok {
			failures++
			fmt.Printf("FAIL: "+format+"\n", args...)
		}
	}
	if err := pkeys.HostSupport(); err != nil {
		fmt.Printf("FAIL: %v: run it with PKU (galeed_vm_test)\n", err)
		os.Exit(1)
	}

	write := run("scribble")
	key, addr := announced(write, "key"), announced(write, "addr")
	check(key != 0, "the child ran unprotected: %v", write)
	f := write.Fault
	check(f != nil && f.Code == faulttrace.SEGV_PKUERR && f.Addr == uintptr(addr) && f.Pkey == int(key),
		"want SEGV_PKUERR at %#x on key %d, got %v", addr, key, f)
	check(f != nil && len(f.Memory) == 8 && binary.LittleEndian.Uint64(f.Memory) == balance,
		"the value at %#x was not intact when the write faulted: %v", addr, f)
	check(strings.Contains(string(write.Output), "cgo call: C.ledger_scribble"),
		"the violation report does not name the cgo call C.ledger_scribble:\n%s", write.Output)
	_, err := write.Announced("after")
	check(err != nil, "the child went on after the blocked write")

	read := run("peek")
	check(read.Fault == nil && read.Status.Exited() && read.Status.ExitStatus() == 0,
		"the read-only call did not run cleanly: %v", read)
	check(announced(read, "read") == balance, "C read %d under the read-only policy, want %d", announced(read, "read"), balance)

	if failures > 0 {
		os.Exit(1)
	}
	fmt.Println("PASS: go build with CC=galeed-cc gated every cgo call")
}

func run(scenario string) *faulttrace.Result {
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+scenario, "GALEED_MODE=require")
	r, err := faulttrace.RunWith(cmd, faulttrace.Options{Deliver: true, Peek: 8})
	if err != nil {
		panic(fmt.Sprintf("tracing child %q: %v", scenario, err))
	}
	fmt.Printf("child %q: %v\n", scenario, r)
	return r
}

func announced(r *faulttrace.Result, name string) uint64 {
	v, err := r.Announced(name)
	if err != nil {
		fmt.Printf("FAIL: %v; child %v\n", err, r)
		os.Exit(1)
	}
	return v
}

func child(scenario string) {
	key, _ := mpk.Protected()
	faulttrace.Announce("key", uint64(key))
	v := new(uint64)
	*v = balance
	addr := uintptr(unsafe.Pointer(v))
	faulttrace.Announce("addr", uint64(addr))
	switch scenario {
	case "scribble":
		C.ledger_keep(C.uintptr_t(addr))
		C.ledger_scribble()
		faulttrace.Announce("after", *v)
	case "peek":
		faulttrace.Announce("read", uint64(C.ledger_peek(C.uintptr_t(addr))))
	}
}
