// Package layout fixes where things live in the guest's filesystem and what
// the JSON files there say. mkinitramfs builds the image to it, the runner
// adds the per-run file and reads the outputs back by it, and the guest's
// init follows it, so the three cannot drift apart.
package layout

import "path"

const (
	// RunfilesDir holds the test's runfiles tree: <RunfilesDir>/<runfiles path>.
	RunfilesDir = "/runfiles"
	// ImageFile describes the image; mkinitramfs writes it at build time.
	ImageFile = "/galeed/image.json"
	// RunFile describes one run; the runner appends it in a second archive.
	RunFile = "/galeed/run.json"
	// TmpDir is the guest's scratch space (a tmpfs), used for TEST_TMPDIR,
	// TMPDIR and HOME.
	TmpDir = "/tmp"

	// OutDir holds what the test leaves for the host. Files are sent back
	// under their path relative to it.
	OutDir = "/galeed/out"
	// XMLName is the guest's XML_OUTPUT_FILE, relative to OutDir.
	XMLName = "test.xml"
	// UndeclaredName is the guest's TEST_UNDECLARED_OUTPUTS_DIR, relative
	// to OutDir.
	UndeclaredName = "undeclared"
)

// Image is the content of ImageFile.
type Image struct {
	// Main is the runfiles path of the test binary,
	// like "main/tests/x/x_test_/x_test".
	Main string `json:"main"`
	// Workspace is the name of the main workspace; the test runs in
	// <RunfilesDir>/<Workspace>, as Bazel runs tests.
	Workspace string `json:"workspace"`
}

// Run is the content of RunFile.
type Run struct {
	// Args are the test binary's arguments, without argv[0].
	Args []string `json:"args"`
	// Env is the test binary's whole environment, as "KEY=value".
	Env []string `json:"env"`
}

// Runfile returns the guest path of the runfile with the given runfiles path.
func Runfile(rpath string) string {
	return path.Join(RunfilesDir, rpath)
}
