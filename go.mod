module github.com/galeed-go/galeed

go 1.26

require golang.org/x/sys v0.38.0
