// Command sqlite measures what galeed-go costs a real cgo library:
// github.com/mattn/go-sqlite3, unmodified, inserting and querying rows
// through database/sql. Built with the galeed toolchain, every one of its
// cgo calls runs between gates, with the policies of
// tools/cc_toolchain/call_policies.txt; built without it, none does.
// benchmarks/compare runs the two builds side by side:
//
//	tools/bazel run -c opt //benchmarks/sqlite       # natively
//	tools/bazel run -c opt //benchmarks/sqlite:vm    # with PKU (emulated where the host has none)
package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	"github.com/galeed-go/galeed/benchmarks/variant"
	_ "github.com/mattn/go-sqlite3"
)

// The query benchmark's table size.
const rows = 10_000

func main() {
	variant.Main("none: go-sqlite3 calls Go back only for the functions, collations, hooks and authorizers registered with it, and this program registers none",
		variant.Benchmark{Name: "SQLiteInsert", Start: startInsert},
		variant.Benchmark{Name: "SQLiteQuery", Start: startQuery},
	)
}

// row i's values: a short text and a 64-byte blob.
func values(i int) (string, []byte) {
	b := make([]byte, 64)
	for j := range b {
		b[j] = byte(i * j)
	}
	return fmt.Sprintf("value %d", i), b
}

// database is an empty table in a new database file.
type database struct {
	dir string
	db  *sql.DB
}

func open() (*database, error) {
	dir, err := os.MkdirTemp("", "galeed-sqlite-bench")
	if err != nil {
		return nil, err
	}
	d := &database{dir: dir}
	if d.db, err = sql.Open("sqlite3", filepath.Join(dir, "bench.db")); err == nil {
		_, err = d.db.Exec(`CREATE TABLE rows (n INTEGER PRIMARY KEY, t TEXT NOT NULL, b BLOB NOT NULL)`)
	}
	if err != nil {
		d.close()
		return nil, err
	}
	return d, nil
}

func (d *database) close() error {
	var err error
	if d.db != nil {
		err = d.db.Close()
	}
	if rmErr := os.RemoveAll(d.dir); err == nil {
		err = rmErr
	}
	return err
}

// insert prepares an insert of rows in one transaction, committed after
// the operations.
func (d *database) insert() (*sql.Tx, *sql.Stmt, error) {
	tx, err := d.db.Begin()
	if err != nil {
		return nil, nil, err
	}
	stmt, err := tx.Prepare(`INSERT INTO rows (n, t, b) VALUES (?, ?, ?)`)
	if err != nil {
		tx.Rollback()
		return nil, nil, err
	}
	return tx, stmt, nil
}

// startInsert: each operation inserts one row through a prepared statement
// inside one transaction.
func startInsert() (func(int) error, func() error, error) {
	d, err := open()
	if err != nil {
		return nil, nil, err
	}
	tx, stmt, err := d.insert()
	if err != nil {
		d.close()
		return nil, nil, err
	}
	op := func(i int) error {
		t, b := values(i)
		_, err := stmt.Exec(i, t, b)
		return err
	}
	stop := func() error {
		err := tx.Commit()
		if closeErr := d.close(); err == nil {
			err = closeErr
		}
		return err
	}
	return op, stop, nil
}

// startQuery: each operation reads one row of a full table by its key
// through a prepared statement and checks it.
func startQuery() (func(int) error, func() error, error) {
	d, err := open()
	if err != nil {
		return nil, nil, err
	}
	fail := func(err error) (func(int) error, func() error, error) {
		d.close()
		return nil, nil, err
	}
	tx, insert, err := d.insert()
	if err != nil {
		return fail(err)
	}
	texts, blobs := make([]string, rows), make([][]byte, rows)
	for i := range rows {
		texts[i], blobs[i] = values(i)
		if _, err := insert.Exec(i, texts[i], blobs[i]); err != nil {
			tx.Rollback()
			return fail(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	query, err := d.db.Prepare(`SELECT t, b FROM rows WHERE n = ?`)
	if err != nil {
		return fail(err)
	}
	op := func(i int) error {
		n := i % rows
		var t string
		var b []byte
		if err := query.QueryRow(n).Scan(&t, &b); err != nil {
			return err
		}
		if t != texts[n] || !bytes.Equal(b, blobs[n]) {
			return fmt.Errorf("row %d reads back as (%q, %x)", n, t, b)
		}
		return nil
	}
	return op, d.close, nil
}
