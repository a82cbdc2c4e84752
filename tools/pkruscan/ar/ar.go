// Package ar reads Unix ar archives, the container of static libraries: the
// GNU variant (with its // long-name table and / symbol index), the BSD
// variant (#1/ names stored before the data) and GNU thin archives, whose
// members stay in their own files and are only named by the archive.
//
// Input is untrusted: every length and offset is checked against the
// archive's size, and a problem is reported with the byte offset of the
// header it was found in.
package ar

import (
	"bytes"
	"fmt"
	"strconv"
)

const (
	magic     = "!<arch>\n"
	thinMagic = "!<thin>\n"
	headerLen = 60
)

// Member is one file in an archive.
type Member struct {
	Name string
	// Data is the member's contents, or nil in a thin archive, where Name
	// is the path of the member's file, relative to the archive's
	// directory unless absolute.
	Data []byte
}

// Archive is a parsed archive.
type Archive struct {
	Thin    bool
	Members []Member // in archive order, without the symbol index and name table
}

// IsArchive reports whether b starts like an ar archive, regular or thin.
func IsArchive(b []byte) bool {
	return bytes.HasPrefix(b, []byte(magic)) || bytes.HasPrefix(b, []byte(thinMagic))
}

// Parse reads the archive in b.
func Parse(b []byte) (*Archive, error) {
	a := &Archive{Thin: bytes.HasPrefix(b, []byte(thinMagic))}
	if !a.Thin && !bytes.HasPrefix(b, []byte(magic)) {
		return nil, fmt.Errorf("not an ar archive: missing %q magic", magic)
	}
	var longNames []byte
	for off := len(magic); off < len(b); {
		if len(b)-off < headerLen {
			return nil, fmt.Errorf("member header at offset %#x: truncated: %d bytes left, a header has %d", off, len(b)-off, headerLen)
		}
		h := b[off : off+headerLen]
		if string(h[58:60]) != "`\n" {
			return nil, fmt.Errorf("member header at offset %#x: bad terminator %q, want \"`\\n\" (corrupt archive, or not a member boundary)", off, h[58:60])
		}
		size, err := decimal(h[48:58])
		if err != nil {
			return nil, fmt.Errorf("member header at offset %#x: bad size field %q: %v", off, h[48:58], err)
		}
		name := string(bytes.TrimRight(h[0:16], " "))
		data := b[off+headerLen:]
		// A thin archive stores its index and name table but not members.
		stored := !a.Thin || name == "/" || name == "//" || name == "/SYM64/"
		if stored {
			if size > uint64(len(data)) {
				return nil, fmt.Errorf("member %q at offset %#x: size %d runs past the end of the archive (%d bytes left)", name, off, size, len(data))
			}
			data = data[:size]
		} else {
			data = nil
		}
		next := off + headerLen
		if stored {
			next += int(size) + int(size&1) // data is padded to an even offset
		}

		switch {
		case name == "/" || name == "/SYM64/" || name == "__.SYMDEF" || name == "__.SYMDEF SORTED":
			// Symbol index: names members, holds no code.
		case name == "//":
			longNames = data
		case len(name) > 1 && name[0] == '/':
			// GNU long name: offset into the // table.
			n, err := longName(longNames, name[1:])
			if err != nil {
				return nil, fmt.Errorf("member header at offset %#x: long name %q: %v", off, name, err)
			}
			a.Members = append(a.Members, Member{Name: n, Data: data})
		case len(name) > 3 && name[:3] == "#1/":
			// BSD long name: stored at the start of the data.
			n, err := decimal([]byte(name[3:]))
			if err != nil || n > uint64(len(data)) {
				return nil, fmt.Errorf("member header at offset %#x: BSD name length %q does not fit the member's %d bytes", off, name[3:], len(data))
			}
			bsdName := string(bytes.TrimRight(data[:n], "\x00"))
			if bsdName == "__.SYMDEF" || bsdName == "__.SYMDEF SORTED" {
				break
			}
			a.Members = append(a.Members, Member{Name: bsdName, Data: data[n:]})
		case name == "":
			return nil, fmt.Errorf("member header at offset %#x: empty name", off)
		default:
			a.Members = append(a.Members, Member{Name: trimSlash(name), Data: data})
		}
		off = next
	}
	return a, nil
}

// longName returns the name at decimal offset ref in the GNU name table,
// where each name ends in "/\n" (or, in some writers, just "\n").
func longName(table []byte, ref string) (string, error) {
	if table == nil {
		return "", fmt.Errorf("refers to the long-name table, but no // member precedes it")
	}
	i, err := decimal([]byte(ref))
	if err != nil {
		return "", err
	}
	if i >= uint64(len(table)) {
		return "", fmt.Errorf("offset %d is past the end of the %d-byte long-name table", i, len(table))
	}
	rest := table[i:]
	if end := bytes.IndexByte(rest, '\n'); end >= 0 {
		rest = rest[:end]
	}
	n := trimSlash(string(rest))
	if n == "" {
		return "", fmt.Errorf("offset %d names an empty string", i)
	}
	return n, nil
}

// trimSlash removes the "/" GNU appends to names so they may contain spaces.
func trimSlash(s string) string {
	if len(s) > 1 && s[len(s)-1] == '/' {
		return s[:len(s)-1]
	}
	return s
}

// decimal parses a space-padded decimal header field.
func decimal(field []byte) (uint64, error) {
	s := string(bytes.TrimRight(field, " "))
	if s == "" {
		return 0, fmt.Errorf("empty")
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("not a decimal number")
		}
	}
	return strconv.ParseUint(s, 10, 64)
}
