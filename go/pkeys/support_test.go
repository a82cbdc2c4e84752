package pkeys

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The kernel's own view of the CPU flags is an independent witness for
// what CPUID says, so this test holds on hosts with and without PKU.
func TestHostSupportAgreesWithProcCpuinfo(t *testing.T) {
	cpuinfo, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Fatalf("reading the kernel's CPU flags: %v", err)
	}
	flags := regexp.MustCompile(`(?m)^flags\s*:(.*)$`).FindSubmatch(cpuinfo)
	if flags == nil {
		t.Fatal("/proc/cpuinfo has no flags line")
	}
	has := map[string]bool{}
	for _, f := range strings.Fields(string(flags[1])) {
		has[f] = true
	}

	err = HostSupport()
	t.Logf("cpuinfo pku=%v ospke=%v; HostSupport() = %v", has["pku"], has["ospke"], err)
	switch {
	case has["pku"] && has["ospke"]:
		if err != nil {
			t.Errorf("the kernel reports pku and ospke, but HostSupport says %v", err)
		}
	case err == nil:
		t.Error("HostSupport reports PKU, but the kernel's flags lack pku or ospke")
	case !strings.HasPrefix(err.Error(), "host has no PKU ("):
		t.Errorf("HostSupport's error %q does not start with \"host has no PKU (\"", err)
	case !has["pku"] && !strings.Contains(err.Error(), "PKU=0"):
		t.Errorf("the CPU lacks pku, but HostSupport blames something else: %v", err)
	case has["pku"] && !strings.Contains(err.Error(), "OSPKE=0"):
		t.Errorf("the kernel did not enable PKU, but HostSupport blames something else: %v", err)
	}
}
