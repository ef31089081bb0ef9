package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// entity kinds of a name mention.
const (
	kindPerson = iota + 1
	kindSingle // one capitalised word that may be a person
	kindOrg
	kindOther // places, dates, roles
)

// mention is a capitalised name found in the text.
type mention struct {
	start, end int // the whole phrase
	// nameStart, nameEnd: the name without leading titles or trailing suffixes
	nameStart, nameEnd int
	kind               int
	titles             []string // leading titles and honorifics
	honorific          bool     // had a form of address ("Mr", "Sir", "Sen.")
	poss               bool     // followed by a possessive 's
	sentStart          bool
	orgName            string // canonical organisation name when kind == kindOrg
	orgKind            string
	person             int // index into doc.people once resolved, -1 otherwise
	tokFirst, tokLast  int // token indexes of the phrase
	inQuote            bool
	linked             bool // the organisation came from Options.Orgs
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if r == '.' || r == '&' {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

func endsIng(s string) bool { return strings.HasSuffix(s, "ing") }

// sentenceStartAt reports whether token i starts a sentence or paragraph.
func sentenceStartAt(toks []token, i int, text string, paraStart int) bool {
	if i == 0 || toks[i].start == paraStart {
		return true
	}
	for j := i - 1; j >= 0; j-- {
		p := toks[j]
		if p.word {
			return false
		}
		s := text[p.start:p.end]
		switch s {
		case ".", "!", "?", ":", "“", "\"", "‘", "—", "–", "―", "(", "[", "…", ";", "•", "·", "*":
			return true
		case "”", "’", "'", ")":
			continue
		}
		return false
	}
	return true
}

// scanNames finds capitalised name phrases in one paragraph's tokens.
func (d *doc) scanNames(toks []token, paraStart int) []mention {
	var out []mention
	i := 0
	for i < len(toks) {
		t := toks[i]
		if !t.word || !t.cap {
			i++
			continue
		}
		ss := sentenceStartAt(toks, i, d.text, paraStart)
		// drop sentence-initial common words: listed ones, gerunds, and
		// words the article also writes in lower case ("Doctors said"),
		// but not a role word before a capitalised one ("Health Secretary
		// Steve Barclay" in an article that also says "mental health")
		role := titleWords[t.lower] && i+1 < len(toks) && toks[i+1].word && toks[i+1].cap
		if (commonCap[t.lower] && !((!ss || afterClosingMark(d.text, toks, i)) && d.subjectOfCue(toks, i))) || (ss && endsIng(t.lower) && (i+1 >= len(toks) || !toks[i+1].cap) && !d.subjectOfCue(toks, i)) || (ss && d.lowerWords[t.lower] && !role) || (ss && adverbStart(toks, i)) {
			i++
			continue
		}
		j := i // last token of the phrase
		for !toks[j].poss && j+1 < len(toks) {
			n := toks[j+1]
			if n.word && n.cap && (!commonCap[n.lower] || addressForms[toks[j].lower] || (j == i && givenName(toks[j].lower) && !(j+2 < len(toks) && toks[j+2].word && toks[j+2].cap))) {
				j++
				continue
			}
			if n.word && !n.cap && (nameConnectors[n.lower] || n.lower == "of" || n.lower == "and" || n.lower == "for" || n.lower == "the" || n.lower == "&") && j+2 < len(toks) {
				k := j + 2
				if (n.lower == "of" || n.lower == "and") && toks[k].word && toks[k].lower == "the" && k+1 < len(toks) {
					k++
				}
				if toks[k].word && toks[k].cap && !commonCap[toks[k].lower] {
					j = k
					continue
				}
			}
			if !n.word && d.text[n.start:n.end] == "&" && j+2 < len(toks) && toks[j+2].cap {
				j += 2
				continue
			}
			break
		}
		out = append(out, d.splitPhrase(toks, i, j, ss)...)
		i = j + 1
	}
	return out
}

// addressForms are forms of address that only ever stand before a name:
// the word after one is a name even when it is also a common word or a
// title ("Mr. King", "Dr. Will").
var addressForms = set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "dr", "dr.")

// givenName reports whether w is a usual given name, after which a
// capitalised common word is a surname ("Ian Read", "Al From").
func givenName(w string) bool { return maleNames[w] || femaleNames[w] }

// subjectOfCue reports whether the capitalised word at token i, inside a
// sentence, stands right before a speech verb: a surname that is also a
// common word ("…,” Read said").
func (d *doc) subjectOfCue(toks []token, i int) bool {
	switch toks[i].lower {
	case "i", "you", "we", "they", "he", "she", "it", "that", "this", "there", "here", "who", "what":
		return false
	}
	k := i + 1
	for k < len(toks) && toks[k].word && auxSkip[toks[k].lower] {
		k++
	}
	return k < len(toks) && toks[k].word && !toks[k].cap && speechCues[toks[k].lower] && toks[k].lower != "according"
}

// afterClosingMark reports whether token i follows a closing quote mark
// after a comma, question or exclamation mark ("…,\" Read said"), where a
// straight mark would otherwise look like the start of a sentence.
func afterClosingMark(text string, toks []token, i int) bool {
	if i < 2 || toks[i-1].word || toks[i-2].word || markKind(firstRune(text[toks[i-1].start:toks[i-1].end])) == 0 {
		return false
	}
	switch text[toks[i-2].start:toks[i-2].end] {
	case ",", "?", "!":
		return true
	}
	return false
}

// surnameOrgWords are organisation or place words that are also common
// surnames: after a given name they end a person's name ("Steven Law").
var surnameOrgWords = set("law", "house", "post", "mail", "court", "church", "guard", "bill", "fox", "press",
	"bank", "hall", "park", "hill", "lane", "ward", "day", "king", "rice", "marsh", "fields")

// adverbStart reports whether the sentence-initial word at token i is an
// adverb ("Immediately after the attacks"): it ends in -ly, is no given
// name, and a lower-case word other than a verb follows.
func adverbStart(toks []token, i int) bool {
	t := toks[i]
	if !strings.HasSuffix(t.lower, "ly") || len(t.lower) < 6 || givenName(t.lower) || i+1 >= len(toks) {
		return false
	}
	n := toks[i+1]
	return n.word && !n.cap && !auxSkip[n.lower] && !speechCues[n.lower] && !strings.HasSuffix(n.lower, "ed")
}

// isOrg reports whether the mention was classified as an organisation.
func (m mention) isOrg() bool { return m.kind == kindOrg }

// splitPhrase classifies toks[i..j] and splits "Jeremy Hunt and the
// Department of Health" into its parts.
func (d *doc) splitPhrase(toks []token, i, j int, ss bool) []mention {
	for k := i + 1; k < j; k++ {
		if !toks[k].cap && (toks[k].lower == "and" || toks[k].lower == "of" || toks[k].lower == "for" || toks[k].lower == "the") {
			left := d.classify(toks, i, k-1, ss)
			ofOK := true
			if toks[k].lower == "of" {
				right := d.classify(toks, k+1, j, false)
				// "Tom Ross of Open Roads": a full name before
				// "of" splits even when the rest reads as a name
				ofOK = k-i >= 2 && (right.kind != kindPerson || !left.honorific && len(left.titles) == 0)
			}
			// "Trump and Ryan": two surnames joined by "and"
			pair := false
			if left.kind == kindSingle && toks[k].lower == "and" && k+1 <= j && toks[k+1].cap {
				right := d.classify(toks, k+1, j, false)
				pair = (right.kind == kindSingle || right.kind == kindPerson) && !d.classify(toks, i, j, ss).isOrg()
			}
			if (left.kind == kindPerson && ofOK) || pair {
				rest := k + 1
				for rest <= j && !toks[rest].cap {
					rest++
				}
				return append([]mention{left}, d.splitPhrase(toks, rest, j, false)...)
			}
		}
	}
	// extend an organisation back over "Barnet, Enfield and ..."
	m := d.classify(toks, i, j, ss)
	if m.kind == kindOrg {
		for k := i + 1; k < j; k++ {
			if toks[k].lower == "and" {
				// walk back over "Cap ," pairs
				a := i
				for a-2 >= 0 && !toks[a-1].word && d.text[toks[a-1].start:toks[a-1].end] == "," && toks[a-2].word && toks[a-2].cap && !commonCap[toks[a-2].lower] {
					a -= 2
				}
				if a != i {
					m2 := d.classify(toks, a, j, false)
					if m2.kind == kindOrg {
						return []mention{m2}
					}
				}
				break
			}
		}
	}
	return []mention{m}
}

// mixedCaseShort reports whether s is a two-letter word not written in
// capitals ("Un" in "Kim Jong Un"), which is no acronym such as "UN".
func mixedCaseShort(s string) bool {
	return len(s) == 2 && !isAcronym(s)
}

// compoundTitle reports whether a hyphenated word is a title
// ("secretary-treasurer", "chairman-elect").
func compoundTitle(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if honorifics[p] {
			return true
		}
	}
	return false
}

