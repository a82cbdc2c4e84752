package main

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/galeed-go/galeed/tools/vm/layout"
)

// hostOnly reports whether the environment variable key holds something
// that only has meaning on the host; see the package comment.
func hostOnly(key string) bool {
	switch key {
	case "PATH", "HOME", "TMPDIR", "PWD", "OLDPWD", "SHLVL", "_",
		"JAVA_RUNFILES", "PYTHON_RUNFILES", "BUILD_WORKSPACE_DIRECTORY", "BUILD_WORKING_DIRECTORY",
		"LCOV_MERGER", "TEST_SRCDIR", "TEST_TMPDIR", "XML_OUTPUT_FILE":
		return true
	}
	for _, prefix := range []string{"LD_", "RUNFILES_", "COVERAGE_", "TEST_UNDECLARED_OUTPUTS_"} {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	return strings.HasPrefix(key, "TEST_") && (strings.HasSuffix(key, "_FILE") || strings.HasSuffix(key, "_DIR"))
}

// guestEnv returns the test's environment in the guest for the host
// environment host, sorted by name. Of duplicate host entries the first
// wins, as with getenv.
func guestEnv(host []string) []string {
	env := map[string]string{}
	has := func(key string) bool { _, ok := env[key]; return ok }
	for _, kv := range host {
		k, v, ok := strings.Cut(kv, "=")
		if ok && !has(k) {
			env[k] = v
		}
	}
	xml, undeclared := has("XML_OUTPUT_FILE"), has("TEST_UNDECLARED_OUTPUTS_DIR")
	for k := range env {
		if hostOnly(k) {
			delete(env, k)
		}
	}
	for _, k := range []string{"TEST_SRCDIR", "RUNFILES_DIR"} {
		env[k] = layout.RunfilesDir
	}
	for _, k := range []string{"TEST_TMPDIR", "TMPDIR", "HOME"} {
		env[k] = layout.TmpDir
	}
	env["PATH"] = "/bin"
	if xml {
		env["XML_OUTPUT_FILE"] = path.Join(layout.OutDir, layout.XMLName)
	}
	if undeclared {
		env["TEST_UNDECLARED_OUTPUTS_DIR"] = path.Join(layout.OutDir, layout.UndeclaredName)
	}
	var out []string
	for _, k := range slices.Sorted(maps.Keys(env)) {
		out = append(out, k+"="+env[k])
	}
	return out
}
