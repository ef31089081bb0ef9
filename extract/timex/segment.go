package timex

import "strings"

// anchor is a class of words that some rule needs in order to match. Parse
// runs each rule only on the stretches of text around its anchors:
// matching the patterns over whole articles is many times slower.
type anchor uint16

const (
	anchorMonth   anchor = 1 << iota // "September", "Sept."
	anchorWeekday                    // "Monday"
	anchorYear                       // a four-digit number
	anchorNumeric                    // digits joined by "/", "-" or "." ("6/10/2018")
	anchorDeictic                    // "today", "yesterday", "tomorrow"
	anchorPeriod                     // "week", "month", "year"
	anchorAgo                        // "ago"
	anchorHoliday                    // "Christmas", "Easter"
	anchorOrdinal                    // "18th"
	anchorClasses = iota
)

var anchorWords = func() map[string]anchor {
	m := map[string]anchor{
		"today": anchorDeictic, "yesterday": anchorDeictic, "tomorrow": anchorDeictic,
		"week": anchorPeriod, "weekend": anchorPeriod, "month": anchorPeriod, "year": anchorPeriod,
		"ago": anchorAgo, "christmas": anchorHoliday, "easter": anchorHoliday, "boxing": anchorHoliday,
		"halloween": anchorHoliday, "valentine": anchorHoliday, "patrick": anchorHoliday,
		"bonfire": anchorHoliday, "fawkes": anchorHoliday, "new": anchorHoliday, "good": anchorHoliday,
	}
	for k := range monthNumbers {
		m[k] = anchorMonth
	}
	for k := range weekdayNumbers {
		m[k] = anchorWeekday
	}
	for k := range weekdayAbbreviations {
		m[k] = anchorWeekday
	}
	return m
}()

// anchorShapes has bit n of [a][b] set when an anchor word of n letters
// starts with letter 'a'+a and ends with 'b'+b: most words of a text have
// no anchor's shape, and testing it is cheaper than the map lookup. It is
// read-only after init.
var anchorShapes = func() *[26][26]uint32 {
	var t [26][26]uint32
	for w := range anchorWords {
		t[w[0]-'a'][w[len(w)-1]-'a'] |= 1 << len(w)
	}
	return &t
}()

// anchorShapeOf reports whether a word of n bytes (at most 31) from first
// to last may be an anchor word, its case aside.
func anchorShapeOf(first, last byte, n int) bool {
	f, l := lowerASCII(first)-'a', lowerASCII(last)-'a'
	return f < 26 && l < 26 && anchorShapes[f][l]&(1<<n) != 0
}

// segment is a stretch [from, to) of the text worth matching.
type segment struct{ from, to int }

// Context kept around an anchor word, in bytes; longer than any pattern
// reaches before or after its anchor ("between the 19th and the 23rd of
// September", "October 2, 3, 4, 5 and 6, 2023").
const (
	segBefore = 48
	segAfter  = 56
	// segMax bounds a merged stretch: past it a new, overlapping one
	// starts. Short inputs keep Go's regexp on its backtracker, which is
	// much faster than its NFA, and every match still lies whole inside
	// the stretch around its anchor (a match cut short at a stretch's end
	// loses to the whole one found in the next).
	segMax = 384
)

// segments returns, for each anchor class, the stretches of text around
// its words, merged where they overlap and cut at spaces so that word
// boundaries stay where they were.
func segments(text string) [anchorClasses][]segment {
	var out [anchorClasses][]segment
	add := func(class, a, b int) {
		from, to := max(0, a-segBefore), min(len(text), b+segAfter)
		for from > 0 && text[from-1] != ' ' && text[from-1] != '\n' {
			from--
		}
		for to < len(text) && text[to] != ' ' && text[to] != '\n' {
			to++
		}
		segs := out[class]
		if n := len(segs); n > 0 && from <= segs[n-1].to && to-segs[n-1].from <= segMax {
			segs[n-1].to = max(segs[n-1].to, to)
			return
		}
		out[class] = append(segs, segment{from, to})
	}
	var buf [16]byte // a word lower-cased, for the anchorWords lookup
	i := 0
	for i < len(text) {
		if !isAlnum(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isAlnum(text[j]) {
			j++
		}
		var a anchor
		if isDigit(text[i]) {
			if j-i == 4 {
				a |= anchorYear
			}
			if numericDateAt(text, j) {
				a |= anchorNumeric
			}
			if j-i >= 2 {
				x, y := lowerASCII(text[j-2]), lowerASCII(text[j-1])
				if x == 's' && y == 't' || x == 'n' && y == 'd' || x == 'r' && y == 'd' || x == 't' && y == 'h' {
					a |= anchorOrdinal
				}
			}
		} else if j-i >= 3 && j-i <= len(buf) && anchorShapeOf(text[i], text[j-1], j-i) {
			// Words are ASCII letters and digits: lower-casing them byte
			// by byte is strings.ToLower, without its allocation.
			for k := i; k < j; k++ {
				buf[k-i] = lowerASCII(text[k])
			}
			a = anchorWords[string(buf[:j-i])]
		}
		for c := 0; c < anchorClasses; c++ {
			if a&(1<<c) != 0 {
				add(c, i, j)
			}
		}
		i = j
	}
	return out
}

// numericDateAt reports whether the digits ending at text[j] go on as a
// numeric date or a financial year ("6/10", "2013-03", "6.10.2018"), not
// as a decimal ("10.3").
func numericDateAt(text string, j int) bool {
	if strings.HasPrefix(text[j:], "–") {
		return j+3 < len(text) && isDigit(text[j+3])
	}
	if j+1 >= len(text) || !isDigit(text[j+1]) {
		return false
	}
	switch text[j] {
	case '/', '-':
		return true
	case '.':
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		return k+1 < len(text) && text[k] == '.' && isDigit(text[k+1])
	}
	return false
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) }
