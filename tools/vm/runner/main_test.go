package main

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestChooseMode(t *testing.T) {
	noPKU := func() error { return errors.New("host has no PKU (reason)") }
	pku := func() error { return nil }
	for _, tc := range []struct {
		mode       string
		host       func() error
		wantVM     bool
		wantReason string
	}{
		{"auto", noPKU, true, "host has no PKU (reason)"},
		{"auto", pku, false, ""},
		{"vm", pku, true, "GALEED_VM_MODE=vm"},
		{"native", noPKU, false, ""},
	} {
		inVM, reason, err := chooseMode(tc.mode, "GALEED_VM_MODE="+tc.mode, tc.host)
		if err != nil || inVM != tc.wantVM || reason != tc.wantReason {
			t.Errorf("chooseMode(%q) = %v, %q, %v; want %v, %q", tc.mode, inVM, reason, err, tc.wantVM, tc.wantReason)
		}
	}
	if _, _, err := chooseMode("kvm", "--mode=kvm", pku); err == nil || !strings.Contains(err.Error(), "--mode=kvm") {
		t.Errorf("unknown mode: got %v, want an error naming --mode=kvm", err)
	}
}

func TestParseFlags(t *testing.T) {
	t.Setenv("RUNFILES_DIR", "/rf")
	t.Setenv("GALEED_VM_MODE", "native")
	cfg, err := parseFlags([]string{"runner",
		"--qemu", "galeed_vm_host/qemu-system-x86_64", "--kernel", "/boot/vmlinuz",
		"--initramfs", "main/x/x.cpio", "--binary", "main/x/x_test", "--mode", "vm", "--cpus", "1",
		"--", "-test.run", "TestX", "--", "after"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.qemu != "/rf/galeed_vm_host/qemu-system-x86_64" || cfg.kernel != "/boot/vmlinuz" ||
		cfg.initramfs != "/rf/main/x/x.cpio" || cfg.binary != "/rf/main/x/x_test" || cfg.binaryName != "main/x/x_test" {
		t.Errorf("paths resolved wrong: %+v", cfg)
	}
	if cfg.mode != "native" || cfg.modeSource != "GALEED_VM_MODE=native" {
		t.Errorf("GALEED_VM_MODE did not override --mode: %+v", cfg)
	}
	if cfg.cpus != 1 || cfg.memoryMB != 1024 || cfg.timeout >= 0 {
		t.Errorf("numbers wrong: %+v", cfg)
	}
	if want := []string{"-test.run", "TestX", "--", "after"}; !slices.Equal(cfg.args, want) {
		t.Errorf("test args %q, want %q", cfg.args, want)
	}

	cfg, err = parseFlags([]string{"runner", "--qemu", "/q", "--kernel", "/k", "--initramfs", "/i", "--binary", "/b", "--timeout", "0"}, io.Discard)
	if err != nil || cfg.timeout != 0 {
		t.Errorf("--timeout=0: got %v, %v; want 0, meaning no limit", cfg.timeout, err)
	}

	_, err = parseFlags([]string{"runner", "--qemu", "q", "--kernel", "k", "--binary", "b"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "--initramfs is required") {
		t.Errorf("missing --initramfs: got %v", err)
	}
}
