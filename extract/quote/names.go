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
		if commonCap[t.lower] || (ss && endsIng(t.lower) && (i+1 >= len(toks) || !toks[i+1].cap)) || (ss && d.lowerWords[t.lower] && !role) {
			i++
			continue
		}
		j := i // last token of the phrase
		for !toks[j].poss && j+1 < len(toks) {
			n := toks[j+1]
			if n.word && n.cap && !commonCap[n.lower] {
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

// splitPhrase classifies toks[i..j] and splits "Jeremy Hunt and the
// Department of Health" into its parts.
func (d *doc) splitPhrase(toks []token, i, j int, ss bool) []mention {
	for k := i + 1; k < j; k++ {
		if !toks[k].cap && (toks[k].lower == "and" || toks[k].lower == "of" || toks[k].lower == "for" || toks[k].lower == "the") {
			left := d.classify(toks, i, k-1, ss)
			ofOK := true
			if toks[k].lower == "of" {
				right := d.classify(toks, k+1, j, false)
				ofOK = k-i >= 2 && right.kind != kindPerson
			}
			if left.kind == kindPerson && ofOK {
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
	// "South Korean President Park Geun-hye": everything up to a form of
	// address inside the phrase is its title
	for k := j - 1; k > a; k-- {
		w := toks[k].lower
		if honorifics[w] || honorifics[strings.TrimSuffix(w, ".")] {
			m.honorific = true
			a = k + 1
			break
		}
	}
	allTitle := a == j && (honorifics[toks[j].lower] || titleWords[toks[j].lower])
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
		if orgHeads[w] {
			hasOrg = true
		}
		if isAcronym(d.text[toks[k].start:toks[k].end]) && !honorifics[w] && !nameSuffixes[w] {
			hasAcr = true
		}
	}
	remOrg := false
	for k := a; k <= b; k++ {
		w := toks[k].lower
		if orgHeads[w] || isAcronym(d.text[toks[k].start:toks[k].end]) {
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
	switch {
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
