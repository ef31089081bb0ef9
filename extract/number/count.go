package number

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Count is one quantity found in a text: a cardinal number, a percentage
// or a sum of money, with the hedge written around it.
type Count struct {
	// Text is the mention as written, qualifier included ("surpassed one
	// million", "about 100"); Text == text[Start:End].
	Text       string
	Start, End int
	// Value is the number ("£22bn" → 22000000000, "10.3 per cent" → 10.3).
	// For a range it is the lower bound.
	Value float64
	// Approx is Exact, About, Over, Under, AtLeast or UpTo.
	Approx string
	// Kind is KindCount, KindPercent or KindMoney.
	Kind string
	// Unit is the thing counted ("appointments or operations"), empty when
	// the text does not say.
	Unit string
	// Currency is the ISO code of money ("GBP"), empty otherwise.
	Currency string
	// RangeEnd is the upper bound of a range ("200 to 300 beds"), zero
	// when the count is not a range.
	RangeEnd float64
}

// IsRange reports whether c is a range with an upper bound.
func (c Count) IsRange() bool { return c.RangeEnd > c.Value }

// Words reports whether c is written without digits ("six per cent").
func (c Count) Words() bool { return strings.IndexFunc(c.Text, unicode.IsDigit) < 0 }

// num is a number parsed from tokens, before its context is read.
type num struct {
	first, last int // token indices, inclusive
	value       float64
	digits      bool // written with digits
	scaled      bool // carries a magnitude ("bn", "million")
	plain       bool // bare digits: no separator, decimal or magnitude
}

// Find returns the counts in text in order of appearance. Bad input
// (invalid UTF-8, stray symbols) gives fewer counts, never a panic.
func Find(text string) []Count {
	toks := lex(text)
	dates := dateSpans(text, toks)
	var out []Count
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tNum && t.kind != tWord {
			continue
		}
		// A number continues a word or number just before it ("F2",
		// "twenty one" read from "one"): only start on a boundary.
		if t.kind == tNum && i > 0 && toks[i-1].kind == tNum {
			continue
		}
		// Most words cannot open a count: readCount would read nothing
		// and consume only the word itself.
		if t.kind == tWord && !mayStartCount(t.lower) {
			continue
		}
		c, last, ok := readCount(text, toks, i, dates)
		if ok {
			out = append(out, c)
		}
		i = max(i, last) // skip what was read, counted or not
	}
	return out
}

// readCount reads the count that starts at token i. It returns the last
// token it consumed (so that the caller skips what was read, counted or
// not) and whether a count was found.
func readCount(text string, toks []token, i int, dates []span) (Count, int, bool) {
	n, ok := parseNumber(toks, i)
	if !ok {
		if c, last, ok := readFraction(text, toks, i); ok {
			return c, last, true
		}
		return Count{}, i, false
	}
	// A word number inside a hyphenated compound that is not a number
	// ("one-off", "two-thirds" handled by readFraction).
	if !n.digits && n.first >= 2 && toks[n.first-1].s == "-" && toks[n.first-2].kind == tWord &&
		toks[n.first-2].end == toks[n.first-1].start {
		return Count{}, n.last, false
	}
	if !n.digits {
		nw := nextWordLower(toks, n.last)
		if _, isFrac := fractionWords[nw]; isFrac || strings.HasPrefix(nw, "quarter") {
			if c, last, ok := readFraction(text, toks, i); ok {
				return c, last, true
			}
		}
	}
	c := Count{Kind: KindCount, Approx: Exact, Value: n.value}
	first, last := n.first, n.last

	// Currency before the number: "£22bn", "US$ 1m", "€ 5".
	if cur, at := currencyBefore(toks, first); cur != "" {
		c.Kind, c.Currency, first = KindMoney, cur, at
	}
	// Suffixes: percent, currency words, pence.
	last = readSuffix(toks, last, &c)

	// Postfix hedges: "20-odd", "100+", "100 or more", "200 or so".
	last = readPostfix(toks, last, &c)

	// Ratios read as shares: "7 in 10 voters", "nine out of 10" → 70%.
	if c.Kind == KindCount && c.Approx != AtLeast {
		if v, end, ok := readRatio(toks, last, c.Value); ok {
			c.Kind, c.Value, last = KindPercent, v, end
		}
	}

	// Ranges: "80 to 90", "5k-20k", "between 200 and 300".
	rangeFirst := first
	if hi, hiLast, between, ok := readRangeEnd(toks, first, last, n, &c); ok {
		c.RangeEnd = hi
		last = hiLast
		if between >= 0 {
			rangeFirst = between
		}
	}
	if ex, skipTo := excluded(toks, n, last, c, dates); ex {
		if skipTo > last {
			last = skipTo
		}
		return Count{}, last, false
	}
	if !n.digits && c.Kind == KindCount && n.value < 2 {
		// "one", "zero": too often not a quantity ("one of the", "no one").
		return Count{}, last, false
	}
	first = rangeFirst
	// Qualifier before the number.
	if c.Approx == Exact || c.Approx == "" {
		if q, at := qualifierBefore(toks, first); q != "" {
			c.Approx, first = q, at
		}
	}
	c.Start, c.End = toks[first].start, toks[last].end
	c.Text = text[c.Start:c.End]
	c.Unit = unitAfter(toks, last, c.Kind)
	if c.Unit == "" {
		c.Unit = unitBefore(toks, first)
	}
	return c, last, true
}

