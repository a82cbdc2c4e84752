module github.com/galeed-go/galeed

go 1.26

require (
	github.com/mattn/go-sqlite3 v1.14.52
	golang.org/x/sys v0.38.0
)