// classify decides what kind of name toks[i..j] is.
func (d *doc) classify(toks []token, i, j int, ss bool) mention {
	m := mention{start: toks[i].start, end: toks[j].end, poss: toks[j].poss, sentStart: ss, person: -1, tokFirst: i, tokLast: j}
	// strip leading titles and honorifics
	a := i
	for a < j {
		w := toks[a].lower
		if honorifics[w] || honorifics[strings.TrimSuffix(w, ".")] {
			m.honorific = true
			a++
			continue
		}
		if titleWords[w] || (a > i && (w == "of" || w == "the" || w == "for" || w == "and")) {
			a++
			continue
		}
		break
	}
	// "Icelandic President Anna Jóns-dóttir": everything up to a form of
	// address inside the phrase is its title
	for k := j - 1; k > a; k-- {
		w := toks[k].lower
		if honorifics[w] || honorifics[strings.TrimSuffix(w, ".")] || compoundTitle(w) {
			m.honorific = true
			a = k + 1
			break
		}
	}
	// "Mr. King", "Dr. Ward": a form of address makes the rest a name
	addr := false
	for k := i; k < a; k++ {
		if addressForms[toks[k].lower] {
			addr = true
		}
	}
	allTitle := a == j && !addr && (honorifics[toks[j].lower] || titleWords[toks[j].lower])
	b := j
	for b > a && (nameSuffixes[toks[b].lower] || nameSuffixes[strings.TrimSuffix(toks[b].lower, ".")]) {
		b--
	}
	if a > i {
		m.titles = append(m.titles, d.text[toks[i].start:toks[a-1].end])
	}
	m.nameStart, m.nameEnd = toks[a].start, toks[b].end
	hasOrg, hasPlace, hasCal, hasAcr := false, false, false, false
	for k := i; k <= j; k++ {
		w := toks[k].lower
		// "Bill Clinton": a given name opening a name is no organisation word
		if orgHeads[w] && !mixedCaseShort(d.text[toks[k].start:toks[k].end]) && !(k == a && a < j && givenName(w)) {
			hasOrg = true
		}
		if isAcronym(d.text[toks[k].start:toks[k].end]) && !honorifics[w] && !nameSuffixes[w] {
			hasAcr = true
		}
	}
	remOrg := false
	for k := a; k <= b; k++ {
		w := toks[k].lower
		if (orgHeads[w] && !mixedCaseShort(d.text[toks[k].start:toks[k].end]) && !(k == a && a < b && givenName(w))) || isAcronym(d.text[toks[k].start:toks[k].end]) {
			remOrg = true
		}
		if placeWords[w] {
			hasPlace = true
		}
		if calendarWords[w] {
			hasCal = true
		}
	}
	n := b - a + 1
	// "RED STATES OUTNUMBER BLUE STATES": a shouted headline, not a name
	if j > i {
		shout := true
		for k := i; k <= j; k++ {
			w := d.text[toks[k].start:toks[k].end]
			if len(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
				shout = false
				break
			}
		}
		if shout {
			m.kind = kindOther
			return m
		}
	}
	// "Sandwell General hospital", "the Clinton campaign": a name used
	// attributively before an organisation noun
	if j+1 < len(toks) && toks[j+1].word && !toks[j+1].cap && (orgNouns[toks[j+1].lower] || (!toks[j].poss && orgHeads[toks[j+1].lower])) {
		m.kind = kindOrg
		m.end = toks[j+1].end
		m.nameStart, m.nameEnd = m.start, m.end
		m.titles = nil
		m.orgName = d.text[m.start:m.end]
		if toks[j].poss {
			// "Ryan’s campaign"
			m.orgName = d.text[m.start:toks[j].possEnd] + " " + toks[j+1].lower
		}
		m.tokLast = j + 1
		m.poss = toks[j+1].poss
		return m
	}
	connector := false
	for k := a; k <= b; k++ {
		switch toks[k].lower {
		case "of", "the", "and", "for", "&":
			connector = true
		}
	}
	// "Steven Law": a given name and a word that is also a surname
	givenSurname := n == 2 && a == i && givenName(toks[a].lower) && surnameOrgWords[toks[b].lower] && !toks[a].poss
	switch {
	case addr && n <= 3 && !remOrg, givenSurname:
		m.kind = kindPerson
	case m.honorific && n >= 2 && n <= 4 && !remOrg && !hasCal:
		// "President Anna Jóns-dóttir", "President George Washington": after
		// a title, a place word is part of the name
		m.kind = kindPerson
	case allTitle && hasOrg:
		m.kind = kindOrg
		m.nameStart, m.nameEnd = m.start, m.end
		m.titles = nil
		m.orgName = d.text[m.start:m.end]
	case connector && !hasOrg && !hasAcr:
		m.kind = kindOther
	case allTitle:
		m.kind = kindOther
	case !remOrg && !hasPlace && !hasCal && (n >= 2 || m.honorific || a > i) && n <= 5:
		m.kind = kindPerson
	case hasOrg || hasAcr:
		m.kind = kindOrg
		m.nameStart, m.nameEnd = m.start, m.end
		m.titles = nil
		m.orgName = d.text[m.start:m.end]
	case hasPlace || hasCal:
		m.kind = kindOther
	case n == 1:
		m.kind = kindSingle
	case n <= 5:
		m.kind = kindPerson
	default:
		m.kind = kindOther
	}
	return m
}

// nameWords returns the lower-case words of a name.
func nameWords(s string) []string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		w = strings.ToLower(strings.Trim(w, ".,"))
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func firstRuneUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
