package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunfilesRoot(t *testing.T) {
	tmp := t.TempDir()
	// A Bazel-like layout: bazel-bin/tests/x/x_test and its runfiles tree,
	// which holds the runner as a runfile.
	bin := filepath.Join(tmp, "bin", "tests", "x")
	tree := filepath.Join(bin, "x_test.runfiles")
	runnerInTree := filepath.Join(tree, "main", "tools", "vm", "runner", "runner_", "runner")
	os.MkdirAll(filepath.Dir(runnerInTree), 0o755)
	os.WriteFile(filepath.Join(bin, "x_test"), nil, 0o755)
	workspaceDir := filepath.Join(tree, "main")

	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		name, argv0, cwd string
		getenv           func(string) string
		want             string
	}{
		{"RUNFILES_DIR first", runnerInTree, tmp, env("RUNFILES_DIR", "/rf", "TEST_SRCDIR", "/src"), "/rf"},
		{"then TEST_SRCDIR", runnerInTree, tmp, env("TEST_SRCDIR", "/src"), "/src"},
		{"next to the program", filepath.Join(bin, "x_test"), tmp, env(), tree},
		{"program relative to cwd", "x/x_test", filepath.Join(tmp, "bin", "tests"), env(), tree},
		{"program inside the tree", runnerInTree, tmp, env(), tree},
		// bazel run: the working directory is <root>/<workspace> and the
		// program was found elsewhere.
		{"bazel run", "/usr/bin/true", workspaceDir, env(), tree},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := runfilesRoot(tc.argv0, tc.cwd, tc.getenv)
			if err != nil || got != tc.want {
				t.Errorf("runfilesRoot(%q, %q) = %q, %v; want %q", tc.argv0, tc.cwd, got, err, tc.want)
			}
		})
	}

	_, err := runfilesRoot("/usr/bin/true", tmp, env())
	if err == nil || !strings.Contains(err.Error(), "RUNFILES_DIR") {
		t.Errorf("without any runfiles tree: got %v, want an error naming RUNFILES_DIR", err)
	}
}

func TestResolveKeepsAbsolutePaths(t *testing.T) {
	t.Setenv("RUNFILES_DIR", "/rf")
	for p, want := range map[string]string{
		"/usr/bin/qemu-system-x86_64":       "/usr/bin/qemu-system-x86_64",
		"galeed_vm_host/qemu-system-x86_64": "/rf/galeed_vm_host/qemu-system-x86_64",
	} {
		if got, err := resolve(p, "runner"); err != nil || got != want {
			t.Errorf("resolve(%q) = %q, %v; want %q", p, got, err, want)
		}
	}
}