// parseNumber reads a number written in digits or words at token i.
func parseNumber(toks []token, i int) (num, bool) {
	t := toks[i]
	if t.kind == tNum {
		return parseDigits(toks, i)
	}
	return parseWords(toks, i)
}

// parseDigits reads "3,850", "10.3", "1 234 567", "22bn", "1.2 million".
func parseDigits(toks []token, i int) (num, bool) {
	s := toks[i].s
	n := num{first: i, last: i, digits: true}
	clean := strings.ReplaceAll(s, ",", "")
	n.plain = clean == s && !strings.Contains(s, ".")
	// Groups of three separated by single spaces: "1 234 567".
	if n.plain && len(s) <= 3 {
		j := i
		for j+2 < len(toks) && toks[j+1].kind == tSpace && len(toks[j+1].s) <= 3 && !strings.Contains(toks[j+1].s, "\n") &&
			toks[j+2].kind == tNum && !strings.Contains(toks[j+2].s, ",") && len(strings.SplitN(toks[j+2].s, ".", 2)[0]) == 3 &&
			!(j+3 < len(toks) && toks[j+3].kind == tNum) {
			// Not when the next group itself starts a new quantity with
			// a decimal or separator.
			clean += toks[j+2].s
			j += 2
			if strings.Contains(toks[j].s, ".") {
				break
			}
		}
		if j > i {
			// A trailing ".89" belongs to the last group when lexed with it.
			n.last = j
			n.plain = false
		}
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return n, false
	}
	n.value = v
	// Magnitude written onto the number ("22bn", "80k", "1.2m").
	if n.last+1 < len(toks) {
		nt := toks[n.last+1]
		if nt.kind == tWord && nt.start == toks[n.last].end {
			// "1MM" is a million in finance; "22mm" is millimetres.
			m, ok := suffixScales[nt.lower]
			ok = ok && !wordContinues(toks, n.last+1) && (nt.lower != "mm" || nt.s == "MM")
			if !ok {
				m, ok = scaleWords[nt.lower]
			}
			if ok {
				n.value = scaled(clean, n.value, m)
				n.last++
				n.scaled, n.plain = true, false
				return n, true
			}
		}
	}
	// Magnitude as a separate word ("1.2 million", "22 bn").
	if n.last+2 < len(toks) && toks[n.last+1].kind == tSpace && !toks[n.last+1].para {
		nt := toks[n.last+2]
		if nt.kind == tWord {
			m, ok := scaleWords[nt.lower]
			if !ok {
				switch nt.lower {
				case "bn", "mn", "mln", "bln", "tn", "tln", "trn":
					m, ok = suffixScales[nt.lower], true
				case "k", "m":
					// "2.33 k", "1,674,200.5 M": a lone letter, upper-case
					// for millions ("5 m" is more often metres).
					if !wordContinues(toks, n.last+2) && (nt.lower == "k" || nt.s == "M") &&
						(n.last+3 >= len(toks) || toks[n.last+3].kind != tPunct || toks[n.last+3].s != ".") {
						m, ok = suffixScales[nt.lower], true
					}
				}
			}
			if ok {
				n.value = scaled(clean, n.value, m)
				n.last += 2
				n.scaled, n.plain = true, false
				if _, word := scaleWords[nt.lower]; word {
					n.value, n.last = digitScaleTail(toks, n.value, m, n.last)
				}
			}
		}
	}
	return n, true
}

