package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// resolve turns a runfiles path into a file path; absolute paths are kept.
// argv0 is how the runner was invoked.
func resolve(p, argv0 string) (string, error) {
	if filepath.IsAbs(p) {
		return p, nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	root, err := runfilesRoot(argv0, cwd, os.Getenv)
	if err != nil {
		return "", fmt.Errorf("%s is a runfiles path, but %w", p, err)
	}
	return filepath.Join(root, p), nil
}

// runfilesRoot finds the root of the runfiles tree, as described in the
// package comment.
func runfilesRoot(argv0, cwd string, getenv func(string) string) (string, error) {
	for _, v := range []string{"RUNFILES_DIR", "TEST_SRCDIR"} {
		if dir := getenv(v); dir != "" {
			return dir, nil
		}
	}
	// A program started through $PATH has no directory in argv[0].
	prog := argv0
	if !strings.Contains(prog, "/") {
		if p, err := exec.LookPath(prog); err == nil {
			prog = p
		}
	}
	// Symlinks are not resolved: a runfiles tree is made of symlinks into
	// the output tree, and following them would leave it.
	if !filepath.IsAbs(prog) {
		prog = filepath.Join(cwd, prog)
	}
	candidates := []string{prog + ".runfiles"}
	candidates = append(candidates, runfilesAncestors(filepath.Dir(prog))...)
	candidates = append(candidates, runfilesAncestors(cwd)...)
	for _, c := range candidates {
		if info, err := os.Stat(c); err == nil && info.IsDir() {
			return c, nil
		}
	}
	return "", errors.New("the runfiles tree was not found: RUNFILES_DIR and TEST_SRCDIR are unset, and neither " +
		prog + ".runfiles nor a *.runfiles directory above it or above the working directory " + cwd + " exists")
}

// runfilesAncestors returns dir and the directories above it that are
// named *.runfiles, innermost first.
func runfilesAncestors(dir string) []string {
	var dirs []string
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if strings.HasSuffix(d, ".runfiles") {
			dirs = append(dirs, d)
		}
	}
	return dirs
}
