// Command runner runs a test binary that needs memory protection keys
// (PKU): natively when the host has them, otherwise inside a QEMU virtual
// machine whose software-emulated CPU (TCG, -cpu max) implements them. It is
// the program behind every galeed_vm_test: the test's executable is a
// launcher that execs
//
//	runner --qemu <path> --kernel <path> --initramfs <path> --binary <path>
//	       [--cpus 2] [--memory-mb 1024] [--mode auto|vm|native]
//	       [--timeout <duration>] -- <test args...>
//
// # Paths
//
// Relative paths are runfiles paths ("galeed_vm_host/qemu-system-x86_64",
// "main/tests/x/x_initramfs.cpio"), resolved against the runfiles root:
// $RUNFILES_DIR, else $TEST_SRCDIR, else the nearest directory named
// "*.runfiles" that is <program>.runfiles or an ancestor of the program or of
// the working directory (under `bazel run`, the working directory is
// <root>/<workspace>). Absolute paths are used as they are.
//
// # Modes
//
// GALEED_VM_MODE, when set, overrides --mode:
//
//	auto    run natively when the host has PKU, else in the VM (the default)
//	vm      always run in the VM
//	native  never run in the VM
//
// Natively, the runner execs --binary with the test's arguments, environment
// and working directory. In the VM, the test binary is the one the initramfs
// was built around (mkinitramfs --main); --binary only names it in messages.
// The VM never uses KVM: no host here can expose PKU through KVM, and hosts
// with PKU run natively.
//
// # The guest's environment
//
// The test sees the runner's environment, except:
//
//   - Variables that only have meaning on the host are removed: PATH, HOME,
//     TMPDIR, PWD, OLDPWD, SHLVL, _, LD_*, RUNFILES_*, JAVA_RUNFILES,
//     PYTHON_RUNFILES, BUILD_WORKSPACE_DIRECTORY, BUILD_WORKING_DIRECTORY,
//     COVERAGE_*, LCOV_MERGER, and the host file paths of Bazel's test
//     protocol: every TEST_*_FILE and TEST_*_DIR, TEST_UNDECLARED_OUTPUTS_*,
//     TEST_SRCDIR, TEST_TMPDIR and XML_OUTPUT_FILE.
//   - Guest values are set for TEST_SRCDIR=RUNFILES_DIR=/runfiles,
//     TEST_TMPDIR=TMPDIR=HOME=/tmp, PATH=/bin, and, only if the host has
//     them, XML_OUTPUT_FILE=/galeed/out/test.xml and
//     TEST_UNDECLARED_OUTPUTS_DIR=/galeed/out/undeclared; the runner copies
//     what the test writes there back to the host's locations.
//
// Everything else, such as TESTBRIDGE_TEST_ONLY (--test_filter),
// TEST_TIMEOUT, TEST_WORKSPACE, TEST_SHARD_INDEX, GALEED_*, GODEBUG and
// GOTRACEBACK, passes through unchanged.
//
// # Time limit
//
// With TEST_TIMEOUT (seconds, set by Bazel) the guest is killed
// max(2s, 5%) before it, leaving time to report why; --timeout overrides
// that limit (useful under `bazel run`), and 0 means none.
//
// # Exit status
//
// The test's exit code; 128+n when signal n killed it; 1 when the guest
// could not run the test, gave no result, or ran out of time, each with a
// message on stderr and, when useful, the end of the guest's console log.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"github.com/galeed-go/galeed/go/pkeys"
)

// config is the parsed command line.
type config struct {
	qemu, kernel, initramfs, binary string // resolved paths
	binaryName                      string // --binary as given, for messages
	cpus, memoryMB                  int
	mode, modeSource                string
	timeout                         time.Duration // from --timeout; -1 when unset
	args                            []string
}

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

