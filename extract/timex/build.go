package timex

import (
	"regexp"
	"strconv"
	"strings"
)

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
	fillYears(e)
	return e.Month != 0
}

// fillYears gives a range written with one year the other end's: the
// same year, or the one after (before) when the range crosses New Year
// ("December 28 to January 3, 2024").
func fillYears(e *Expr) {
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
}

// relYearOffset gives the year offset of "of last/this/next year" (the
// "ry" group of the date and month rules).
var relYearOffset = map[string]int{"last": -1, "this": 0, "next": 1}

func buildDate(g groups, e *Expr) bool {
	e.Shape = ShapeDay
	e.Month, e.Day, e.Year = monthNumber(g.get("m1")), g.num("d1"), yearOf(g.get("y1"))
	if ry := g.get("ry"); ry != "" {
		// "June 16th of last year".
		e.YearFromRef, e.Offset = true, relYearOffset[ry]
	}
	if wd := g.get("wd"); wd != "" && e.Year == 0 && !e.YearFromRef {
		// "Tuesday 12 January": the weekday picks the year.
		if d, ok := weekdayNumber(wd); ok {
			e.Weekday, e.Rel = d, "weekday"
		}
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

// buildDayOfMonth reads a day number without a month: "on the 18th",
// "Friday 14th". The number must be an ordinal or end the phrase, so that
// "on Monday 20 people were arrested" is not a date.
func buildDayOfMonth(g groups, e *Expr) bool {
	e.Shape = ShapeDayOfMonth
	e.Day = g.num("d1")
	d := g.get("d1")
	ordinal := len(d) > 2 && !isDigit(d[len(d)-1])
	if !ordinal {
		rest := strings.TrimLeft(g.text[g.loc[1]:], " ")
		if rest != "" && !strings.ContainsRune(".,;:!?)", rune(rest[0])) {
			return false
		}
	}
	if next := nextWordRaw(g.text, g.loc[1]); next != "" && !functionWords[next] {
		return false // "the 18th hole", "the 25th Amendment"
	}
	if strings.HasPrefix(strings.TrimLeft(g.text[g.loc[1]:], " "), "of ") {
		return false // "the 18th of the month", months are read elsewhere
	}
	if wd := g.get("wd"); wd != "" {
		var ok bool
		if e.Weekday, ok = weekdayNumber(wd); !ok {
			return false
		}
		e.Rel = "weekday"
	}
	return e.Day >= 1 && e.Day <= 31
}

func buildMonthRange(g groups, e *Expr) bool {
	pre, sep := strings.ToLower(g.get("pre")), g.get("sep")
	if pre == "between" && sep != "and" || pre == "from" && sep == "and" {
		return false
	}
	e.Shape = ShapeMonthRange
	e.Month, e.EndMonth = monthNumber(g.get("m1")), monthNumber(g.get("m2"))
	e.Year, e.EndYear = yearOf(g.get("y1")), yearOf(g.get("y2"))
	fillYears(e)
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
		e.Offset = relYearOffset[ry]
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
	if allDigits(prevRaw) || allDigits(next) {
		return false // "0161 2010 2015", "room 2012 4"
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

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// yearAlone reports whether the number at text[start:end] stands alone or
// pairs with another year ("2009-2010"); numbers chained with hyphens to
// other numbers are codes or phone numbers.
func yearAlone(text string, start, end int) bool {
	from, to := start, end
	for from > 0 && start-from < 16 && (isDigit(text[from-1]) || text[from-1] == '-') {
		from--
	}
	for to < len(text) && to-end < 16 && (isDigit(text[to]) || text[to] == '-') {
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
	if r := g.get("rel"); (r == "This" || r == "Next" || r == "Last") && !g.has("mod") && !sentenceInitial(g.text, g.loc[0]) {
		return false // "ABC's This Week programme" is a name
	}
	if strings.HasPrefix(rel, "the ") && fin == "" {
		return false // "in the previous week" is a rolling window
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

// buildPeriodOfThe reads "the end of the year", "the rest of the month"
// as the current year or month.
func buildPeriodOfThe(g groups, e *Expr) bool {
	switch g.get("unit") {
	case "year":
		e.Shape = ShapeRelYear
	case "month":
		e.Shape = ShapeRelMonth
	case "week":
		e.Shape = ShapeRelWeek
	default:
		return false
	}
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
	if unit == "fortnight" {
		unit, n = "week", 2*n
	}
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
var reWeekOfBefore = regexp.MustCompile(`(?i:(?:the\s+)?week\s+(?:beginning|commencing|starting|(?P<ending>ending|to)|(?P<of>of))(?:\s+on)?|w/c|(?P<ending>w/e))\s+$`)

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
	e.Rel = strings.ToLower(g.get("rel")) // "last Christmas", "this Easter"
	if h == "Christmas" || h == "Easter" || h == "Halloween" {
		next := nextWordRaw(g.text, g.loc[1])
		if e.Year == 0 && next != "" && !isCapitalised(next) && !functionWords[next] {
			return false // "Christmas trees", "the Christmas period"
		}
		if e.Year == 0 && !g.has("rel") && !timePreps[prevWord(g.text, g.loc[0])] {
			return false
		}
	}
	return true
}
