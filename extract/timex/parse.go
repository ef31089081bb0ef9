package timex

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// groups gives a rule's builder access to one match's named groups. A name
// may be used in several alternatives of a pattern; the one that took part
// in the match counts.
type groups struct {
	text string
	loc  []int
	idx  map[string][]int
}

// at is the submatch index of the named group that took part, or -1.
func (g groups) at(name string) int {
	for _, i := range g.idx[name] {
		if g.loc[2*i] >= 0 {
			return i
		}
	}
	return -1
}

func (g groups) has(name string) bool { return g.at(name) >= 0 }

func (g groups) get(name string) string {
	i := g.at(name)
	if i < 0 {
		return ""
	}
	return g.text[g.loc[2*i]:g.loc[2*i+1]]
}

// pos is the byte offset where a group starts (or the match starts, when
// the group did not take part).
func (g groups) pos(name string) int {
	i := g.at(name)
	if i < 0 {
		return g.loc[0]
	}
	return g.loc[2*i]
}

func (g groups) num(name string) int {
	s := strings.TrimRight(g.get(name), "stndrh")
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// rule is one pattern and the builder that turns its match into an Expr.
// The builder may move the span (Start, End) inside the match and returns
// false to drop the match.
type rule struct {
	name   string
	anchor anchor
	// needs lists strings of which a stretch of text must hold one for
	// the rule to be tried there (a cheap test before the pattern).
	needs []string
	re    *regexp.Regexp
	idx   map[string][]int
	build func(g groups, e *Expr) bool
}

func newRule(name string, a anchor, pattern string, build func(g groups, e *Expr) bool) rule {
	re := regexp.MustCompile(pattern)
	idx := map[string][]int{}
	for i, n := range re.SubexpNames() {
		if n != "" {
			idx[n] = append(idx[n], i)
		}
	}
	return rule{name: name, anchor: a, re: re, idx: idx, build: build}
}

// rules are read-only after init; the order breaks ties between spans of
// the same length (earlier wins).
var rules = []rule{
	withNeeds(newRule("iso", anchorNumeric, `\b(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2})\b`, buildISO), "-"),
	newRule("numeric-month", anchorMonth, `\b(?:(?P<d1>\d{1,2})[-/ ](?P<m1>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec))[-/ ](?P<y1>\d{4})|(?P<y1>\d{4})[-/](?P<m1>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec))[-/](?P<d1>\d{1,2})|(?P<m1>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec))-(?P<d1>\d{1,2})-(?P<y1>\d{4}))\b`, buildDate),
	newRule("iso-month", anchorNumeric, `\b(?P<y1>(?:19|20)\d\d)-(?P<mo>0?[1-9]|1[0-2])\b`, buildISOMonth),
	newRule("numeric", anchorNumeric, `\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<y1>\d{4}|\d{2})\b`, buildNumeric),
	withNeeds(newRule("list-md", anchorMonth, `\b(?P<m1>`+reMonFirst+`)\s+(?P<dl>`+reDay+`(?:\s*,\s*`+reDay+`)+\s*,?\s+(?:and|&)\s+`+reDay+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`)\b)?`, buildList), "and", "&"),
	withNeeds(newRule("list-dm", anchorMonth, `\b(?P<dl>`+reDay+`(?:\s*,\s*`+reDay+`)+\s*,?\s+(?:and|&)\s+`+reDay+`)\s+(?:of\s+)?(?P<m1>`+reMonAny+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`)\b)?`, buildList), "and", "&"),
	withNeeds(newRule("range-md", anchorMonth, `\b(?:(?P<pre>[Bb]etween|[Ff]rom)\s+)?(?P<m1>`+reMonFirst+`)\s+(?P<d1>`+reDay+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`))?\s*(?P<sep>-|–|—|to|and|until|till|through|thru)\s*(?:(?P<m2>`+reMonAny+`)\s+)?(?P<d2>`+reDay+`)\b(?:\s*,?\s+(?P<y2>`+reYear+`)\b)?`, buildRange), "-", "–", "—", "to", "and", "until", "till", "through", "thru"),
	withNeeds(newRule("range-dm", anchorMonth, `\b(?:(?P<pre>[Bb]etween|[Ff]rom)\s+)?(?:the\s+)?(?P<d1>`+reDay+`)\b(?:\s+(?:of\s+)?(?P<m1>`+reMonAny+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`))?)?\s*(?P<sep>-|–|—|to|and|until|till|through)\s*(?:the\s+)?(?P<d2>`+reDay+`)\s+(?:of\s+)?(?P<m2>`+reMonAny+`)\b(?:\s*,?\s+(?P<y2>`+reYear+`)\b)?`, buildRange), "-", "–", "—", "to", "and", "until", "till", "through", "thru"),
	withNeeds(newRule("month-range", anchorMonth, `\b(?P<pre>[Ff]rom|[Bb]etween)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?P<m1>`+reMonWord+`)(?:\s*,?\s+(?P<y1>`+reYear+`))?\s+(?P<sep>to|and|until|till|through)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?P<m2>`+reMonWord+`)(?:\s*,?\s+(?P<y2>`+reYear+`))?\b`, buildMonthRange), "rom", "etween"),
	newRule("date-dm", anchorMonth, `\b(?:(?P<wd>`+reWeekday+`),?\s+)?(?:the\s+)?(?P<d1>`+reDay+`)\s+(?:of\s+)?(?P<m1>`+reMonAny+`)\b(?:\s*,?\s+(?:of\s+)?(?P<y1>`+reYear+`)\b|\s+of\s+(?P<ry>this|last|next)\s+year\b)?`, buildDate),
	newRule("date-md", anchorMonth, `\b(?:(?P<wd>`+reWeekday+`),?\s+)?(?P<m1>`+reMonFirst+`)\s+(?:the\s+)?(?P<d1>`+reDay+`)\b(?:\s*,?\s+(?:of\s+)?(?P<y1>`+reYear+`)\b|\s+of\s+(?P<ry>this|last|next)\s+year\b)?`, buildDate),
	newRule("month-year", anchorMonth, `\b(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|end\s+of|start\s+of))(?:\s+|-))?(?:(?P<m1>`+reMonWord+`)\s*,?\s+(?:of\s+)?|(?P<m1>`+reMonAbbr+`)(?:\s*[,/-]\s*|\s+))(?P<y1>`+reYear+`)\b`, buildMonth),
	newRule("month", anchorMonth, `\b(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|end\s+of|start\s+of))(?:\s+|-)(?:in\s+)?)?(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<m1>`+reMonWord+`)(?:\b|$)(?:\s+(?:of\s+)?(?P<ry>this|last|next)\s+year\b|`+rePoss+`)`, buildMonth),
	withNeeds(newRule("fy", anchorNumeric, `\b(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>\d\d)\b`, buildFY), "-", "–", "/"),
	newRule("year", anchorYear, `\b(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|end\s+of|start\s+of))(?:\s+|-))?(?P<y1>`+reYear+`)\b`, buildYear),
	newRule("deictic", anchorDeictic, `\b(?P<w>(?i:today|yesterday|tomorrow))`+rePoss+`\b`, buildDeictic),
	withNeeds(newRule("deictic2", anchorDeictic, `\b(?i:the\s+day\s+(?P<ba>before|after)\s+(?P<w>yesterday|tomorrow))\b`, buildDeictic), "day"),
	newRule("period", anchorPeriod, `\b(?:(?P<mod>(?i:earlier|later|early|late|the\s+(?:end|start|beginning|middle|turn)\s+of|end\s+of|start\s+of|mid))(?:\s+|-))?(?P<rel>(?i:this|last|next|previous|coming|the\s+previous|the\s+last|the\s+past|the\s+next|the\s+coming|the\s+following|the\s+current|the\s+same))\s+(?P<fin>(?i:financial|fiscal|tax|calendar)\s+)?(?P<unit>(?i:week|weekend|month|year))\b`+rePoss, buildPeriod),
	newRule("ago", anchorAgo, `\b(?P<n>`+reNumWord+`)\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b`, buildAgo),
	newRule("weekday", anchorWeekday, `\b(?:(?P<rel>(?i:last|next|this|coming|previous|on))\s+)?(?P<wd>`+reWeekday+`)\b`+rePoss+`(?:\s+(?P<part>morning|afternoon|evening|night|lunchtime))?\b`, buildWeekday),
	withNeeds(newRule("weekday-week", anchorWeekday, `\b(?:(?:[Oo]n\s+)?(?P<wd>`+reWeekday+`)\s+(?:of\s+)?(?P<wk>(?i:this|next|last|previous))\s+week|(?P<wk>(?i:this|next|last|previous))\s+week\s*[-–,]?\s*(?:on\s+)?(?P<wd>`+reWeekday+`))\b`, buildWeekday), "week"),
	newRule("holiday", anchorHoliday, `\b(?P<h>Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year['’]?s\s+(?:Day|Eve)|Easter\s+(?:Sunday|Monday|Day)|Good\s+Friday|Valentine['’]?s\s+Day|St\.?\s+Patrick['’]?s\s+Day|Bonfire\s+Night|Guy\s+Fawkes\s+Night|Halloween|Christmas|Easter)\b(?:\s+(?P<y1>`+reYear+`)\b)?`, buildHoliday),
}

type candidate struct {
	e    Expr
	rule int
}

// Parse finds the calendar expressions in text, unresolved, in text order
// and without overlaps (the longest match wins).
func Parse(text string) []Expr {
	var cands []candidate
	segs := segments(text)
	for ri, r := range rules {
		for _, loc := range findAll(r, text, segs[bitIndex(r.anchor)]) {
			if !numberGuard(text, loc[0], loc[1]) {
				continue
			}
			e := Expr{Start: loc[0], End: loc[1]}
			if !r.build(groups{text: text, loc: loc, idx: r.idx}, &e) {
				continue
			}
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				continue
			}
			e.Text = text[e.Start:e.End]
			cands = append(cands, candidate{e, ri})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].e.End-cands[i].e.Start, cands[j].e.End-cands[j].e.Start
		if li != lj {
			return li > lj
		}
		if cands[i].rule != cands[j].rule {
			return cands[i].rule < cands[j].rule
		}
		return cands[i].e.Start < cands[j].e.Start
	})
	var out []Expr
	for _, c := range cands {
		clash := false
		for _, o := range out {
			if c.e.Start < o.End && o.Start < c.e.End {
				clash = true
				break
			}
		}
		if !clash {
			out = append(out, c.e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	for i := range out {
		if out[i].Shape == ShapeDay && !out[i].YearFromRef {
			if loc := reWeekOfBefore.FindStringIndex(lastN(text[:out[i].Start], 48)); loc != nil {
				// "the week commencing 4 February" is that week.
				out[i].Start -= len(lastN(text[:out[i].Start], 48)) - loc[0]
				out[i].Text = text[out[i].Start:out[i].End]
				out[i].Shape = ShapeWeekOf
			}
		}
	}
	for i := range out {
		if needsLean(out[i]) {
			out[i].Lean = leanAt(text, out[i].Start, out[i].End)
		}
	}
	return out
}

func bitIndex(a anchor) int {
	for i := 0; i < anchorClasses; i++ {
		if a == 1<<i {
			return i
		}
	}
	return 0
}

// findAll matches re on each segment and returns the match locations as
// offsets into the whole text.
func findAll(r rule, text string, segs []segment) [][]int {
	var out [][]int
	for _, sg := range segs {
		if len(r.needs) > 0 && !containsAny(text[sg.from:sg.to], r.needs) {
			continue
		}
		for _, loc := range r.re.FindAllStringSubmatchIndex(text[sg.from:sg.to], -1) {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += sg.from
				}
			}
			out = append(out, loc)
		}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// withNeeds sets the strings a rule needs (see rule.needs).
func withNeeds(r rule, needs ...string) rule {
	r.needs = needs
	return r
}

func needsLean(e Expr) bool {
	switch e.Shape {
	case ShapeDay, ShapeWeekOf, ShapeDayList, ShapeDayRange, ShapeMonth, ShapeMonthRange, ShapeHoliday:
		return e.Year == 0 && e.EndYear == 0 && !e.YearFromRef && e.Lean == LeanNearest
	case ShapeWeekday:
		return e.Rel == "" && e.Lean == LeanNearest
	case ShapeRelWeekend:
		return e.Offset == 0
	}
	return false
}

// numberGuard drops matches that sit inside a bigger number, an amount or
// a percentage ("2,009", "£2012", "30,000", "2013%").
func numberGuard(text string, start, end int) bool {
	if start > 0 {
		c := text[start-1]
		if isDigit(c) || c == '£' || c == '$' || c == '#' || c == '+' {
			return false
		}
		if (c == ',' || c == '.' || c == '/' || c == ':') && start > 1 && isDigit(text[start-2]) {
			return false
		}
		if strings.HasSuffix(text[:start], "€") || strings.HasSuffix(text[:start], "£") {
			return false
		}
	}
	if end < len(text) {
		c := text[end]
		if isDigit(c) || c == '%' {
			return false
		}
		if (c == ',' || c == '.' || c == '/' || c == ':') && end+1 < len(text) && isDigit(text[end+1]) && isDigit(text[end-1]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// prevWord is the lower-case word before offset i (apostrophes kept).
func prevWord(text string, i int) string {
	w := words(lastN(text[:i], 40))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// prevWordRaw is the word before offset i as written.
func prevWordRaw(text string, i int) string {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && (isWordByte(text[k-1])) {
		k--
	}
	return text[k:j]
}

// nextWordRaw is the word after offset i as written.
func nextWordRaw(text string, i int) string {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) && (isWordByte(text[k]) || text[k] == '-') {
		k++
	}
	return text[j:k]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '.' && false
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sentenceInitial reports whether offset i starts a sentence or paragraph.
func sentenceInitial(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '"' || text[j-1] == '(') {
		j--
	}
	if j == 0 || text[j-1] == '\n' {
		return true
	}
	if strings.HasSuffix(text[:j], "“") || strings.HasSuffix(text[:j], "‘") {
		return true
	}
	return isStop(text[j-1]) || text[j-1] == ':'
}

func yearOf(s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

func buildISO(g groups, e *Expr) bool {
	y, m, d := g.num("y1"), g.num("m1"), g.num("d1")
	if y < 1000 || !validDay(y, m, d) {
		return false
	}
	e.Shape, e.Year, e.Month, e.Day = ShapeDay, y, m, d
	return true
}

func buildNumeric(g groups, e *Expr) bool {
	a, b := g.num("a"), g.num("b")
	ys := g.get("y1")
	if g.get("sep") == "." && len(ys) != 4 {
		return false
	}
	if sep2 := g.text[g.pos("y1")-1]; sep2 != g.get("sep")[0] {
		return false // "30/4.85" is a ratio, not a date
	}
	y := yearOf(ys)
	if len(ys) == 2 {
		if y < 50 {
			y += 2000
		} else {
			y += 1900
		}
	}
	d, m := a, b // day first, the UK order
	if m > 12 && a <= 12 {
		d, m = b, a // only month-first is valid
	}
	if !validDay(y, m, d) {
		return false
	}
	e.Shape, e.Year, e.Month, e.Day = ShapeDay, y, m, d
	return true
}

var reDigits = regexp.MustCompile(`\d+`)

func buildList(g groups, e *Expr) bool {
	e.Shape = ShapeDayList
	e.Month = monthNumber(g.get("m1"))
	e.Year = yearOf(g.get("y1"))
	for _, s := range reDigits.FindAllString(g.get("dl"), -1) {
		n, _ := strconv.Atoi(s)
		if n < 1 || n > 31 {
			return false
		}
		if len(e.Days) > 0 && n <= e.Days[len(e.Days)-1] {
			return false
		}
		e.Days = append(e.Days, n)
	}
	return e.Month != 0 && len(e.Days) >= 2
}

func buildRange(g groups, e *Expr) bool {
	e.Shape = ShapeDayRange
	e.Day, e.EndDay = g.num("d1"), g.num("d2")
	e.Month, e.EndMonth = monthNumber(g.get("m1")), monthNumber(g.get("m2"))
	e.Year, e.EndYear = yearOf(g.get("y1")), yearOf(g.get("y2"))
	if e.Month == 0 {
		e.Month = e.EndMonth
	}
	if e.EndMonth == 0 {
		e.EndMonth = e.Month
	}
	sep := g.get("sep")
	pre := strings.ToLower(g.get("pre"))
	if pre == "between" && sep != "and" || pre == "from" && sep == "and" {
		return false
	}
	if e.Month == e.EndMonth && e.Day >= e.EndDay && (e.EndYear == 0 || e.EndYear == e.Year) {
		return false
	}
	if e.Year != 0 && e.EndYear == 0 {
		e.EndYear = e.Year
		if e.EndMonth < e.Month {
			e.EndYear++
		}
	}
	if e.EndYear != 0 && e.Year == 0 {
		e.Year = e.EndYear
		if e.EndMonth < e.Month {
			e.Year--
		}
	}
	return e.Month != 0
}

func buildDate(g groups, e *Expr) bool {
	e.Shape = ShapeDay
	e.Month, e.Day, e.Year = monthNumber(g.get("m1")), g.num("d1"), yearOf(g.get("y1"))
	if ry := g.get("ry"); ry != "" {
		// "June 16th of last year".
		e.YearFromRef, e.Offset = true, map[string]int{"last": -1, "this": 0, "next": 1}[ry]
	}
	m := g.get("m1")
	if m == "May" || m == "June" || m == "April" || m == "August" {
		// "Theresa May 10 times": a day after a name-like month needs
		// a year, a weekday or a day-first order to count.
		if g.pos("m1") == g.loc[0] && !g.has("y1") && isCapitalised(prevWordRaw(g.text, g.loc[0])) && !sentenceInitial(g.text, g.loc[0]) {
			return false
		}
	}
	return e.Month != 0 && validDay(2000, e.Month, e.Day)
}

func buildMonthRange(g groups, e *Expr) bool {
	pre, sep := strings.ToLower(g.get("pre")), g.get("sep")
	if pre == "between" && sep != "and" || pre == "from" && sep == "and" {
		return false
	}
	e.Shape = ShapeMonthRange
	e.Month, e.EndMonth = monthNumber(g.get("m1")), monthNumber(g.get("m2"))
	e.Year, e.EndYear = yearOf(g.get("y1")), yearOf(g.get("y2"))
	switch {
	case e.Year != 0 && e.EndYear == 0:
		e.EndYear = e.Year
		if e.EndMonth < e.Month {
			e.EndYear++
		}
	case e.EndYear != 0 && e.Year == 0:
		e.Year = e.EndYear
		if e.EndMonth < e.Month {
			e.Year--
		}
	}
	if e.Year != 0 && (e.EndYear < e.Year || e.EndYear == e.Year && e.EndMonth < e.Month) {
		return false
	}
	return e.Month != 0 && e.EndMonth != 0 && !(e.Year == 0 && e.Month == e.EndMonth)
}

func buildMonth(g groups, e *Expr) bool {
	e.Month = monthNumber(g.get("m1"))
	if e.Month == 0 {
		return false
	}
	e.Year = yearOf(g.get("y1"))
	rel := strings.ToLower(g.get("rel"))
	if e.Year != 0 {
		e.Shape = ShapeMonth
		return true
	}
	if ry := g.get("ry"); ry != "" {
		// "May this year", "October last year".
		e.Shape = ShapeMonthOfRelYear
		e.Offset = map[string]int{"last": -1, "this": 0, "next": 1}[ry]
		return true
	}
	switch rel {
	case "last", "next", "this":
		e.Shape, e.Rel = ShapeRelMonthName, rel
		return true
	case "coming":
		e.Shape, e.Rel = ShapeRelMonthName, "next"
		return true
	}
	e.Shape = ShapeMonth
	start := g.pos("m1")
	next := nextWordRaw(g.text, g.loc[1])
	m := g.get("m1")
	if (m == "May" || m == "April" || m == "June" || m == "August") && isCapitalised(next) && monthNumber(next) == 0 {
		return false // a name: "April Jones", "May Day"
	}
	if g.has("mod") {
		return true
	}
	return timePreps[prevWord(g.text, start)]
}

func buildISOMonth(g groups, e *Expr) bool {
	y, m := yearOf(g.get("y1")), g.num("mo")
	if (y+1)%100 == m || len(g.get("mo")) == 1 && strings.HasPrefix(g.text[g.loc[1]:], "-") {
		return false // a financial year ("2011-12") or part of a longer date
	}
	if g.loc[1] < len(g.text) && (g.text[g.loc[1]] == '-' || g.text[g.loc[1]] == '/') {
		return false
	}
	e.Shape, e.Year, e.Month = ShapeMonth, y, m
	return true
}

func buildFY(g groups, e *Expr) bool {
	y1, y2 := yearOf(g.get("y1")), yearOf(g.get("y2"))
	if (y1+1)%100 != y2 {
		return false
	}
	e.Shape, e.Year = ShapeFinancialYear, y1
	return true
}

func buildYear(g groups, e *Expr) bool {
	y := yearOf(g.get("y1"))
	if y < 1800 || y > 2099 {
		return false
	}
	e.Shape, e.Year = ShapeYear, y
	if g.has("mod") {
		return true
	}
	start := g.pos("y1")
	text := g.text
	prev := prevWord(text, start)
	prevRaw := prevWordRaw(text, start)
	next := nextWordRaw(text, g.loc[1])
	nextLower := strings.ToLower(next)
	if notYearAfter[nextLower] || notYearBefore[prev] {
		return false
	}
	// "between 2.30pm and 2015"? times and scores are not years.
	if strings.HasPrefix(text[g.loc[1]:], ":") || strings.HasPrefix(text[g.loc[1]:], "-") && !strings.HasPrefix(text[g.loc[1]:], "-year") {
		if len(text) > g.loc[1]+1 && isDigit(text[g.loc[1]+1]) && !fourDigitsAt(text, g.loc[1]+1) {
			return false
		}
	}
	if !yearAlone(text, start, g.loc[1]) {
		return false // "+86 138-2010-2015", "32-2015"
	}
	if timePreps[prev] {
		return true
	}
	if determiners[prev] {
		// "the 2009 contract" is a date; "the 2003 Extradition Act" a name.
		return !isCapitalised(next) || monthNumber(next) != 0
	}
	if prevRaw != "" && isCapitalised(prevRaw) && !sentenceInitial(text, start-len(prevRaw)-1) && !timePreps[prev] && monthNumber(prevRaw) == 0 {
		return false // "Euro 2016", "Windows 2000"
	}
	if next != "" && !isCapitalised(next) && strings.HasSuffix(nextLower, "s") && !verbLike[nextLower] {
		return false // "2000 patients"
	}
	return true
}

// yearAlone reports whether the number at text[start:end] stands alone or
// pairs with another year ("2009-2010"); numbers chained with hyphens to
// other numbers are codes or phone numbers.
func yearAlone(text string, start, end int) bool {
	from, to := start, end
	for from > 0 && (isDigit(text[from-1]) || text[from-1] == '-') {
		from--
	}
	for to < len(text) && (isDigit(text[to]) || text[to] == '-') {
		to++
	}
	parts := strings.FieldsFunc(text[from:to], func(r rune) bool { return r == '-' })
	switch {
	case len(parts) <= 1:
		return true
	case len(parts) > 2:
		return false
	}
	for _, p := range parts {
		if y := yearOf(p); len(p) != 4 || y < 1800 || y > 2099 {
			return false
		}
	}
	return true
}

func fourDigitsAt(text string, i int) bool {
	if i+4 > len(text) {
		return false
	}
	for k := i; k < i+4; k++ {
		if !isDigit(text[k]) {
			return false
		}
	}
	return i+4 == len(text) || !isDigit(text[i+4])
}

// figurativeBefore are words that make "today" or "tomorrow" a noun of
// speech ("a brighter tomorrow", "our today").
var figurativeBefore = map[string]bool{
	"a": true, "an": true, "our": true, "their": true, "my": true, "your": true,
	"brighter": true, "better": true,
}

// functionWords may follow a bare holiday name without making it an
// attribute ("until Christmas and New Year", "over Christmas when").
var functionWords = map[string]bool{
	"and": true, "or": true, "but": true, "when": true, "as": true, "so": true, "to": true,
	"with": true, "this": true, "last": true, "next": true, "in": true, "at": true, "for": true,
	"is": true, "was": true, "will": true, "if": true, "because": true, "while": true, "before": true,
	"after": true, "the": true, "a": true, "day": true, "eve": true, "time": false,
}

var verbLike = map[string]bool{"was": true, "is": true, "has": true, "as": true, "its": true, "this": true, "his": true, "does": true, "saw": true}

func buildDeictic(g groups, e *Expr) bool {
	w := strings.ToLower(g.get("w"))
	switch w {
	case "today":
		e.Offset = 0
	case "yesterday":
		e.Offset = -1
	case "tomorrow":
		e.Offset = 1
	default:
		return false
	}
	switch strings.ToLower(g.get("ba")) {
	case "before":
		e.Offset--
	case "after":
		e.Offset++
	}
	if !g.has("ba") {
		// "a brighter tomorrow" is a figure of speech.
		if p := prevWord(g.text, g.loc[0]); figurativeBefore[p] {
			return false
		}
		// "the Today programme", "USA Today" are names.
		next := strings.ToLower(nextWordRaw(g.text, g.loc[1]))
		if next == "programme" || next == "program" || next == "show" || next == "newspaper" {
			return false
		}
		if p := prevWordRaw(g.text, g.loc[0]); p == "USA" || p == "Today" {
			return false
		}
		// A capitalised "Today" inside a sentence is a name ("Russia
		// Today", "Trending Today USA").
		if w := g.get("w"); w == "Today" && !sentenceInitial(g.text, g.loc[0]) && isCapitalised(prevWordRaw(g.text, g.loc[0])) {
			return false
		}
	}
	e.Shape = ShapeRelDay
	return true
}

func buildPeriod(g groups, e *Expr) bool {
	rel := strings.ToLower(strings.Join(strings.Fields(g.get("rel")), " "))
	unit := strings.ToLower(g.get("unit"))
	fin := strings.ToLower(strings.TrimSpace(g.get("fin")))
	if fin != "" && unit != "year" {
		return false
	}
	switch rel {
	case "this", "the current":
		e.Offset = 0
	case "last", "previous", "the previous":
		e.Offset = -1
	case "next", "coming":
		e.Offset = 1
	default:
		return false
	}
	if strings.HasPrefix(rel, "the ") && fin == "" {
		return false // "in the previous week" is a rolling window
	}
	if rel == "the previous" && fin == "" {
		return false
	}
	if e.Offset == 0 && rel == "this" && unit == "year" && fin == "" {
		// "This year's vaccine" is fine, but "this year alone" too; keep.
	}
	switch unit {
	case "week":
		e.Shape = ShapeRelWeek
	case "weekend":
		e.Shape = ShapeRelWeekend
	case "month":
		e.Shape = ShapeRelMonth
	case "year":
		e.Shape = ShapeRelYear
		if fin == "financial" || fin == "tax" {
			e.Shape = ShapeRelFinancialYear
		}
	}
	// "over last year" is still a calendar year; but "for the last year"
	// was dropped above.
	return true
}

func buildAgo(g groups, e *Expr) bool {
	if st := g.loc[0]; st > 0 && (g.text[st-1] == '-' || isAlnum(g.text[st-1])) {
		return false // "Seventy-four years ago" is not "four years ago"
	}
	ns := strings.ToLower(strings.Join(strings.Fields(g.get("n")), " "))
	n, ok := numberWords[ns]
	if !ok {
		v, err := strconv.Atoi(ns)
		if err != nil || v > 200 {
			return false
		}
		n = v
	}
	unit := strings.TrimSuffix(strings.ToLower(g.get("unit")), "s")
	e.Offset = -n
	switch unit {
	case "day":
		e.Shape = ShapeRelDay
	case "week":
		e.Shape = ShapeRelWeek
	case "month":
		e.Shape = ShapeRelMonth
	case "year":
		e.Shape = ShapeRelYear
	default:
		return false
	}
	return true
}

var reWeekdayRangeAfter = regexp.MustCompile(`^\s*(?:to|through|until|till|-|–|and|or|&)\s*` + reWeekday + `s?\b`)
var reWeekdayRangeBefore = regexp.MustCompile(reWeekday + `\s*(?:to|through|until|till|-|–)\s*$`)
var reWeekOfBefore = regexp.MustCompile(`(?i:(?:the\s+)?week\s+(?:beginning|commencing|starting)(?:\s+on)?|w/c)\s+$`)

var reWeekdayFromBefore = regexp.MustCompile(`(?i:from)\s+` + reWeekday + `\s*(?:to|through|until|till|-|–)\s*$`)
var rePluralWeekdayAfter = regexp.MustCompile(`^\s*(?:and|or|&)\s*` + reWeekday + `s\b`)

func buildWeekday(g groups, e *Expr) bool {
	text := g.text
	wdStart := g.pos("wd")
	wdEnd := wdStart + len(g.get("wd"))
	rel := strings.ToLower(g.get("rel"))
	e.Shape = ShapeWeekday
	e.Weekday = weekdayNumbers[strings.ToLower(g.get("wd"))]
	if g.has("wk") {
		// "Tuesday of next week", "next week Wednesday".
		e.Rel = strings.ToLower(g.get("wk"))
		if e.Rel == "previous" {
			e.Rel = "last"
		}
		return true
	}
	switch rel {
	case "last", "next", "this", "coming":
		e.Rel = rel
	case "previous":
		e.Rel = "last"
	}
	prev := prevWord(text, wdStart)
	if rel == "" || rel == "on" {
		if weekdayNameBefore[prev] && !(prev == "the" && rel == "on") {
			return false // "Good Friday", "every Monday", "the Monday after"
		}
		if p := prevWord(text, g.loc[0]); p == "every" || p == "most" || p == "each" {
			return false
		}
		if p := prevWordRaw(text, g.loc[0]); rel == "on" && (p == "Mail" || p == "Independent" || p == "Express") {
			return false // "the Mail on Sunday"
		}
	}
	nextRaw := nextWordRaw(text, wdEnd)
	if isCapitalised(nextRaw) && weekdayNameAfter[strings.ToLower(nextRaw)] {
		return false // "the Sunday Times"
	}
	after := text[wdEnd:]
	if rePluralWeekdayAfter.MatchString(after) {
		return false // "Saturdays and Sundays"
	}
	from := prevWord(text, g.loc[0]) == "from" || rel == "from"
	if reWeekdayRangeAfter.MatchString(after) && !from && !strings.HasPrefix(strings.TrimSpace(after), "and") && !strings.HasPrefix(strings.TrimSpace(after), "or") {
		return false // "We run clinics Monday to Friday"
	}
	before := lastN(text[:g.loc[0]], 30)
	if reWeekdayRangeBefore.MatchString(before) {
		if !reWeekdayFromBefore.MatchString(lastN(text[:g.loc[0]], 40)) {
			return false
		}
	}
	if rel == "" && prev == "to" {
		return false // "extending hours to Saturday"
	}
	return true
}

func buildHoliday(g groups, e *Expr) bool {
	h := g.get("h")
	e.Shape = ShapeHoliday
	e.Holiday = holidayKey(h)
	e.Year = yearOf(g.get("y1"))
	if _, ok := holidayDate(e.Holiday, 2000); !ok {
		return false
	}
	if h == "Christmas" || h == "Easter" || h == "Halloween" {
		next := nextWordRaw(g.text, g.loc[1])
		if e.Year == 0 && next != "" && !isCapitalised(next) && !functionWords[next] {
			return false // "Christmas trees", "the Christmas period"
		}
		if e.Year == 0 && !timePreps[prevWord(g.text, g.loc[0])] {
			return false
		}
	}
	return true
}
