// Package sqlite_test runs github.com/mattn/go-sqlite3, unmodified, in a
// process protected by go/mpk: every cgo call into SQLite is gated by the
// galeed toolchain, and the calls that must touch Go memory get only the
// access tools/cc_toolchain/call_policies.txt grants them. A call missing
// from that list faults with a violation report naming it, so this test
// failing is how a missing or too narrow policy shows. It needs PKU: Bazel
// runs it through galeed_vm_test.
package sqlite_test

import (
	"bytes"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/galeed-go/galeed/go/mpk"
	_ "github.com/mattn/go-sqlite3"
)

const rows = 10_000

// row i's values. Every 1000th row has an empty text and an empty blob,
// which go-sqlite3 binds from a Go global rather than from the value.
func text(i int) string {
	if i%1000 == 0 {
		return ""
	}
	return fmt.Sprintf("row %d: grüße %x", i, i*i)
}

func blob(i int) []byte {
	b := make([]byte, i%1000)
	for j := range b {
		b[j] = byte(i + j)
	}
	return b
}

func TestSQLite(t *testing.T) {
	key, err := mpk.Protected()
	if err != nil {
		t.Fatalf("the test must run protected, where C cannot reach Go memory: %v", err)
	}
	t.Logf("Go memory carries protection key %d", key)

	db, err := sql.Open("sqlite3", filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE rows (n INTEGER PRIMARY KEY, t TEXT NOT NULL, b BLOB NOT NULL)`); err != nil {
		t.Fatal(err)
	}

	insert(t, db)
	readBack(t, db)
	aggregate(t, db)
}

// insert adds the rows in one transaction through one prepared statement.
func insert(t *testing.T, db *sql.DB) {
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	stmt, err := tx.Prepare(`INSERT INTO rows (n, t, b) VALUES (?, ?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < rows; i++ {
		if _, err := stmt.Exec(i, text(i), blob(i)); err != nil {
			t.Fatalf("inserting row %d: %v", i, err)
		}
	}
	if err := stmt.Close(); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// readBack checks every value of every row.
func readBack(t *testing.T, db *sql.DB) {
	r, err := db.Query(`SELECT n, t, b FROM rows ORDER BY n`)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	i := 0
	for ; r.Next(); i++ {
		var (
			n  int
			tx string
			b  []byte
		)
		if err := r.Scan(&n, &tx, &b); err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		if n != i || tx != text(i) || !bytes.Equal(b, blob(i)) {
			t.Fatalf("row %d reads back as (%d, %q, %x), want (%d, %q, %x)", i, n, tx, b, i, text(i), blob(i))
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if i != rows {
		t.Fatalf("read back %d rows, want %d", i, rows)
	}
}

// aggregate lets SQLite sum what it stored and compares with Go's sums.
func aggregate(t *testing.T, db *sql.DB) {
	var wantN, wantText, wantBlob int64
	for i := 0; i < rows; i++ {
		wantN += int64(i)
		wantText += int64(len(text(i)))
		wantBlob += int64(len(blob(i)))
	}
	var count, sumN, sumText, sumBlob int64
	err := db.QueryRow(`SELECT COUNT(*), SUM(n), SUM(LENGTH(CAST(t AS BLOB))), SUM(LENGTH(b)) FROM rows`).
		Scan(&count, &sumN, &sumText, &sumBlob)
	if err != nil {
		t.Fatal(err)
	}
	if count != rows || sumN != wantN || sumText != wantText || sumBlob != wantBlob {
		t.Fatalf("COUNT, SUM(n), text bytes, blob bytes = %d, %d, %d, %d; want %d, %d, %d, %d",
			count, sumN, sumText, sumBlob, rows, wantN, wantText, wantBlob)
	}
}
