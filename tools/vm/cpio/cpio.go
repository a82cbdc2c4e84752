// Package cpio writes archives in the newc ("070701") cpio format, the format
// the Linux kernel unpacks into its initial root filesystem (initramfs).
//
// The output depends only on the calls made: every entry has mtime 0, uid and
// gid 0, and an inode number assigned in order, so the same calls always give
// the same bytes. The kernel accepts several archives concatenated into one
// initramfs, later ones adding to (or replacing) what earlier ones created;
// every archive this package writes ends on a 4-byte boundary, as the kernel
// requires of the archive that follows.
//
// The kernel's unpacker does not create missing parent directories (a file
// whose directory does not exist yet is silently dropped), so the Writer emits
// a directory entry for every parent of an entry before the entry itself.
package cpio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strings"
)

const (
	magic      = "070701"
	headerSize = 110 // magic plus 13 fields of 8 hex digits
	trailer    = "TRAILER!!!"

	// The file type bits of a cpio mode, as in <sys/stat.h>.
	typeMask    = 0o170000
	typeRegular = 0o100000
	typeDir     = 0o040000
	typeSymlink = 0o120000
	typeCharDev = 0o020000

	// impliedDirPerm is the permission of parent directories nobody asked for.
	impliedDirPerm = 0o755
)

// Writer writes one archive. Entry names are slash-separated paths relative
// to the archive's root; a leading "/" is accepted and dropped.
type Writer struct {
	w       io.Writer
	nextIno uint32
	// isDir has every name written so far, mapped to whether it is a
	// directory, so parents are emitted once and no name twice.
	isDir  map[string]bool
	closed bool
}

// NewWriter returns a Writer that writes an archive to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: w, nextIno: 1, isDir: map[string]bool{}}
}

// Dir adds a directory. Adding a directory that is already in the archive
// (explicitly or as the parent of an earlier entry) does nothing.
func (w *Writer) Dir(name string, perm fs.FileMode) error {
	name, err := w.prepare(name)
	if err != nil {
		return err
	}
	if dir, seen := w.isDir[name]; seen {
		if !dir {
			return fmt.Errorf("cpio: duplicate entry %q", name)
		}
		return nil
	}
	return w.entry(name, typeDir|uint32(perm.Perm()), 2, 0, 0, nil, 0)
}

// File adds a regular file holding data.
func (w *Writer) File(name string, perm fs.FileMode, data []byte) error {
	return w.FileFrom(name, perm, int64(len(data)), bytes.NewReader(data))
}

// FileFrom adds a regular file of the given size whose contents are read
// from r. It fails if r ends before size bytes.
func (w *Writer) FileFrom(name string, perm fs.FileMode, size int64, r io.Reader) error {
	name, err := w.prepareNew(name)
	if err != nil {
		return err
	}
	if size < 0 || size > math.MaxUint32 {
		return fmt.Errorf("cpio: %s: size %d does not fit the newc format's 32-bit size field", name, size)
	}
	return w.entry(name, typeRegular|uint32(perm.Perm()), 1, 0, 0, r, size)
}

// Symlink adds a symbolic link pointing at target.
func (w *Writer) Symlink(name, target string) error {
	name, err := w.prepareNew(name)
	if err != nil {
		return err
	}
	return w.entry(name, typeSymlink|0o777, 1, 0, 0, strings.NewReader(target), int64(len(target)))
}

// CharDev adds a character device node with the given major and minor
// numbers.
func (w *Writer) CharDev(name string, perm fs.FileMode, major, minor uint32) error {
	name, err := w.prepareNew(name)
	if err != nil {
		return err
	}
	return w.entry(name, typeCharDev|uint32(perm.Perm()), 1, major, minor, nil, 0)
}

// Close writes the TRAILER!!! record that ends the archive. It does not close
// the underlying writer.
func (w *Writer) Close() error {
	if w.closed {
		return errors.New("cpio: archive already closed")
	}
	w.closed = true
	return w.record(trailer, 0, 0, 0, 0, 0, nil, 0)
}

// prepareNew is prepare for an entry that must not exist yet.
func (w *Writer) prepareNew(name string) (string, error) {
	name, err := w.prepare(name)
	if err != nil {
		return "", err
	}
	if _, seen := w.isDir[name]; seen {
		return "", fmt.Errorf("cpio: duplicate entry %q", name)
	}
	return name, nil
}

// prepare validates name, drops a leading "/" and writes the directory
// entries of its parents that are not in the archive yet.
func (w *Writer) prepare(name string) (string, error) {
	if w.closed {
		return "", fmt.Errorf("cpio: %s: archive already closed", name)
	}
	rel := strings.TrimPrefix(name, "/")
	if !fs.ValidPath(rel) || rel == "." || strings.ContainsRune(rel, 0) {
		return "", fmt.Errorf("cpio: invalid entry name %q (want a clean slash-separated path below the root)", name)
	}
	for i := range len(rel) {
		if rel[i] != '/' {
			continue
		}
		parent := rel[:i]
		dir, seen := w.isDir[parent]
		if seen && !dir {
			return "", fmt.Errorf("cpio: %s: parent %s is not a directory", rel, parent)
		}
		if !seen {
			if err := w.entry(parent, typeDir|impliedDirPerm, 2, 0, 0, nil, 0); err != nil {
				return "", err
			}
		}
	}
	return rel, nil
}

// entry writes one named entry with the next inode number.
func (w *Writer) entry(name string, mode, nlink, rdevMajor, rdevMinor uint32, body io.Reader, size int64) error {
	w.isDir[name] = mode&typeMask == typeDir
	ino := w.nextIno
	w.nextIno++
	return w.record(name, ino, mode, nlink, rdevMajor, rdevMinor, body, size)
}

// record writes a header, the name, the body and the padding after each.
func (w *Writer) record(name string, ino, mode, nlink, rdevMajor, rdevMinor uint32, body io.Reader, size int64) error {
	hdr := fmt.Sprintf("%s%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
		magic, ino, mode, 0, 0, nlink, 0, size, 0, 0, rdevMajor, rdevMinor, len(name)+1, 0)
	buf := make([]byte, 0, headerSize+len(name)+4)
	buf = append(buf, hdr...)
	buf = append(buf, name...)
	buf = append(buf, 0)
	buf = append(buf, padding(len(buf))...)
	if _, err := w.w.Write(buf); err != nil {
		return fmt.Errorf("cpio: writing %s: %w", name, err)
	}
	if body != nil {
		n, err := io.CopyN(w.w, body, size)
		if err == io.EOF {
			return fmt.Errorf("cpio: %s: contents ended after %d of %d bytes", name, n, size)
		}
		if err != nil {
			return fmt.Errorf("cpio: writing %s: %w", name, err)
		}
	}
	if _, err := w.w.Write(padding(int(size % 4))); err != nil {
		return fmt.Errorf("cpio: writing %s: %w", name, err)
	}
	return nil
}

// padding returns the zero bytes that bring an offset of n to a multiple of 4.
func padding(n int) []byte {
	return make([]byte, (4-n%4)%4)
}