// wordContinues reports whether the word at j runs straight into more
// letters or digits ("m2", "km").
func wordContinues(toks []token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	nt := toks[j+1]
	return nt.start == toks[j].end && (nt.kind == tWord || nt.kind == tNum)
}

// parseWords reads "one million", "twenty-one", "half a million",
// "a quarter of a million", "two and a half million", "three hundred and
// six".
func parseWords(toks []token, i int) (num, bool) {
	n := num{first: i, last: i}
	w := toks[i].lower
	// "half a million", "half million", "a half million".
	if w == "a" || w == "an" {
		j := nextNonSpace(toks, i)
		if j < 0 || toks[j].kind != tWord {
			return n, false
		}
		nw := toks[j].lower
		if _, ok := scaleWords[nw]; ok {
			// "a million", "a hundred thousand": read on from the scale.
			return composeWords(toks, i, j, 1)
		}
		if nw == "half" || nw == "quarter" {
			if v, last, ok := fractionOfScale(toks, j, fractionWords[nw]); ok {
				n.value, n.last = v, last
				return n, true
			}
		}
		if nw == "dozen" {
			n.value, n.last = 12, j
			return n, true
		}
		return n, false
	}
	if w == "half" || w == "quarter" {
		if v, last, ok := fractionOfScale(toks, i, fractionWords[w]); ok {
			n.value, n.last = v, last
			return n, true
		}
		return n, false
	}
	if _, ok := smallWords[w]; !ok {
		if _, ok := tensWords[w]; !ok {
			return n, false
		}
	}
	return composeWords(toks, i, i, 0)
}

// fractionOfScale reads "half a million" / "quarter of a million" /
// "half million" starting at the fraction word at j.
func fractionOfScale(toks []token, j int, frac float64) (float64, int, bool) {
	k := nextNonSpace(toks, j)
	if k < 0 || toks[k].kind != tWord {
		return 0, j, false
	}
	if toks[k].lower == "of" {
		k = nextNonSpace(toks, k)
		if k < 0 || toks[k].kind != tWord {
			return 0, j, false
		}
	}
	if toks[k].lower == "a" || toks[k].lower == "an" {
		k = nextNonSpace(toks, k)
		if k < 0 || toks[k].kind != tWord {
			return 0, j, false
		}
	}
	m, ok := scaleWords[toks[k].lower]
	if !ok || m < 1000 {
		return 0, j, false
	}
	return frac * m, k, true
}

