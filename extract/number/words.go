package number

import (
	"sort"
	"strings"
)

// Read-only tables of English number words, qualifiers and the words that
// mark a number as something other than a count.

// smallWords are the cardinals below a hundred that combine with scales.
var smallWords = map[string]float64{
	"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19,
}

// tensWords are twenty to ninety.
var tensWords = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// scaleWords multiply what comes before them.
var scaleWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// suffixScales are the magnitudes written after digits ("22bn", "1.2m",
// "80k", "2 mln").
var suffixScales = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
	"tn": 1e12, "tln": 1e12, "trn": 1e12,
}

// fractionWords are the fractions read as percentages ("three-quarters of").
var fractionWords = map[string]float64{
	"half": 0.5, "halves": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 0.25, "quarters": 0.25,
	"fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}

// timeUnits follow a number that measures a duration ("96-hour", "18 months").
var timeUnits = map[string]bool{
	"second": true, "seconds": true, "sec": true, "secs": true, "minute": true, "minutes": true,
	"min": true, "mins": true, "hour": true, "hours": true, "hr": true, "hrs": true, "day": true,
	"days": true, "week": true, "weeks": true, "fortnight": true, "fortnights": true, "month": true,
	"months": true, "year": true, "years": true, "yr": true, "yrs": true, "decade": true,
	"decades": true, "century": true, "centuries": true, "night": true, "nights": true,
	"weekend": true, "weekends": true, "term": true, "terms": true, "semester": true, "semesters": true,
}

// indexWords precede a number that names a position, not a quantity
// ("level 4", "year 1 or 2", "Radio 4", "No 10").
var indexWords = map[string]bool{
	"level": true, "levels": true, "grade": true, "grades": true, "band": true, "bands": true,
	"tier": true, "tiers": true, "stage": true, "stages": true, "phase": true, "year": true,
	"radio": true, "channel": true, "page": true, "pages": true, "section": true, "article": true,
	"clause": true, "chapter": true, "part": true, "room": true, "ward": true, "platform": true,
	"gate": true, "route": true, "bus": true, "flight": true, "junction": true, "version": true,
	"series": true, "season": true, "episode": true, "round": true, "act": true, "schedule": true,
	"paragraph": true, "rule": true, "category": true, "class": true, "figure": true, "fig": true,
	"table": true, "appendix": true, "volume": true, "vol": true, "covid": true, "bbc": true,
	"formula": true, "apollo": true, "windows": true, "iphone": true, "number": true, "week": true,
	"day": true, "box": true, "unit": true, "floor": true, "block": true, "type": true, "step": true,
	"item": true, "line": true, "question": true,
}

// months name the months; a number next to one is a date. "May" and the
// short forms count only when capitalised.
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// currencySymbols map a symbol before a number to its ISO code.
var currencySymbols = map[string]string{"£": "GBP", "$": "USD", "€": "EUR"}

// currencyWords map a word after a number to its ISO code.
var currencyWords = map[string]string{
	"pounds": "GBP", "pound": "GBP", "sterling": "GBP", "dollars": "USD", "dollar": "USD",
	"euros": "EUR", "euro": "EUR", "gbp": "GBP", "usd": "USD", "eur": "EUR",
}

// Approx values, as in the record contract.
const (
	Exact   = "exact"
	About   = "about"
	Over    = "over"
	Under   = "under"
	AtLeast = "at_least"
	UpTo    = "up_to"
)

// Kinds of count, as in the record contract.
const (
	KindCount   = "count"
	KindPercent = "percent"
	KindMoney   = "money"
)

// qualifier is a hedge written before a number.
type qualifier struct {
	words  []string
	approx string
}

// prefixQualifiers are tried longest first.
var prefixQualifiers = func() []qualifier {
	raw := []struct {
		s, a string
	}{
		{"just over", Over}, {"well over", Over}, {"slightly over", Over}, {"just more than", Over},
		{"well more than", Over}, {"slightly more than", Over}, {"more than", Over}, {"over", Over},
		{"in excess of", Over}, {"upwards of", Over}, {"above", Over}, {"exceeding", Over},
		{"exceeded", Over}, {"exceeds", Over}, {"exceed", Over}, {"surpass", Over}, {"surpassed", Over}, {"surpassing", Over}, {"surpasses", Over},
		{"topped", Over}, {"tops", Over}, {"greater than", Over}, {"higher than", Over}, {"passed", Over},
		{"nearly", Under}, {"almost", Under}, {"just under", Under}, {"slightly under", Under},
		{"under", Under}, {"fewer than", Under}, {"less than", Under}, {"just below", Under},
		{"below", Under}, {"close to", Under}, {"approaching", Under}, {"just shy of", Under},
		{"shy of", Under}, {"not quite", Under}, {"getting on for", Under}, {"just short of", Under},
		{"around", About}, {"about", About}, {"some", About}, {"approximately", About}, {"approx", About},
		{"roughly", About}, {"an estimated", About}, {"estimated", About}, {"circa", About},
		{"in the region of", About}, {"of the order of", About}, {"on the order of", About},
		{"at least", AtLeast}, {"no fewer than", AtLeast}, {"no less than", AtLeast},
		{"a minimum of", AtLeast}, {"not less than", AtLeast}, {"not fewer than", AtLeast},
		{"up to", UpTo}, {"as many as", UpTo}, {"as much as", UpTo}, {"at most", UpTo},
		{"no more than", UpTo}, {"not more than", UpTo}, {"a maximum of", UpTo},
	}
	out := make([]qualifier, 0, len(raw))
	for _, r := range raw {
		out = append(out, qualifier{words: strings.Fields(r.s), approx: r.a})
	}
	// Longest first so "just over" wins over "over".
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].words) > len(out[j].words) })
	return out
}()
