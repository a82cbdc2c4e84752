// Package control is the protocol the guest's init uses to report back to the
// host runner over a raw serial port: the files the test left behind, then
// how the test ended.
//
// The stream is a sequence of records, each starting with a line:
//
//	file "<path>" <size>\n<size bytes>\n
//	exit <code>\n
//	signal <number> <name>\n
//	error "<message>"\n
//
// Paths and messages are Go-quoted (strconv.Quote) so spaces and newlines in
// them cannot break the framing. Paths are relative and slash-separated.
// Any number of file records come first; exactly one result record (exit,
// signal or error) ends the stream. A guest that dies mid-report leaves a
// stream without a result record, and Parse reports that as an error, never
// as a result.
package control

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// Kind says how the guest's run ended.
type Kind int

const (
	// Exited: the test binary exited by itself; Result.Code is its status.
	Exited Kind = iota + 1
	// Signaled: a signal killed the test binary; Result.Code is its number
	// and Result.Signal its name.
	Signaled
	// Failed: the guest's init could not run the test; Result.Message says
	// why.
	Failed
)

// File is an output file the guest sent.
type File struct {
	Path string // relative, slash-separated
	Data []byte
}

// Result is a complete report from the guest.
type Result struct {
	Kind    Kind
	Code    int
	Signal  string
	Message string
	Files   []File
}

// ErrTruncated is wrapped by Parse's error when the stream ends before the
// result record, as it does when the guest dies while reporting.
var ErrTruncated = errors.New("control stream ended before the result record (the guest died or was killed while reporting)")

// Writer writes records. It does not buffer: each record goes out complete
// before the method returns.
type Writer struct {
	w io.Writer
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: w}
}

// File sends a file record with size bytes read from r.
func (w *Writer) File(name string, size int64, r io.Reader) error {
	if !validPath(name) {
		return fmt.Errorf("control: file path %q is not a clean relative path", name)
	}
	if _, err := fmt.Fprintf(w.w, "file %s %d\n", strconv.Quote(name), size); err != nil {
		return fmt.Errorf("control: sending %s: %w", name, err)
	}
	n, err := io.CopyN(w.w, r, size)
	if err == io.EOF {
		return fmt.Errorf("control: sending %s: it ended after %d of %d bytes", name, n, size)
	}
	if err != nil {
		return fmt.Errorf("control: sending %s: %w", name, err)
	}
	return w.line("\n")
}

// Exit sends the result record of a test that exited with code.
func (w *Writer) Exit(code int) error {
	return w.line(fmt.Sprintf("exit %d\n", code))
}

// Signal sends the result record of a test killed by signal number num,
// named name (like "SIGSEGV").
func (w *Writer) Signal(num int, name string) error {
	if name == "" || strings.ContainsAny(name, " \n") {
		return fmt.Errorf("control: invalid signal name %q", name)
	}
	return w.line(fmt.Sprintf("signal %d %s\n", num, name))
}

// Error sends the result record of a guest that could not run the test.
func (w *Writer) Error(message string) error {
	return w.line("error " + strconv.Quote(message) + "\n")
}

func (w *Writer) line(s string) error {
	if _, err := io.WriteString(w.w, s); err != nil {
		return fmt.Errorf("control: %w", err)
	}
	return nil
}

// Parse reads a whole stream and returns the report it holds.
func Parse(r io.Reader) (Result, error) {
	br := bufio.NewReader(r)
	var res Result
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			if line != "" {
				return Result{}, fmt.Errorf("%w: stream ends in the middle of the line %q", ErrTruncated, line)
			}
			return Result{}, ErrTruncated
		}
		if err != nil {
			return Result{}, fmt.Errorf("reading control stream: %w", err)
		}
		line = strings.TrimSuffix(line, "\n")
		word, rest, _ := strings.Cut(line, " ")
		switch word {
		case "file":
			f, err := readFile(br, rest)
			if err != nil {
				return Result{}, err
			}
			res.Files = append(res.Files, f)
			continue
		case "exit":
			res.Kind = Exited
			res.Code, err = strconv.Atoi(rest)
		case "signal":
			res.Kind = Signaled
			num, name, ok := strings.Cut(rest, " ")
			res.Code, err = strconv.Atoi(num)
			res.Signal = name
			if err == nil && (!ok || name == "") {
				err = errors.New("missing signal name")
			}
		case "error":
			res.Kind = Failed
			res.Message, err = strconv.Unquote(rest)
		default:
			err = errors.New("unknown record")
		}
		if err != nil {
			return Result{}, fmt.Errorf("malformed control record %q: %v", line, err)
		}
		if extra, _ := br.Peek(1); len(extra) > 0 {
			return Result{}, fmt.Errorf("control stream has data after the result record %q", line)
		}
		return res, nil
	}
}

// readFile reads the body of a file record whose header line, after the
// word "file ", is header.
func readFile(br *bufio.Reader, header string) (File, error) {
	i := strings.LastIndexByte(header, ' ')
	if i < 0 {
		return File{}, fmt.Errorf("malformed control record %q: want a path and a size", "file "+header)
	}
	name, err := strconv.Unquote(header[:i])
	if err != nil || !validPath(name) {
		return File{}, fmt.Errorf("malformed control record %q: the path must be a quoted clean relative path", "file "+header)
	}
	size, err := strconv.ParseInt(header[i+1:], 10, 64)
	if err != nil || size < 0 {
		return File{}, fmt.Errorf("malformed control record %q: bad size", "file "+header)
	}
	// Read through a LimitReader so a corrupt size cannot allocate more
	// memory than the stream actually holds.
	data, err := io.ReadAll(io.LimitReader(br, size))
	if err != nil {
		return File{}, fmt.Errorf("reading %s from the control stream: %w", name, err)
	}
	if int64(len(data)) < size {
		return File{}, fmt.Errorf("%w: file %s has %d of its %d bytes", ErrTruncated, name, len(data), size)
	}
	switch b, err := br.ReadByte(); {
	case err == io.EOF:
		return File{}, fmt.Errorf("%w: file %s lacks its closing newline", ErrTruncated, name)
	case err != nil:
		return File{}, fmt.Errorf("reading control stream: %w", err)
	case b != '\n':
		return File{}, fmt.Errorf("control stream: file %s is longer than its declared %d bytes", name, size)
	}
	return File{Path: name, Data: data}, nil
}

// validPath reports whether name names a file below the directory it is
// resolved against (no "..", no leading "/"), so the host may write it safely.
func validPath(name string) bool {
	return fs.ValidPath(name) && name != "."
}
