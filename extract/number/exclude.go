package number

import (
	"sort"
	"strings"

	"github.com/cuttings/cuttings/internal/refind"
)

// span is a byte range of the text, end exclusive.
type span struct{ start, end int }

const (
	monthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
	dayRe   = `\d{1,2}(?:st|nd|rd|th)?\b`
	sepRe   = `\s*(?:,|and|to|or|&|-|–|—)\s*`
)

// datePatterns match the dates, times and numeric dates whose numbers are
// not counts. They open with \b, which Go's regexp cannot skip ahead to:
// refind runs them only where their first runes can start a match.
var datePatterns = []*refind.Finder{
	refind.MustCompile(`\b` + dayRe + `(?:` + sepRe + dayRe + `)*\s+(?:of\s+)?` + monthRe + `(?:,?\s+\d{4}\b)?`),
	refind.MustCompile(`\b` + monthRe + `\s+` + dayRe + `(?:` + sepRe + dayRe + `)*(?:,?\s+\d{4}\b)?`),
	refind.MustCompile(`\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b`),
	refind.MustCompile(`\b\d{4}-\d{1,2}-\d{1,2}\b`),
	refind.MustCompile(`\b\d{1,4}/\d{1,4}\b`),
	refind.MustCompile(`(?i)\b\d{1,2}(?:[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)|\s*(?:(?:am|pm)\b|a\.m\.|p\.m\.))`),
	refind.MustCompile(`\b\d{1,2}:\d{2}(?::\d{2})?\b`),
	refind.MustCompile(`(?i)\b\d{1,2}\s*o['’]clock`),
	refind.MustCompile(`\b\d{4}\s*(?:GMT|BST|UTC|hrs)\b`),
}

// dateSpans returns the spans of dates and times in text, sorted. Each
// pattern runs only where its anchor occurs: month patterns in a window
// around a month name, the others in windows around their separator or
// word.
func dateSpans(text string, toks []token) []span {
	var out []span
	add := func(re *refind.Finder, base int, s string) {
		for _, m := range re.FindAllStringIndex(s) {
			out = append(out, span{base + m[0], base + m[1]})
		}
	}
	// Month patterns, in windows around capitalised month names.
	month := refind.NewWindows(text, monthReach)
	for _, t := range toks {
		if t.kind == tWord && len(t.s) >= 3 && 'A' <= t.s[0] && t.s[0] <= 'Z' && months[t.lower] {
			// Month names are ASCII: a capitalised one starts with an
			// ASCII capital.
			month.Add(t.start, t.end)
		}
	}
	// The numeric patterns, in windows around the separators and words
	// they need: run over a whole article they cost more than the rest
	// of Find.
	slashDot, slash, dash, colon := refind.NewWindows(text, numericReach), refind.NewWindows(text, numericReach), refind.NewWindows(text, numericReach), refind.NewWindows(text, numericReach)
	for i := 0; i+2 < len(text); i++ {
		if !isDigit(text[i]) || !isDigit(text[i+2]) {
			continue
		}
		switch text[i+1] {
		case '/':
			slashDot.Add(i+1, i+2)
			slash.Add(i+1, i+2)
		case '.':
			slashDot.Add(i+1, i+2)
		case '-':
			dash.Add(i+1, i+2)
		case ':':
			colon.Add(i+1, i+2)
		}
	}
	// "5pm", "10:35 PM", "9 a.m.": an a or p, then m or a dot, after a
	// digit and any spaces.
	meridiem := refind.NewWindows(text, numericReach)
	for i := 1; i+1 < len(text); i++ {
		if c := text[i] | 0x20; c != 'a' && c != 'p' {
			continue
		}
		if c := text[i+1]; c != 'm' && c != 'M' && c != '.' {
			continue
		}
		j := i - 1
		for j > 0 && strings.IndexByte(" \t\n\f\r", text[j]) >= 0 {
			j--
		}
		if isDigit(text[j]) {
			meridiem.Add(i, i+1)
		}
	}
	clock := refind.NewWindows(text, numericReach)
	for _, t := range toks {
		if t.kind != tWord {
			continue
		}
		switch t.lower {
		case "o'clock", "gmt", "bst", "utc", "hrs":
			clock.Add(t.start, t.end)
		}
	}
	for _, w := range []struct {
		re   *refind.Finder
		wins *refind.Windows
	}{
		{datePatterns[0], month}, {datePatterns[1], month},
		{datePatterns[2], slashDot}, {datePatterns[3], dash}, {datePatterns[4], slash},
		{datePatterns[5], meridiem}, {datePatterns[6], colon}, {datePatterns[7], clock}, {datePatterns[8], clock},
	} {
		for _, sp := range w.wins.Spans() {
			add(w.re, sp.Start, text[sp.Start:sp.End])
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// How far windows reach: past any month pattern from its month name ("19,
// 20 and 23 September 2023"), and past any numeric pattern from its
// separator or word.
const (
	monthReach   = 48
	numericReach = 24
)

func inSpans(spans []span, pos int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].start > pos })
	for j := i - 1; j >= 0; j-- {
		if spans[j].start <= pos && pos < spans[j].end {
			return true
		}
		if spans[j].end+200 < pos {
			break
		}
	}
	return false
}