// composeWords reads number words from token j, with value pre-set to
// cur for "a hundred" style starts; first is the first token of the number.
func composeWords(toks []token, first, j int, cur float64) (num, bool) {
	n := num{first: first, last: first}
	var total float64
	current := cur
	any := cur > 0
	last := first
	prev := "" // "unit", "teen", "tens", "hundred", "scale"
	if cur > 0 {
		prev = "a"
	}
	k := j
	for k >= 0 && k < len(toks) && toks[k].kind == tWord {
		w := toks[k].lower
		if v, ok := tensWords[w]; ok {
			if prev == "unit" || prev == "teen" || prev == "tens" {
				break
			}
			current += v
			prev = "tens"
		} else if v, ok := smallWords[w]; ok {
			if prev == "unit" || prev == "teen" || (prev == "tens" && v >= 10) || (prev == "tens" && v == 0) {
				break
			}
			current += v
			if v >= 10 {
				prev = "teen"
			} else {
				prev = "unit"
			}
		} else if m, ok := scaleWords[w]; ok {
			if m == 100 {
				if prev == "hundred" {
					break
				}
				if current == 0 {
					current = 1
				}
				current *= 100
				prev = "hundred"
			} else {
				if current == 0 {
					current = 1
				}
				// "two and a half million" handled below; "a thousand million" = billion.
				total += current * m
				current = 0
				prev = "scale"
			}
		} else if w == "and" && (prev == "hundred" || prev == "scale") {
			// "three hundred and six": only when a number word follows.
			nk := nextNonSpace(toks, k)
			if nk < 0 || toks[nk].kind != tWord {
				break
			}
			nw := toks[nk].lower
			_, s1 := smallWords[nw]
			_, s2 := tensWords[nw]
			if !s1 && !s2 {
				break
			}
			k = nk
			continue
		} else if w == "and" && (prev == "unit" || prev == "teen" || prev == "tens") {
			// "two and a half million".
			if v, end, ok := andAHalf(toks, k); ok {
				total += (current + 0.5) * v
				current = 0
				last = end
				any = true
				k = nextNonSpace(toks, end)
				prev = "scale"
				if k < 0 {
					break
				}
				continue
			}
			break
		} else {
			break
		}
		any = true
		last = k
		// Step over a space or a hyphen ("twenty-one", "fifty - two").
		nk := k + 1
		for nk < len(toks) && (toks[nk].kind == tSpace && !toks[nk].para || toks[nk].s == "-") {
			nk++
		}
		if nk >= len(toks) || toks[nk].kind != tWord {
			break
		}
		// A hyphen must join two number words.
		k = nk
	}
	if !any {
		return n, false
	}
	n.value = total + current
	n.last = last
	// "two hundred point zero three", "nine point nought four".
	if p := nextNonSpace(toks, last); p >= 0 && toks[p].lower == "point" {
		if frac, end, ok := decimalWords(toks, p); ok {
			n.value += frac
			n.last = end
		}
	}
	n.scaled = total > 0 || prev == "hundred"
	return n, true
}

// andAHalf reads "and a half million" at the "and" at k, returning the
// scale and the last token.
func andAHalf(toks []token, k int) (float64, int, bool) {
	a := nextNonSpace(toks, k)
	if a < 0 || toks[a].lower != "a" {
		return 0, k, false
	}
	h := nextNonSpace(toks, a)
	if h < 0 || toks[h].lower != "half" {
		return 0, k, false
	}
	s := nextNonSpace(toks, h)
	if s < 0 {
		return 0, k, false
	}
	m, ok := scaleWords[toks[s].lower]
	if !ok || m < 1000 {
		return 0, k, false
	}
	return m, s, true
}

