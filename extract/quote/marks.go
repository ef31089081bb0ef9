package quote

import (
	"unicode"
	"unicode/utf8"
)

// rawQuote is a stretch of text between double quote marks in one paragraph.
type rawQuote struct {
	para       int
	open       int // byte offset of the opening mark, -1 when the quote opens the paragraph without one
	close      int // byte offset of the closing mark, -1 when the paragraph ends first
	openLen    int
	closeLen   int
	start, end int // the words inside, trimmed
}

const (
	markOpen = iota + 1
	markClose
	markBoth
)

func markKind(r rune) int {
	switch r {
	case '“', '„', '«':
		return markOpen
	case '”', '»':
		return markClose
	case '"':
		return markBoth
	}
	return 0
}

func runeBefore(text string, i, lo int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func runeAfter(text string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r
}

// opensHere reports whether a mark at i looks like an opening mark by its
// neighbours: space or bracket before, a word or mark after.
func opensHere(text string, i, n, lo, hi int) bool {
	b := runeBefore(text, i, lo)
	a := runeAfter(text, i+n, hi)
	if unicode.IsSpace(a) || a == ',' || a == '.' {
		return false
	}
	return unicode.IsSpace(b) || b == '(' || b == '[' || b == '—' || b == '–' || b == '-' || b == ':' || b == '/' || i == lo
}

// scanMarks finds the quoted stretches of paragraph p = text[lo:hi].
func scanMarks(text string, para, lo, hi int) []rawQuote {
	var out []rawQuote
	in := false
	var cur rawQuote
	seen := false
	for i := lo; i < hi; {
		r, n := utf8.DecodeRuneInString(text[i:hi])
		k := markKind(r)
		// two apostrophes or backticks stand for a double mark in some
		// archives (''Opening Belle,'' she said; ``quoted'')
		if (r == '\'' || r == '`') && i+1 < hi && text[i+1] == text[i] {
			n = 2
			if r == '`' {
				k = markOpen
			} else {
				k = markBoth
			}
		}
		if k == 0 {
			i += n
			continue
		}
		if !in {
			switch {
			case k == markOpen, opensHere(text, i, n, lo, hi):
				// a straight mark, or a closing one used to open, opens
				// by its neighbours
				in = true
				cur = rawQuote{para: para, open: i, openLen: n, close: -1}
			case !seen:
				// a closing mark with nothing opened: the quote ran from the
				// start of the paragraph
				out = append(out, rawQuote{para: para, open: -1, close: i, closeLen: n})
			}
			seen = true
			i += n
			continue
		}
		// inside a quote: a nested “...” pair when two closing marks follow
		if k == markOpen && nestedPair(text, i+n, hi) {
			j := i + n
			for j < hi {
				r2, n2 := utf8.DecodeRuneInString(text[j:hi])
				j += n2
				if r2 == '”' {
					break
				}
			}
			i = j
			continue
		}
		if k == markOpen && runeAfter(text, i+n, hi) != ' ' && unicode.IsSpace(runeBefore(text, i, lo)) {
			// an opening mark while open: the previous quote never closed
			cur.close = -2 // closed implicitly at i
			cur.end = i
			out = append(out, cur)
			cur = rawQuote{para: para, open: i, openLen: n, close: -1}
			i += n
			continue
		}
		cur.close = i
		cur.closeLen = n
		out = append(out, cur)
		in = false
		i += n
	}
	if in {
		out = append(out, cur)
	}
	// fill the inner spans
	for i := range out {
		q := &out[i]
		s := lo
		if q.open >= 0 {
			s = q.open + q.openLen
		}
		e := hi
		switch {
		case q.close >= 0:
			e = q.close
		case q.close == -2:
			e = q.end
			q.close = -1
		}
		s, e = trimSpan(text, s, e)
		// drop a trailing comma inside the marks
		for e > s && (text[e-1] == ',') {
			e--
		}
		q.start, q.end = s, e
	}
	return out
}

// nestedPair reports whether text[from:hi] holds at least two more closing
// curly marks than opening ones before the next opening mark run out, so
// that an opening mark at from-1 starts a quote inside a quote.
func nestedPair(text string, from, hi int) bool {
	closes := 0
	for i := from; i < hi; {
		r, n := utf8.DecodeRuneInString(text[i:hi])
		switch r {
		case '”':
			closes++
			if closes >= 2 {
				return true
			}
		case '“':
			return false
		}
		i += n
	}
	return false
}
