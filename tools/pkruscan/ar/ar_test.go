package ar

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// member renders one archive member: header, data, padding.
func member(name string, data string) string {
	h := fmt.Sprintf("%-16s%-12s%-6s%-6s%-8s%-10d`\n", name, "0", "0", "0", "644", len(data))
	if len(data)%2 == 1 {
		data += "\n"
	}
	return h + data
}

func TestParse(t *testing.T) {
	longTable := "a_rather_long_member_name.o/\nanother_long_name_here.o/\n"
	for _, tc := range []struct {
		name    string
		archive string
		want    *Archive
	}{
		{
			name:    "GNU short and long names, symbol index skipped",
			archive: magic + member("/", "\x00\x00\x00\x00") + member("//", longTable) + member("short.o/", "abc") + member("/29", "defg") + member("/0", "x"),
			want: &Archive{Members: []Member{
				{Name: "short.o", Data: []byte("abc")},
				{Name: "another_long_name_here.o", Data: []byte("defg")},
				{Name: "a_rather_long_member_name.o", Data: []byte("x")},
			}},
		},
		{
			name:    "BSD names",
			archive: magic + member("#1/12", "__.SYMDEF\x00\x00\x00index") + member("#1/20", "long_bsd_name.o\x00\x00\x00\x00\x00code") + member("plain.o", "zz"),
			want: &Archive{Members: []Member{
				{Name: "long_bsd_name.o", Data: []byte("code")},
				{Name: "plain.o", Data: []byte("zz")},
			}},
		},
		{
			name: "thin: index and names stored, members not",
			archive: thinMagic + member("/", "\x00\x00\x00\x00") + member("//", "dir/one.o/\n/abs/two.o/\n") +
				strings.TrimSuffix(member("/0", strings.Repeat("?", 1000)), strings.Repeat("?", 1000)) +
				strings.TrimSuffix(member("/11", strings.Repeat("?", 7)), strings.Repeat("?", 7)+"\n"),
			want: &Archive{Thin: true, Members: []Member{{Name: "dir/one.o"}, {Name: "/abs/two.o"}}},
		},
		{
			name:    "missing final padding byte",
			archive: magic + strings.TrimSuffix(member("odd.o/", "abc"), "\n"),
			want:    &Archive{Members: []Member{{Name: "odd.o", Data: []byte("abc")}}},
		},
		{name: "empty archive", archive: magic, want: &Archive{}},
	} {
		got, err := Parse([]byte(tc.archive))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := member("a.o/", "data")
	for _, tc := range []struct {
		archive string
		err     string
	}{
		{"garbage", "not an ar archive"},
		{magic + good[:30], "truncated"},
		{magic + strings.Replace(good, "`\n", "xx", 1), "bad terminator"},
		{magic + strings.Replace(good, "4         `", "4x        `", 1), "bad size field"},
		{magic + strings.Replace(good, "4         `", "          `", 1), "bad size field"},
		{magic + strings.Replace(good, "4         `", "9999999999`", 1), "runs past the end"},
		{magic + member("/5", "x"), "no // member precedes it"},
		{magic + member("//", "n.o/\n") + member("/99", "x"), "past the end of the 5-byte long-name table"},
		{magic + member("//", "n.o/\n") + member("/1x", "x"), "not a decimal"},
		{magic + member("#1/50", "short"), "does not fit"},
		{magic + member("", "x"), "empty name"},
		{magic + good + "\n", "truncated"},
	} {
		_, err := Parse([]byte(tc.archive))
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%q: got %v, want error containing %q", tc.archive, err, tc.err)
		}
	}
}

// FuzzParse checks that no input makes Parse panic and that what it
// returns lies within the input.
func FuzzParse(f *testing.F) {
	f.Add([]byte(magic + member("/", "\x00\x00\x00\x00") + member("//", "a_rather_long_member_name.o/\n") + member("/0", "x") + member("s.o/", "abc")))
	f.Add([]byte(magic + member("#1/12", "long_name.o\x00code")))
	f.Add([]byte(thinMagic + member("//", "dir/one.o/\n") + member("/0", "")))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Parse(b)
		if err != nil {
			return
		}
		total := 0
		for _, m := range a.Members {
			total += len(m.Data)
		}
		if total > len(b) {
			t.Fatalf("members hold %d bytes, more than the %d-byte archive", total, len(b))
		}
	})
}