// notNameWords are capitalised words that do not make a number part of a
// name when it follows them ("Around 200", "Over 4,000").
var notNameWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "but": true, "in": true, "of": true, "on": true,
	"at": true, "to": true, "by": true, "for": true, "from": true, "with": true, "around": true,
	"about": true, "over": true, "nearly": true, "almost": true, "some": true, "just": true,
	"only": true, "all": true, "more": true, "than": true, "since": true, "after": true, "before": true,
	"until": true, "between": true, "under": true, "up": true, "were": true,
	"are": true, "was": true, "is": true, "had": true, "has": true, "have": true, "approximately": true,
	"roughly": true, "estimated": true, "another": true, "another's": true, "total": true, "fewer": true,
	"less": true, "least": true, "most": true, "exactly": true, "precisely": true,
	"among": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"these": true, "those": true, "every": true, "each": true, "i": true, "we": true,
}

// excluded reports whether the number n (with its count read so far
// ending at token last) is not a count, and the last token to skip.
func excluded(toks []token, n num, last int, c Count, dates []span) (bool, int) {
	ft := toks[n.first]
	if inSpans(dates, ft.start) {
		return true, last
	}
	prev := prevNonSpace(toks, n.first)
	prevAdj := n.first > 0 && toks[n.first-1].end == ft.start && toks[n.first-1].kind != tSpace
	nextAdj := n.last+1 < len(toks) && toks[n.last+1].start == toks[n.last].end && toks[n.last+1].kind != tSpace

	if n.digits {
		// Letters stuck to the front: "F2", "M62", "A1"; or a hyphenated
		// name: "Covid-19", "SCP-173".
		if prevAdj && toks[n.first-1].kind == tWord {
			return true, last
		}
		// Identifiers joined by underscores: "AP_20130322", "CNN_20130321_821".
		if prevAdj && toks[n.first-1].s == "_" || nextAdj && toks[n.last+1].s == "_" {
			return true, last
		}
		if prevAdj && (toks[n.first-1].s == "-" || toks[n.first-1].s == "/" || toks[n.first-1].s == ":" || toks[n.first-1].s == "#" || toks[n.first-1].s == "@") &&
			n.first >= 2 && toks[n.first-2].end == toks[n.first-1].start && (toks[n.first-2].kind == tWord || toks[n.first-2].kind == tNum) &&
			c.Currency == "" {
			return true, last
		}
		// Letters stuck to the back that are not a magnitude: "180ml",
		// "4G", ordinals "19th", decades "1990s", "100’s".
		if nextAdj {
			nt := toks[n.last+1]
			if nt.kind == tWord && !n.scaled && !(c.Kind == KindMoney && nt.lower == "p") {
				return true, last
			}
			if (nt.s == "'" || nt.s == "’") && n.last+2 < len(toks) && toks[n.last+2].lower == "s" {
				return true, n.last + 2
			}
			if nt.s == "." && n.last+2 < len(toks) && toks[n.last+2].kind == tNum && toks[n.last+2].start == nt.end {
				// "192.168.1.2": a dotted code.
				j := n.last + 2
				for j+2 < len(toks) && toks[j+1].s == "." && toks[j+2].kind == tNum && toks[j+1].start == toks[j].end {
					j += 2
				}
				return true, j
			}
		}
	}
	// Years: "in 2012", "the 2009 contract", "2010-11".
	if n.plain && c.Kind == KindCount && !c.IsRange() && len(ft.s) == 4 {
		v := n.value
		if v >= 1600 && v <= 2099 && !yearUsedAsCount(toks, n) {
			skip := last
			if n.last+2 < len(toks) && (toks[n.last+1].s == "-" || toks[n.last+1].s == "–" || toks[n.last+1].s == "/") &&
				toks[n.last+2].kind == tNum && len(toks[n.last+2].s) <= 4 && toks[n.last+1].start == ft.end {
				skip = n.last + 2
			}
			return true, skip
		}
	}
	if c.IsRange() && n.plain && len(ft.s) == 4 && n.value >= 1800 && n.value <= 2099 && c.Kind == KindCount {
		return true, last // "2010-2012"
	}
	// Ages: "aged 36", "Dr Marianne Hilton, 36,", "Smith (36)".
	if n.plain && n.value < 120 && c.Kind == KindCount {
		if prev >= 0 {
			switch toks[prev].lower {
			case "aged", "age", "ages":
				return true, last
			}
		}
		if isAge(toks, n) {
			return true, last
		}
	}
	// Numbers side by side are codes: phone numbers ("+44 7756 165803"),
	// index values ("FTSE 100 5976.77").
	if n.digits && !n.scaled && c.Kind == KindCount && c.Currency == "" {
		if n.first > 0 && toks[n.first-1].s == "+" && toks[n.first-1].end == ft.start {
			return true, last
		}
		if n.last+2 < len(toks) && toks[n.last+1].kind == tSpace && toks[n.last+1].s == " " && toks[n.last+2].kind == tNum &&
			(codeLike(toks[n.last+2].s) || codeLike(toks[n.last].s)) {
			return true, n.last + 2
		}
		if n.first >= 2 && toks[n.first-1].kind == tSpace && toks[n.first-1].s == " " && toks[n.first-2].kind == tNum &&
			(codeLike(toks[n.first-2].s) || codeLike(ft.s)) {
			return true, last
		}
	}
	// Scores and votes: "a 5-4 decision", "a 4-4 ruling".
	if n.plain && n.last+2 < len(toks) && toks[n.last+1].s == "-" && toks[n.last+2].kind == tNum &&
		toks[n.last+1].start == toks[n.last].end && toks[n.last+2].start == toks[n.last+1].end && !c.IsRange() {
		return true, n.last + 2
	}
	// Durations: "a 96-hour strike", "18 months", "80 to 90 hours",
	// "seven and a half years"; times: "three o’clock".
	if c.Kind == KindCount {
		w := nextWordLower(toks, last)
		if w == "o'clock" {
			return true, last
		}
		if w == "and" {
			if j := nextNonSpace(toks, last); j >= 0 {
				if a := nextNonSpace(toks, j); a >= 0 && toks[a].lower == "a" {
					if h := nextNonSpace(toks, a); h >= 0 && toks[h].lower == "half" {
						w = nextWordLower(toks, h)
					}
				}
			}
		}
		if timeUnits[w] && !compoundNoun(toks, last, w) {
			return true, last
		}
		// "between four and 10 hours": the first number of a pair.
		if j := nextNonSpace(toks, last); j >= 0 && (toks[j].lower == "and" || toks[j].lower == "or" || toks[j].lower == "to") {
			if k := nextNonSpace(toks, j); k >= 0 && (toks[k].kind == tNum || isNumberWord(toks[k].lower)) {
				if m, ok := parseNumber(toks, k); ok && timeUnits[nextWordLower(toks, m.last)] {
					return true, last
				}
			}
		}
	}
	// List numbers: "2. U.N. PANEL RULES", "1) Welfare reform".
	if n.plain && n.value < 100 && c.Kind == KindCount && n.last+2 < len(toks) &&
		(toks[n.last+1].s == "." || toks[n.last+1].s == ")") && toks[n.last+2].kind == tSpace && lineStart(toks, n.first) {
		return true, last
	}
	// "No. 1", "no. 10".
	if n.plain && n.value < 1000 && prev >= 1 && toks[prev].s == "." && prev == n.first-2 &&
		(toks[prev-1].s == "No" || toks[prev-1].s == "no" || toks[prev-1].s == "Nos") && toks[prev-1].end == toks[prev].start {
		return true, last
	}
	// Index numbers: "level 4", "year 1 or 2", "Radio 4", "No 10".
	if n.digits && n.plain && n.value < 1000 && c.Kind == KindCount && c.Approx == Exact {
		if prev >= 0 && toks[prev].kind == tWord && prev == n.first-2 {
			pw := toks[prev]
			if indexWords[pw.lower] || pw.s == "No" || pw.s == "Nos" {
				return true, skipList(toks, last)
			}
			if isCapitalised(pw.s) && !notNameWords[pw.lower] && !months[pw.lower] && !sentenceInitial(toks, prev) {
				nx := nextNonSpace(toks, last)
				if nx < 0 || !(toks[nx].kind == tWord && !isCapitalised(toks[nx].s) && toks[nx].lower != "s") {
					return true, last
				}
			}
		}
		// "list item 1 or 2" after an excluded index is skipped by skipList.
	}
	// Vague plurals: "tens of thousands", "hundreds of".
	if !n.digits && !n.scaled {
		if w := nextWordLower(toks, n.last); w == "hundreds" || w == "thousands" || w == "millions" || w == "billions" {
			return true, last
		}
	}
	return false, last
}

