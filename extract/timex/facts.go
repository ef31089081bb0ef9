package timex

// fact is a set of cheap properties of a segment that some rules need
// before their pattern can match there. Each is a necessary condition of
// the patterns that ask for it, tested byte by byte, so that a segment
// without it skips the pattern and nothing it would have found is lost.
type fact uint8

const (
	// factDigit: an ASCII digit.
	factDigit fact = 1 << iota
	// factMonth: the start of a month as reMonAny writes it, case and
	// all ("Jan", "jan", "Mar", not "mar").
	factMonth
	// factYear: four digits reYear takes ("1[89]dd", "20dd").
	factYear
	// factMonthDay: a month start, letters and an optional dot, white
	// space, an optional "the", a digit: every match of
	// reMonFirst\s+(?:the\s+)?reDay has one.
	factMonthDay
	// factDayMonth: a digit, letters, white space, an optional "of", a
	// month start: every match of reDay\s+(?:of\s+)?reMonAny has one.
	factDayMonth
	// factNumMonth: a letter, "-", "/" or " " and four digits; four
	// digits, "-" or "/" and a letter (or any non-ASCII byte, which (?i)
	// may fold to a letter); or a letter, "-" and a digit: one of them is
	// in every match of the numeric-month rule ("4-Feb-2023",
	// "2023/feb/04", "Feb-04-2023").
	factNumMonth
	// factFour: four digits in a row.
	factFour
	// factDayList: a digit, letters, white space, a comma, white space
	// and a digit, as in reDay(?:\s*,\s*reDay)+ ("2, 4", "1st , 3rd").
	factDayList
)

// needFacts marks a rule that may only match in segments with all of fs.
func needFacts(r rule, fs fact) rule {
	r.facts |= fs
	return r
}

// segmentFacts returns the facts of each segment.
func segmentFacts(text string, segs []segment) []fact {
	out := make([]fact, len(segs))
	for i, sg := range segs {
		out[i] = factsOf(text[sg.from:sg.to])
	}
	return out
}

func factsOf(s string) fact {
	var f fact
	run := 0 // digits in a row
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isDigit(c) {
			f |= factDigit
			if run == 0 && i >= 2 && s[i-1] == '-' && isLetter(s[i-2]) {
				f |= factNumMonth // "Feb-04"
			}
			run++
			if run >= 4 {
				f |= factFour
				if y := s[i-3 : i+1]; y[0] == '1' && (y[1] == '8' || y[1] == '9') || y[0] == '2' && y[1] == '0' {
					f |= factYear
				}
				if i >= 5 && (s[i-4] == '-' || s[i-4] == '/' || s[i-4] == ' ') && isLetter(s[i-5]) {
					f |= factNumMonth // "Feb 2023"
				}
				if i+2 < len(s) && (s[i+1] == '-' || s[i+1] == '/') && (isLetter(s[i+2]) || s[i+2] >= 0x80) {
					f |= factNumMonth // "2023/feb"
				}
			}
			if i+1 == len(s) || !isDigit(s[i+1]) {
				if dayMonthAt(s, i+1) {
					f |= factDayMonth
				}
				if dayListAt(s, i+1) {
					f |= factDayList
				}
			}
			continue
		}
		run = 0
		if monthAt(s, i) {
			f |= factMonth
			if monthDayAt(s, i+3) {
				f |= factMonthDay
			}
		}
	}
	return f
}

// monthAt reports whether s[i:] starts with a month as reMonAny writes it.
func monthAt(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	switch s[i : i+3] {
	case "Jan", "jan", "Feb", "feb", "Mar", "Apr", "apr", "May", "Jun", "jun",
		"Jul", "jul", "Aug", "Sep", "sep", "Oct", "oct", "Nov", "nov", "Dec", "dec":
		return true
	}
	return false
}

// monthDayAt reports whether s[i:], just after a month's first three
// letters, goes on as letters, an optional dot, white space, an optional
// "the" and white space, and a digit.
func monthDayAt(s string, i int) bool {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
	}
	i, ok := skipSpace(s, i)
	if !ok {
		return false
	}
	if j, ok := skipSpace(s, i+3); ok && s[i:i+3] == "the" {
		i = j
	}
	return i < len(s) && isDigit(s[i])
}

// dayMonthAt reports whether s[i:], just after a digit, goes on as
// letters, white space, an optional "of" and white space, and a month.
func dayMonthAt(s string, i int) bool {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	i, ok := skipSpace(s, i)
	if !ok {
		return false
	}
	if j, ok := skipSpace(s, i+2); ok && s[i:i+2] == "of" {
		i = j
	}
	return monthAt(s, i)
}

// dayListAt reports whether s[i:], just after a digit, goes on as
// letters, white space, a comma, white space and a digit.
func dayListAt(s string, i int) bool {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	i, _ = skipSpace(s, i)
	if i >= len(s) || s[i] != ',' {
		return false
	}
	i, _ = skipSpace(s, i+1)
	return i < len(s) && isDigit(s[i])
}

// skipSpace skips the white space (\s) at s[i:] and reports whether there
// was any.
func skipSpace(s string, i int) (int, bool) {
	j := i
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	return j, j > i
}

// isSpace is the regexp class \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
