package main

import (
	"slices"
	"testing"
)

func TestGuestEnv(t *testing.T) {
	host := []string{
		// Kept as they are.
		"TESTBRIDGE_TEST_ONLY=TestFoo",
		"TEST_TIMEOUT=300",
		"TEST_WORKSPACE=main",
		"TEST_TARGET=//tests/x:x_test",
		"GALEED_PKU_DEBUG=1",
		"GODEBUG=gctrace=1",
		"GOTRACEBACK=crash",
		"LANG=C.UTF-8",
		"WITH_EQUALS=a=b",
		// Replaced by guest values.
		"PATH=/usr/bin:/bin",
		"HOME=/home/u",
		"TMPDIR=/tmp/host",
		"TEST_TMPDIR=/sandbox/_tmp",
		"TEST_SRCDIR=/sandbox/x_test.runfiles",
		"RUNFILES_DIR=/sandbox/x_test.runfiles",
		"XML_OUTPUT_FILE=/sandbox/test.xml",
		"TEST_UNDECLARED_OUTPUTS_DIR=/sandbox/outputs",
		// Dropped.
		"PWD=/sandbox", "OLDPWD=/", "SHLVL=1", "_=/usr/bin/env",
		"LD_LIBRARY_PATH=/opt/lib", "LD_PRELOAD=/x.so",
		"RUNFILES_MANIFEST_FILE=/sandbox/MANIFEST",
		"JAVA_RUNFILES=/sandbox/x_test.runfiles",
		"TEST_PREMATURE_EXIT_FILE=/sandbox/exited",
		"TEST_INFRASTRUCTURE_FAILURE_FILE=/sandbox/failure",
		"TEST_SHARD_STATUS_FILE=/sandbox/shard",
		"TEST_UNDECLARED_OUTPUTS_ANNOTATIONS_DIR=/sandbox/annotations",
		"TEST_UNDECLARED_OUTPUTS_MANIFEST=/sandbox/manifest",
		"COVERAGE_DIR=/sandbox/coverage",
		"BUILD_WORKING_DIRECTORY=/home/u/src",
		// A duplicate: the first wins, as with getenv.
		"LANG=ignored",
	}
	want := []string{
		"GALEED_PKU_DEBUG=1",
		"GODEBUG=gctrace=1",
		"GOTRACEBACK=crash",
		"HOME=/tmp",
		"LANG=C.UTF-8",
		"PATH=/bin",
		"RUNFILES_DIR=/runfiles",
		"TESTBRIDGE_TEST_ONLY=TestFoo",
		"TEST_SRCDIR=/runfiles",
		"TEST_TARGET=//tests/x:x_test",
		"TEST_TIMEOUT=300",
		"TEST_TMPDIR=/tmp",
		"TEST_UNDECLARED_OUTPUTS_DIR=/galeed/out/undeclared",
		"TEST_WORKSPACE=main",
		"TMPDIR=/tmp",
		"WITH_EQUALS=a=b",
		"XML_OUTPUT_FILE=/galeed/out/test.xml",
	}
	if got := guestEnv(host); !slices.Equal(got, want) {
		t.Errorf("guestEnv:\n got %q\nwant %q", got, want)
	}
}

// Outside `bazel test` there is no XML file or outputs directory, and the
// guest must not be told of one.
func TestGuestEnvWithoutOutputs(t *testing.T) {
	got := guestEnv([]string{"PATH=/bin"})
	want := []string{"HOME=/tmp", "PATH=/bin", "RUNFILES_DIR=/runfiles", "TEST_SRCDIR=/runfiles", "TEST_TMPDIR=/tmp", "TMPDIR=/tmp"}
	if !slices.Equal(got, want) {
		t.Errorf("guestEnv:\n got %q\nwant %q", got, want)
	}
}