// yearUsedAsCount reports whether a four-digit number that looks like a
// year counts something: "2000 appointments", "some 1,900".
func yearUsedAsCount(toks []token, n num) bool {
	nx := nextNonSpace(toks, n.last)
	if nx < 0 || toks[nx].kind != tWord {
		return false
	}
	w := toks[nx].lower
	if isCapitalised(toks[nx].s) || len(w) < 3 || !strings.HasSuffix(w, "s") || timeUnits[w] || strings.Contains(w, "'") ||
		strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "us") {
		return false // "Unlike 2008 there's"
	}
	switch w {
	case "levels", "figures", "prices", "rates", "standards", "terms", "values", "elections", "accounts", "games", "olympics":
		return false // "below 2005 levels", "the 2012 Olympics"
	}
	if p := prevNonSpace(toks, n.first); p >= 0 {
		switch toks[p].lower {
		case "in", "since", "from", "by", "until", "till", "of", "during", "before", "after", "the", "and", "to", "between", "early", "late", "mid":
			return false
		}
		if months[toks[p].lower] && isCapitalised(toks[p].s) {
			return false // "from April 2017 parents would ..."
		}
	}
	return true
}

// isAge reports "Name, 36," and "Name (36)".
func isAge(toks []token, n num) bool {
	p := prevNonSpace(toks, n.first)
	nx := nextNonSpace(toks, n.last)
	if p < 0 {
		return false
	}
	if toks[p].s == "(" && nx >= 0 && toks[nx].s == ")" {
		pp := prevNonSpace(toks, p)
		return pp >= 0 && toks[pp].kind == tWord && isCapitalised(toks[pp].s)
	}
	if toks[p].s != "," {
		return false
	}
	pp := prevNonSpace(toks, p)
	if pp < 0 || !(toks[pp].kind == tWord && isCapitalised(toks[pp].s) || toks[pp].s == ")") {
		return false
	}
	if nx < 0 || strings.Contains(toks[n.last+1].s, "\n") {
		return true
	}
	switch toks[nx].s {
	case ",", ".", ";", ")", ":", "–", "—", "―":
		return true
	}
	if toks[nx].kind != tWord {
		return false
	}
	w := toks[nx].lower
	if isCapitalised(toks[nx].s) {
		return true
	}
	// "In Leeds, 40 patients": a plural noun follows a count, not an age.
	switch w {
	case "was", "is", "has", "says", "as", "always", "perhaps":
		return true
	}
	return !strings.HasSuffix(w, "s")
}

