package control

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// report writes two files (one binary, one with an awkward name) and then
// the result that end does.
func report(t *testing.T, end func(w *Writer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	bin := []byte("a\x00b\nfile \"x\" 3\nexit 0\n\xff")
	if err := w.File("test.xml", 5, strings.NewReader("<x/>\n")); err != nil {
		t.Fatal(err)
	}
	if err := w.File("undeclared/dir/a b\n.bin", int64(len(bin)), bytes.NewReader(bin)); err != nil {
		t.Fatal(err)
	}
	if err := end(w); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var wantFiles = []File{
	{Path: "test.xml", Data: []byte("<x/>\n")},
	{Path: "undeclared/dir/a b\n.bin", Data: []byte("a\x00b\nfile \"x\" 3\nexit 0\n\xff")},
}

func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		end  func(w *Writer) error
		want Result
	}{
		{"exit", func(w *Writer) error { return w.Exit(3) }, Result{Kind: Exited, Code: 3}},
		{"signal", func(w *Writer) error { return w.Signal(11, "SIGSEGV") }, Result{Kind: Signaled, Code: 11, Signal: "SIGSEGV"}},
		{"error", func(w *Writer) error { return w.Error("cannot read /galeed/run.json:\n no such file") },
			Result{Kind: Failed, Message: "cannot read /galeed/run.json:\n no such file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(bytes.NewReader(report(t, tc.end)))
			if err != nil {
				t.Fatal(err)
			}
			tc.want.Files = wantFiles
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestTruncated cuts a complete stream at every length short of the end:
// none of the prefixes may parse as a result, and all must say truncated.
func TestTruncated(t *testing.T) {
	full := report(t, func(w *Writer) error { return w.Exit(0) })
	for n := range len(full) {
		_, err := Parse(bytes.NewReader(full[:n]))
		if !errors.Is(err, ErrTruncated) {
			t.Errorf("stream cut after %d of %d bytes: got error %v, want ErrTruncated", n, len(full), err)
		}
	}
}

func TestMalformed(t *testing.T) {
	for _, stream := range []string{
		"exit three\n",
		"signal 11\n",
		"error unquoted\n",
		"reboot\n",
		"exit 0\nexit 1\n",
		"file \"../etc/passwd\" 1\nx\nexit 0\n",
		"file \"/etc/passwd\" 1\nx\nexit 0\n",
		"file \"a\" -1\nexit 0\n",
		"file \"a\" 1\nxy\nexit 0\n",
		"file a 1\nx\nexit 0\n",
	} {
		_, err := Parse(strings.NewReader(stream))
		if err == nil || errors.Is(err, ErrTruncated) {
			t.Errorf("Parse(%q): got error %v, want a malformed-stream error", stream, err)
		}
	}
}

func TestWriterRejects(t *testing.T) {
	w := NewWriter(&bytes.Buffer{})
	if err := w.File("../x", 0, strings.NewReader("")); err == nil {
		t.Error("File accepted a path escaping the output directory")
	}
	if err := w.File("x", 4, strings.NewReader("ab")); err == nil || !strings.Contains(err.Error(), "2 of 4 bytes") {
		t.Errorf("File with a short reader: got %v", err)
	}
	if err := w.Signal(6, "SIG ABRT"); err == nil {
		t.Error("Signal accepted a name with a space")
	}
}
