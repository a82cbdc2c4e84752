// Command demo shows galeed-go at work in one run: a buggy C function,
// called through cgo, writes through a stale pointer into a Go value. The
// demo runs the same program twice as a child, first with galeed-go off
// (GALEED_MODE=off), where the Go value is silently corrupted, then with it
// on (GALEED_MODE=enforce), where the write faults with a report before it
// lands. It needs PKU: `tools/bazel run //:demo` runs it in the PKU VM.
package main

/*
#include "buggy.h"
*/
import "C"

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"unsafe"

	"github.com/galeed-go/galeed/go/mpk"
	"github.com/galeed-go/galeed/go/pkeys"
)

const (
	childEnv = "GALEED_DEMO_CHILD"
	balance  = 1000
)

func main() {
	if os.Getenv(childEnv) != "" {
		child()
		return
	}
	if err := pkeys.HostSupport(); err != nil {
		fmt.Printf("demo: %v: run it with PKU, `tools/bazel run //:demo` (a VM)\n", err)
		os.Exit(1)
	}
	fmt.Println("galeed-go demo: a Go value, and a buggy C library that keeps a pointer to it")
	fmt.Println("and later writes through it during a cgo call.")

	off := run("1. without galeed-go (GALEED_MODE=off)", "GALEED_MODE=off")
	corrupted := off.status.Exited() && off.status.ExitStatus() == 0 && strings.Contains(off.out, "balance is now -1")
	verdict(corrupted, "C overwrote the Go value and the program went on as if nothing happened.")

	on := run("2. with galeed-go (GALEED_MODE=enforce)", "GALEED_MODE=enforce", "GALEED_VERBOSE=1")
	stopped := on.status.Exited() && on.status.ExitStatus() == 2 &&
		strings.Contains(on.out, "ERROR: galeed: WRITE of Go memory") && !strings.Contains(on.out, "balance is now")
	verdict(stopped, "the write faulted (SEGV_PKUERR) before it landed: the report names the C function\n"+
		"   and the cgo call, then Go's own crash handling ends the program (exit status 2).")
	if !corrupted || !stopped {
		os.Exit(1)
	}
}

type result struct {
	out    string
	status syscall.WaitStatus
}

// run runs the child with env and shows its output, Go's long goroutine
// dump after the crash message cut short.
func run(title string, env ...string) result {
	fmt.Printf("\n--- %s ---\n", title)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), append([]string{childEnv + "=1"}, env...)...)
	out, err := cmd.CombinedOutput()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		fmt.Println("demo:", err)
		os.Exit(1)
	}
	shown, cut := 0, 0
	for s := bufio.NewScanner(strings.NewReader(string(out))); s.Scan(); {
		if shown > 0 && strings.HasPrefix(s.Text(), "goroutine ") || cut > 0 {
			cut++
			continue
		}
		fmt.Println("   |", s.Text())
		shown++
	}
	if cut > 0 {
		fmt.Printf("   | [... %d more lines of Go's goroutine dump]\n", cut)
	}
	status := cmd.ProcessState.Sys().(syscall.WaitStatus)
	fmt.Printf("   child: %v\n", describe(status))
	return result{string(out), status}
}

func describe(s syscall.WaitStatus) string {
	if s.Signaled() {
		return "killed by " + s.Signal().String()
	}
	return fmt.Sprintf("exit status %d", s.ExitStatus())
}

func verdict(ok bool, what string) {
	if ok {
		fmt.Println("=> " + what)
	} else {
		fmt.Println("=> UNEXPECTED: the child did not behave as the demo expects (see above).")
	}
}

func child() {
	v := new(int64)
	*v = balance
	if key, err := mpk.Protected(); err == nil {
		fmt.Printf("Go: balance = %d at %p, Go heap memory tagged with pkey %d\n", *v, v, key)
	} else {
		fmt.Printf("Go: balance = %d at %p (%v)\n", *v, v, err)
	}
	C.lib_remember(C.uintptr_t(uintptr(unsafe.Pointer(v))))
	fmt.Println("Go: calling C.lib_reset(), which should not touch the balance")
	C.lib_reset()
	fmt.Printf("Go: back from C; balance is now %d\n", *v)
}
