package scan

import (
	"errors"
	"testing"
)

// FuzzScan feeds arbitrary bytes to the ELF and archive readers: nothing
// may panic, and whatever is found must be a well-formed finding. The
// corpus in testdata/fuzz/FuzzScan holds an object, a regular and a thin
// archive and a small shared object built from testdata/fixture.c, so
// mutations start from real structure.
func FuzzScan(f *testing.F) {
	f.Add([]byte("!<arch>\n"))
	f.Add([]byte("!<thin>\n//                                              8         `\nmember.o/\n/0              0           0     0     644     4         `\n"))
	f.Add([]byte("\x7fELF\x02\x01\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := scanner{file: "fuzz", readThin: func(string) ([]byte, error) {
			return nil, errors.New("thin archive members are not read while fuzzing")
		}}
		findings, _ := s.scan(data)
		for _, fd := range findings {
			if n := len(fd.Bytes); n < 3 || n > 4 || fd.Bytes[n-3] != 0x0F || fd.Section == "" {
				t.Fatalf("malformed finding %+v", fd)
			}
		}
	})
}