// readFraction reads a fraction used as a share: "three-quarters of",
// "half of", "more than half", "two thirds of" → a percentage.
func readFraction(text string, toks []token, i int) (Count, int, bool) {
	w := toks[i].lower
	numer := 1.0
	j := i
	if w == "a" || w == "one" {
		k := nextNonSpace(toks, i)
		if k < 0 {
			return Count{}, i, false
		}
		j = k
	} else if v, ok := smallWords[w]; ok && v >= 2 && v <= 9 {
		numer = v
		k := i + 1
		for k < len(toks) && (toks[k].kind == tSpace && !toks[k].para || toks[k].s == "-") {
			k++
		}
		if k >= len(toks) {
			return Count{}, i, false
		}
		j = k
	}
	fw := toks[j].lower
	frac, ok := fractionWords[fw]
	if !ok || toks[j].kind != tWord {
		return Count{}, i, false
	}
	if numer > 1 && (fw == "half" || fw == "third" || fw == "quarter" || fw == "fifth" || fw == "tenth") {
		return Count{}, i, false // "two third" is not English
	}
	if numer == 1 && strings.HasSuffix(fw, "s") {
		return Count{}, i, false
	}
	// "the second half", "the other half": not shares.
	if p := prevNonSpace(toks, i); p >= 0 {
		switch toks[p].lower {
		case "first", "second", "last", "other", "latter", "former", "final", "top", "bottom", "better":
			return Count{}, i, false
		}
	}
	q, qat := qualifierBefore(toks, i)
	nx := nextNonSpace(toks, j)
	ofFollows := nx >= 0 && toks[nx].lower == "of"
	if !ofFollows && q == "" {
		return Count{}, j, false
	}
	c := Count{Kind: KindPercent, Approx: Exact, Value: round6(numer * frac * 100)}
	first := i
	if q != "" {
		c.Approx, first = q, qat
	}
	c.Start, c.End = toks[first].start, toks[j].end
	c.Text = text[c.Start:c.End]
	c.Unit = unitAfter(toks, j, KindPercent)
	return c, j, true
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// currencyBefore finds a currency symbol just before token i ("£22bn",
// "$ 5", "US$1m") and returns its code and token.
func currencyBefore(toks []token, i int) (string, int) {
	j := i - 1
	if j >= 0 && toks[j].kind == tSpace && len(toks[j].s) == 1 {
		j--
	}
	if j < 0 {
		return "", -1
	}
	code, ok := currencySymbols[toks[j].s]
	if !ok {
		return "", -1
	}
	if code == "USD" && j > 0 && toks[j-1].kind == tWord && toks[j-1].end == toks[j].start {
		switch toks[j-1].s {
		case "US", "U.S":
			return "USD", j - 1
		case "A", "AU":
			return "AUD", j - 1
		case "C", "CA":
			return "CAD", j - 1
		case "NZ":
			return "NZD", j - 1
		}
		return "", -1
	}
	return code, j
}

// readSuffix reads what follows a number and changes its kind: "%",
// "per cent", "percent", "percentage points", "pounds", "50p".
func readSuffix(toks []token, last int, c *Count) int {
	k := last + 1
	if k >= len(toks) {
		return last
	}
	if toks[k].s == "%" {
		c.Kind, c.Currency = KindPercent, ""
		return k
	}
	if toks[k].kind == tWord && toks[k].start == toks[last].end && toks[k].lower == "p" && !wordContinues(toks, k) && c.Kind == KindCount {
		c.Kind, c.Currency, c.Value = KindMoney, "GBP", round6(c.Value/100)
		return k
	}
	j := nextNonSpace(toks, last)
	if j < 0 || j-last > 2 {
		return last
	}
	if toks[j].s == "%" {
		c.Kind, c.Currency = KindPercent, ""
		return j
	}
	switch toks[j].lower {
	case "percent", "pc", "percentage", "percents", "percentages":
		c.Kind, c.Currency = KindPercent, ""
		if toks[j].lower == "percentage" {
			if p := nextNonSpace(toks, j); p >= 0 && (toks[p].lower == "points" || toks[p].lower == "point") {
				return p
			}
		}
		return j
	case "per":
		if p := nextNonSpace(toks, j); p >= 0 && p-j <= 2 && toks[p].lower == "cent" {
			c.Kind, c.Currency = KindPercent, ""
			return p
		}
	}
	if code, ok := currencyWords[toks[j].lower]; ok {
		switch {
		case c.Kind == KindCount:
			c.Kind, c.Currency = KindMoney, code
			return j
		case c.Kind == KindMoney && c.Currency == code:
			return j
		}
	}
	return last
}

// readPostfix reads hedges written after the number.
func readPostfix(toks []token, last int, c *Count) int {
	k := last + 1
	if k < len(toks) && toks[k].s == "+" {
		c.Approx = AtLeast
		return k
	}
	if k+1 < len(toks) && toks[k].s == "-" && toks[k+1].lower == "odd" {
		c.Approx = About
		return k + 1
	}
	if k+1 < len(toks) && toks[k].s == "-" && toks[k+1].lower == "plus" {
		c.Approx = AtLeast
		return k + 1
	}
	j := nextNonSpace(toks, last)
	if j < 0 || toks[j].lower != "or" && toks[j].lower != "and" {
		return last
	}
	m := nextNonSpace(toks, j)
	if m < 0 {
		return last
	}
	if toks[j].lower == "and" && (toks[m].lower == "more" || toks[m].lower == "above" || toks[m].lower == "over") {
		c.Approx = AtLeast
		return m
	}
	if toks[j].lower != "or" {
		return last
	}
	switch toks[m].lower {
	case "more", "above", "over", "greater":
		c.Approx = AtLeast
		return m
	case "fewer", "less", "below", "under":
		c.Approx = UpTo
		return m
	case "so":
		c.Approx = About
		return m
	}
	return last
}

// readRangeEnd reads the upper bound of a range after the count: "80 to
// 90", "5k-20k", "between 200 and 300". between is the token of "between"
// or "from" that opens the range, -1 when there is none.
func readRangeEnd(toks []token, first, last int, lo num, c *Count) (float64, int, int, bool) {
	between := -1
	if p := prevNonSpace(toks, first); p >= 0 && (toks[p].lower == "between" || toks[p].lower == "from") {
		between = p
		if toks[p].lower == "from" {
			// "rose from 3.9 per cent to 5.8 per cent" is a change, two
			// figures, not a range.
			if q := prevNonSpace(toks, p); q >= 0 && changeWords[toks[q].lower] {
				return 0, last, -1, false
			}
		}
	}
	j := last + 1
	sep := ""
	if j < len(toks) && (toks[j].s == "-" || toks[j].s == "–" || toks[j].s == "—") {
		sep = "-"
	} else {
		j = nextNonSpace(toks, last)
		if j < 0 {
			return 0, last, -1, false
		}
		switch {
		case toks[j].lower == "to" || toks[j].lower == "through" || toks[j].lower == "thru":
			sep = "to"
		case toks[j].lower == "and" && between >= 0 && toks[between].lower == "between":
			sep = "and"
		case toks[j].s == "–" || toks[j].s == "-" || toks[j].s == "—":
			sep = "-" // spaced: both bounds must be digits (checked below)
		default:
			return 0, last, -1, false
		}
	}
	k := j + 1
	for k < len(toks) && toks[k].kind == tSpace && !toks[k].para {
		k++
	}
	if k >= len(toks) {
		return 0, last, -1, false
	}
	hiCount := Count{Kind: KindCount, Approx: Exact}
	if cur, ok := currencySymbols[toks[k].s]; ok {
		hiCount.Kind, hiCount.Currency = KindMoney, cur
		k++
		if k < len(toks) && toks[k].kind == tSpace && len(toks[k].s) == 1 {
			k++
		}
		if k >= len(toks) {
			return 0, last, -1, false
		}
	}
	if toks[k].kind != tNum && toks[k].kind != tWord {
		return 0, last, -1, false
	}
	hi, ok := parseNumber(toks, k)
	if !ok || hi.digits != lo.digits && sep == "-" {
		return 0, last, -1, false
	}
	if lo.plain && len(toks[lo.first].s) == 4 && lo.value >= 1800 && lo.value <= 2099 && c.Kind == KindCount && !hi.scaled && hi.plain {
		return 0, last, -1, false // "by 2030 to 32 percent", "2010 to 2012": years
	}
	hiLast := readSuffix(toks, hi.last, &hiCount)
	v := hi.value
	lov := c.Value
	// "1-2 million", "between 10 and 20 per cent": the bound's magnitude
	// and kind carry back to the lower bound.
	if hi.scaled && !lo.scaled {
		if m := magnitudeOf(toks, hi); m > 1 && lov*m <= v {
			lov *= m
		}
	}
	kind := c.Kind
	if hiCount.Kind == KindPercent && kind == KindCount {
		kind = KindPercent
	}
	if kind == KindMoney && hiCount.Kind == KindCount {
		hiCount.Kind = KindMoney
	}
	if hiCount.Kind != kind || v <= lov {
		return 0, last, -1, false
	}
	c.Kind = kind
	// Years written as "2010-11" are not ranges; excluded() catches them.
	c.Value = lov
	if sep != "and" && sep != "to" {
		between = -1
	} else if sep == "to" && between >= 0 && toks[between].lower != "from" {
		between = -1
	}
	return v, hiLast, between, true
}

// magnitudeOf returns the multiplier a parsed number carries.
func magnitudeOf(toks []token, n num) float64 {
	w := toks[n.last].lower
	if m, ok := scaleWords[w]; ok {
		return m
	}
	if m, ok := suffixScales[w]; ok {
		return m
	}
	return 1
}

// qualifierBefore matches a hedge ending just before token i and returns
// its approx and first token.
func qualifierBefore(toks []token, i int) (string, int) {
	// Collect up to five preceding words, skipping spaces only.
	var idx []int
	j := i - 1
	for j >= 0 && len(idx) < 5 {
		if toks[j].kind == tSpace {
			if toks[j].para {
				break
			}
			j--
			continue
		}
		if toks[j].kind != tWord {
			break
		}
		idx = append(idx, j)
		j--
	}
	for _, q := range prefixQualifiers {
		n := len(q.words)
		if n > len(idx) {
			continue
		}
		ok := true
		for k := 0; k < n; k++ {
			if toks[idx[n-1-k]].lower != q.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return q.approx, idx[n-1]
		}
	}
	return "", -1
}

func nextNonSpace(toks []token, i int) int {
	for j := i + 1; j < len(toks); j++ {
		if toks[j].kind == tSpace {
			if toks[j].para {
				return -1
			}
			continue
		}
		return j
	}
	return -1
}

func prevNonSpace(toks []token, i int) int {
	for j := i - 1; j >= 0; j-- {
		if toks[j].kind == tSpace {
			if toks[j].para {
				return -1
			}
			continue
		}
		return j
	}
	return -1
}

func nextWordLower(toks []token, i int) string {
	j := i + 1
	for j < len(toks) && (toks[j].kind == tSpace && !toks[j].para || toks[j].s == "-") {
		j++
	}
	if j < len(toks) && toks[j].kind == tWord {
		return toks[j].lower
	}
	return ""
}

// isCapitalised reports whether a word starts with an upper-case letter.
func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// decimalWords reads the digits after "point": "zero three" → 0.03,
// "seventy-one" → 0.71.
func decimalWords(toks []token, p int) (float64, int, bool) {
	digits := ""
	end := p
	k := nextNonSpace(toks, p)
	for k >= 0 && toks[k].kind == tWord {
		w := toks[k].lower
		if v, ok := smallWords[w]; ok && v < 10 {
			digits += strconv.Itoa(int(v))
		} else if v, ok := tensWords[w]; ok {
			d := int(v)
			// "seventy-one": tens and a unit joined by a hyphen.
			if k+2 < len(toks) && toks[k+1].s == "-" {
				if u, ok := smallWords[toks[k+2].lower]; ok && u < 10 {
					d += int(u)
					k += 2
				}
			}
			digits += strconv.Itoa(d)
		} else {
			break
		}
		end = k
		k = nextNonSpace(toks, k)
	}
	if digits == "" {
		return 0, p, false
	}
	f, err := strconv.ParseFloat("0."+digits, 64)
	if err != nil {
		return 0, p, false
	}
	return f, end, true
}

// readRatio reads "in 10" or "out of 10" after a count and returns the
// share as a percentage: "3 in 10" → 30.
func readRatio(toks []token, last int, n float64) (float64, int, bool) {
	j := nextNonSpace(toks, last)
	if j < 0 {
		return 0, last, false
	}
	switch toks[j].lower {
	case "in":
	case "out":
		k := nextNonSpace(toks, j)
		if k < 0 || toks[k].lower != "of" {
			return 0, last, false
		}
		j = k
	default:
		return 0, last, false
	}
	k := nextNonSpace(toks, j)
	if k < 0 || (toks[k].kind != tNum && toks[k].kind != tWord) {
		return 0, last, false
	}
	d, ok := parseNumber(toks, k)
	if !ok || d.scaled && d.value > 1000 || d.value < 2 || d.value > 1000 || n <= 0 || n > d.value {
		return 0, last, false
	}
	if d.digits && !d.plain {
		return 0, last, false
	}
	// "3 in 10", "one in five": the divisor is a round small number.
	switch d.value {
	case 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100, 1000:
	default:
		return 0, last, false
	}
	return round6(n / d.value * 100), d.last, true
}

// digitScaleTail reads the rest of "4 thousand 3 hundred and 21" after a
// digit and a scale word: smaller digit groups, each with an optional
// smaller scale, joined by spaces or "and".
func digitScaleTail(toks []token, value, scale float64, last int) (float64, int) {
	for {
		j := nextNonSpace(toks, last)
		if j < 0 {
			return value, last
		}
		if toks[j].lower == "and" {
			if j = nextNonSpace(toks, j); j < 0 {
				return value, last
			}
		}
		if toks[j].kind != tNum || strings.ContainsAny(toks[j].s, ",.") {
			return value, last
		}
		v, err := strconv.ParseFloat(toks[j].s, 64)
		if err != nil || v >= scale {
			return value, last
		}
		end := j
		m := 1.0
		if k := nextNonSpace(toks, j); k >= 0 {
			if s, ok := scaleWords[toks[k].lower]; ok {
				if s >= scale {
					return value, last // "3 hundred and 2 hundred": two numbers
				}
				m, end = s, k
			}
		}
		if v*m >= scale {
			return value, last
		}
		value += v * m
		last = end
		if m == 1 {
			return value, last
		}
		scale = m
	}
}

// changeWords come before "from X to Y" when it is a change, not a range.
var changeWords = map[string]bool{
	"rose": true, "rise": true, "rising": true, "risen": true, "rises": true, "increased": true,
	"increase": true, "increasing": true, "increases": true, "fell": true, "fall": true, "falling": true,
	"fallen": true, "falls": true, "dropped": true, "drop": true, "dropping": true, "grew": true,
	"grow": true, "growing": true, "grown": true, "climbed": true, "climbing": true, "jumped": true,
	"jumping": true, "up": true, "down": true, "cut": true, "reduced": true, "reducing": true,
	"went": true, "going": true, "doubled": true, "halved": true, "moved": true, "changed": true,
	"soared": true, "surged": true, "slumped": true, "declined": true, "decreased": true,
}

// scaled multiplies a number written as digits by a power of ten without
// binary rounding noise: "17.1" × 1e9 is 17100000000, not 17100000000.000002.
func scaled(digits string, v, m float64) float64 {
	e := math.Log10(m)
	if e == math.Trunc(e) {
		if f, err := strconv.ParseFloat(digits+"e"+strconv.Itoa(int(e)), 64); err == nil && !math.IsInf(f, 0) {
			return f
		}
	}
	return v * m
}

// mayStartCount reports whether a word can open a count or a fraction:
// the words parseWords and readFraction start from. For any other word
// readCount finds nothing and consumes only that word. A switch is
// cheaper than the map lookups it saves; TestMayStartCount keeps it in
// step with the tables.
func mayStartCount(w string) bool {
	switch w {
	case "a", "an",
		"zero", "nought", "naught", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
		"half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths":
		return true
	}
	return false
}
