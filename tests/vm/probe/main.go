// Command probe is the test binary of the VM runner's end-to-end test
// (tests/vm): booted as the guest's test, it does what its arguments say so
// the test can check each path from guest back to host. Each argument is an
// action, done in order:
//
//	arg=<anything>              nothing; a payload for "args" to print
//	args                        print "args: " and all arguments as JSON
//	env=<NAME>                  print "env NAME=<value>" or "env NAME unset"
//	xml=<content>               write content to $XML_OUTPUT_FILE
//	undeclared=<name>=<content> write content to $TEST_UNDECLARED_OUTPUTS_DIR/<name>
//	exit=<code>                 exit with code
//	signal=<name>               die by the signal, like SIGABRT
//	hang                        never finish
//
// Any other argument is an error (exit code 2), so a typo in the test does
// not pass silently.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

func main() {
	for _, arg := range os.Args[1:] {
		if err := do(arg); err != nil {
			fmt.Fprintf(os.Stderr, "probe: %s: %v\n", arg, err)
			os.Exit(2)
		}
	}
}

func do(arg string) error {
	action, value, _ := strings.Cut(arg, "=")
	switch action {
	case "arg":
		return nil
	case "args":
		b, err := json.Marshal(os.Args[1:])
		fmt.Printf("args: %s\n", b)
		return err
	case "env":
		if v, ok := os.LookupEnv(value); ok {
			fmt.Printf("env %s=%s\n", value, v)
		} else {
			fmt.Printf("env %s unset\n", value)
		}
		return nil
	case "xml":
		return writeTo("XML_OUTPUT_FILE", "", value)
	case "undeclared":
		name, content, _ := strings.Cut(value, "=")
		return writeTo("TEST_UNDECLARED_OUTPUTS_DIR", name, content)
	case "exit":
		code, err := strconv.Atoi(value)
		if err != nil {
			return err
		}
		os.Exit(code)
	case "signal":
		sig := unix.SignalNum(value)
		if sig == 0 {
			return fmt.Errorf("unknown signal")
		}
		// The Go runtime catches fatal signals itself and exits with code
		// 2 instead of dying by them, and os/signal cannot undo that:
		// restore the kernel's default action directly.
		var act [4]uint64 // struct sigaction, all zero: SIG_DFL, no flags
		if _, _, errno := unix.RawSyscall6(unix.SYS_RT_SIGACTION, uintptr(sig), uintptr(unsafe.Pointer(&act)), 0, 8, 0, 0); errno != 0 {
			return fmt.Errorf("rt_sigaction: %w", errno)
		}
		if err := syscall.Kill(os.Getpid(), sig); err != nil {
			return err
		}
		time.Sleep(10 * time.Second)
		return fmt.Errorf("still alive after sending %v to itself", sig)
	case "hang":
		for {
			time.Sleep(time.Hour)
		}
	}
	return fmt.Errorf("unknown action")
}

// writeTo writes content to the file named by the environment variable
// key, joined with name when key names a directory.
func writeTo(key, name, content string) error {
	p := os.Getenv(key)
	if p == "" {
		return fmt.Errorf("%s is not set", key)
	}
	return os.WriteFile(filepath.Join(p, name), []byte(content), 0o644)
}