// skipList steps over "or 2", "and 3", "to 5" after an excluded index.
func skipList(toks []token, last int) int {
	for {
		j := nextNonSpace(toks, last)
		if j < 0 || !(toks[j].lower == "or" || toks[j].lower == "and" || toks[j].lower == "to" || toks[j].s == ",") {
			return last
		}
		k := nextNonSpace(toks, j)
		if k < 0 || toks[k].kind != tNum {
			return last
		}
		last = k
	}
}

// sentenceInitial reports whether the word at i starts a sentence.
func sentenceInitial(toks []token, i int) bool {
	p := i - 1
	for p >= 0 && toks[p].kind == tSpace {
		if toks[p].para || strings.Contains(toks[p].s, "\n") {
			return true
		}
		p--
	}
	if p < 0 {
		return true
	}
	switch toks[p].s {
	case ".", "!", "?", "“", "\"", "‘", ":", "•", "(", "–", "—":
		return true
	}
	return false
}

func isNumberWord(w string) bool {
	if _, ok := smallWords[w]; ok {
		return true
	}
	_, ok := tensWords[w]
	return ok
}

// compoundNoun reports a time word that starts a noun rather than
// measuring a duration: "462 day cases", "200 day patients".
func compoundNoun(toks []token, last int, unit string) bool {
	j := nextNonSpace(toks, last)
	if j < 0 || j != last+2 {
		return false // "96-hour": hyphenated, a duration
	}
	switch nextWordLower(toks, j) {
	case "case", "cases", "patient", "patients", "centre", "centres", "surgery", "surgeries", "visitors", "trippers", "passes", "tickets":
		return unit == "day" || unit == "night"
	}
	return false
}

// lineStart reports whether token i starts a line: it opens the text, or
// follows white space that holds a line break or opens the text.
func lineStart(toks []token, i int) bool {
	j := i - 1
	if j < 0 {
		return true
	}
	if toks[j].kind == tSpace {
		return strings.Contains(toks[j].s, "\n") || j == 0
	}
	return false
}

// codeLike reports digits that, set beside another number, make a code or
// a reading rather than a count: five or more bare digits, or a decimal.
func codeLike(s string) bool {
	if strings.Contains(s, ".") {
		return true
	}
	return !strings.Contains(s, ",") && len(s) >= 5
}
