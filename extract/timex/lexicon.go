package timex

import (
	"strings"
	"time"
)

// Regular-expression pieces shared by the rules.
const (
	// Month names and abbreviations, written factored to keep the
	// compiled patterns small (Go's regexp only backtracks, its fast
	// path, on programs of up to 500 instructions). Lower-case forms are
	// taken too, except those that are ordinary words ("may", "march",
	// "august", "mar", "aug"). Monthly spellings the factoring lets
	// through ("Sepember") find no month number and are dropped.
	reMonAny = `(?:[Jj]an(?:uary|\.)?|[Ff]eb(?:ruary|\.)?|Mar(?:ch|\.)?|[Aa]pr(?:il|\.)?|May|[Jj]un(?:e|\.)?|[Jj]ul(?:y|\.)?|Aug(?:ust|\.)?|[Ss]ept?(?:ember|\.)?|[Oo]ct(?:ober|\.)?|[Nn]ov(?:ember|\.)?|[Dd]ec(?:ember|\.)?)`
	// Before a day number the same forms count ("Mar 10", "jan 5").
	reMonFirst = reMonAny
	reMonAbbr  = reMonAny
	// On its own a month must be written in full or with a dot ("in
	// Feb." but not "Jan" the name).
	reMonWord = `(?:[Jj]an(?:uary|\.)|[Ff]eb(?:ruary|\.)|Mar(?:ch|\.)|[Aa]pr(?:il|\.)|May|[Jj]un(?:e|\.)|[Jj]ul(?:y|\.)|Aug(?:ust|\.)|[Ss]ept?(?:ember|\.)|[Oo]ct(?:ober|\.)|[Nn]ov(?:ember|\.)|[Dd]ec(?:ember|\.))`
	reDay     = `(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`
	reYear    = `(?:1[89]\d\d|20\d\d)`
	reWeekday = `(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)`
	// Weekday abbreviations, only taken before a day number ("Tue May 9",
	// "Fri 14th").
	reWeekdayAny = `(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|Mon\.?|Tue(?:s)?\.?|Wed\.?|Thu(?:rs?)?\.?|Fri\.?|Sat\.?|Sun\.?)`
	reNumWord    = `(?i:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a\s+couple\s+of)`
	rePoss       = `(?:['’]s)?`
)

var monthNumbers = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// monthNumber gives 1..12 for a month name or abbreviation, 0 otherwise.
func monthNumber(s string) int {
	return monthNumbers[strings.TrimSuffix(strings.ToLower(s), ".")]
}

var weekdayNumbers = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// weekdayAbbreviations are the short forms taken before a day number.
var weekdayAbbreviations = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday,
	"sat": time.Saturday, "sun": time.Sunday,
}

// weekdayNumber gives the weekday for a name or abbreviation, and false
// for anything else.
func weekdayNumber(s string) (time.Weekday, bool) {
	s = strings.TrimSuffix(strings.ToLower(s), ".")
	if d, ok := weekdayNumbers[s]; ok {
		return d, true
	}
	d, ok := weekdayAbbreviations[s]
	return d, ok
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"a couple of": 2,
}

// prepositions that introduce a time expression ("in May", "since 2012").
var timePreps = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "til": true, "by": true,
	"before": true, "after": true, "during": true, "from": true, "through": true,
	"throughout": true, "to": true, "of": true, "between": true, "and": true, "or": true,
	"on": true, "for": true, "around": true, "circa": true, "c.": true, "over": true,
	"at": true, "into": true, "across": true, "within": true, "as": true, "than": true,
	"last": true, "next": true, "this": true, "early": true, "late": true, "mid": true,
	"back": true, "dated": true, "spring": true, "summer": true, "autumn": true, "winter": true,
}

// determiners before a year that may be an attribute ("the 2009 contract")
// or part of a name ("the 2003 Extradition Act").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "my": true, "your": true, "this": true, "that": true, "these": true, "those": true,
}

// words after a number that make it a quantity or a code, not a year.
var notYearAfter = map[string]bool{
	"gmt": true, "bst": true, "utc": true, "hours": true, "hrs": true, "hr": true,
	"m": true, "bn": true, "km": true, "kg": true, "mph": true, "per": true, "percent": true,
	"miles": true, "metres": true, "meters": true, "feet": true, "ft": true, "people": true,
	"cases": true, "patients": true, "staff": true, "times": true, "pounds": true, "dollars": true,
}

// words before a number that make it a code or an amount, not a year.
var notYearBefore = map[string]bool{
	"no": true, "no.": true, "number": true, "route": true, "flight": true, "room": true,
	"bus": true, "page": true, "tel": true, "phone": true, "code": true, "windows": true,
	"version": true, "model": true, "agenda": true, "vision": true, "ward": true,
}

// Names of newspapers, programmes and events that contain a weekday.
var weekdayNameAfter = map[string]bool{
	"times": true, "telegraph": true, "mirror": true, "express": true, "people": true,
	"post": true, "herald": true, "mail": true, "sport": true, "politics": true, "school": true,
	"service": true, "league": true, "supplement": true, "magazine": true, "review": true,
	"show": true, "brunch": true, "club": true, "live": true, "night football": true, "roast": true,
}

var weekdayNameBefore = map[string]bool{
	"good": true, "black": true, "cyber": true, "super": true, "easter": true, "holy": true,
	"ash": true, "shrove": true, "palm": true, "maundy": true, "bloody": true, "blue": true,
	"remembrance": true, "every": true, "each": true, "most": true, "some": true, "any": true,
	"the": true, "a": true, "one": true, "that": true, "same": true, "manic": true,
}
