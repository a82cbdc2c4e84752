package scan

// Filter applies an allow list of exact symbol names, for the gates that
// galeed-go itself must contain. A finding is suppressed when the symbol
// containing it bears one of the names and that name is defined only once
// in its object: with two definitions (static functions of one name in two
// translation units, or a symbol added to borrow a gate's name) nothing
// says which one the entry meant, so the finding stays.
//
// It returns the findings kept, those suppressed, and the entries that
// suppressed nothing, in the order given. A stale entry is a problem in
// itself: it allows nothing today, but would silently allow whatever
// symbol takes that name tomorrow.
func Filter(findings []Finding, allow []string) (kept, suppressed []Finding, stale []string) {
	used := make(map[string]bool, len(allow))
	for _, name := range allow {
		used[name] = false
	}
	for _, f := range findings {
		if _, ok := used[f.Symbol]; ok && f.Symbol != "" && f.SymbolDefs == 1 {
			used[f.Symbol] = true
			suppressed = append(suppressed, f)
			continue
		}
		kept = append(kept, f)
	}
	for _, name := range allow {
		if !used[name] {
			stale = append(stale, name)
			used[name] = true // report a repeated entry once
		}
	}
	return kept, suppressed, stale
}