func run(argv []string, stdout, stderr *os.File) int {
	cfg, err := parseFlags(argv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "galeed-vm: %v\n", err)
		return 2
	}
	inVM, reason, err := chooseMode(cfg.mode, cfg.modeSource, pkeys.HostSupport)
	if err != nil {
		fmt.Fprintf(stderr, "galeed-vm: %v\n", err)
		return 2
	}
	if !inVM {
		err := syscall.Exec(cfg.binary, append([]string{cfg.binary}, cfg.args...), os.Environ())
		fmt.Fprintf(stderr, "galeed-vm: running %s natively: %v\n", cfg.binary, err)
		return 1
	}
	if err := checkVMFiles(cfg); err != nil {
		fmt.Fprintf(stderr, "galeed-vm: %v\n", err)
		return 1
	}
	limit, err := timeLimit(cfg.timeout, os.Getenv("TEST_TIMEOUT"))
	if err != nil {
		fmt.Fprintf(stderr, "galeed-vm: %v\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "galeed-vm: %s; running %s under qemu-system-x86_64 -cpu max (TCG software emulation, %d vCPUs, %d MiB)\n",
		reason, cfg.binaryName, cfg.cpus, cfg.memoryMB)
	return runVM(cfg, limit, stdout, stderr)
}

// parseFlags parses the command line argv (with the program name first).
func parseFlags(argv []string, stderr io.Writer) (config, error) {
	var cfg config
	var qemu, kernel, initramfs string
	fs := flag.NewFlagSet(argv[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&qemu, "qemu", "", "runfiles path of qemu-system-x86_64")
	fs.StringVar(&kernel, "kernel", "", "runfiles path of the guest's Linux kernel (with PKU support)")
	fs.StringVar(&initramfs, "initramfs", "", "runfiles path of the initramfs built by mkinitramfs")
	fs.StringVar(&cfg.binaryName, "binary", "", "runfiles path of the test binary")
	fs.IntVar(&cfg.cpus, "cpus", 2, "number of virtual CPUs")
	fs.IntVar(&cfg.memoryMB, "memory-mb", 1024, "guest memory in MiB")
	fs.StringVar(&cfg.mode, "mode", "auto", "auto, vm or native; GALEED_VM_MODE overrides it")
	fs.DurationVar(&cfg.timeout, "timeout", 0, "kill the guest after this long (0: never) instead of shortly before TEST_TIMEOUT")
	if err := fs.Parse(argv[1:]); err != nil {
		return config{}, err
	}
	if !flagSet(fs, "timeout") {
		cfg.timeout = -1
	}
	cfg.args = fs.Args()
	cfg.modeSource = "--mode=" + cfg.mode
	if m, ok := os.LookupEnv("GALEED_VM_MODE"); ok {
		cfg.mode, cfg.modeSource = m, "GALEED_VM_MODE="+m
	}
	if cfg.cpus < 1 || cfg.memoryMB < 64 {
		return config{}, fmt.Errorf("--cpus=%d --memory-mb=%d: want at least 1 CPU and 64 MiB", cfg.cpus, cfg.memoryMB)
	}
	for _, f := range []struct {
		name, value string
		dst         *string
	}{
		{"qemu", qemu, &cfg.qemu}, {"kernel", kernel, &cfg.kernel},
		{"initramfs", initramfs, &cfg.initramfs}, {"binary", cfg.binaryName, &cfg.binary},
	} {
		if f.value == "" {
			return config{}, fmt.Errorf("--%s is required", f.name)
		}
		p, err := resolve(f.value, argv[0])
		if err != nil {
			return config{}, fmt.Errorf("--%s: %w", f.name, err)
		}
		*f.dst = p
	}
	return cfg, nil
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// chooseMode decides whether to run in the VM and, if so, says why.
// source names where mode came from, for messages.
func chooseMode(mode, source string, hostSupport func() error) (inVM bool, reason string, err error) {
	switch mode {
	case "native":
		return false, "", nil
	case "vm":
		return true, source, nil
	case "auto":
		if err := hostSupport(); err != nil {
			return true, err.Error(), nil
		}
		return false, "", nil
	}
	return false, "", fmt.Errorf("%s: unknown mode (want auto, vm or native)", source)
}

// checkVMFiles checks that the VM's files exist, and says how to get them.
func checkVMFiles(cfg config) error {
	for _, f := range []struct{ path, what, remedy string }{
		{cfg.qemu, "QEMU (qemu-system-x86_64)", "install the Debian package qemu-system-x86"},
		{cfg.kernel, "the guest kernel", "install the Debian package linux-image-amd64, then rebuild"},
		{cfg.initramfs, "the test's initramfs", "it is built by the test's galeed_vm_test rule; rebuild the test"},
	} {
		fh, err := os.Open(f.path)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("%s is missing: %v; %s", f.what, err, f.remedy)
			}
			return fmt.Errorf("cannot read %s: %v", f.what, err)
		}
		fh.Close()
	}
	return nil
}
