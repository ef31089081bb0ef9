package quote

import (
	"regexp"
	"strings"
)

// partyState matches the US "R-Ky." after a politician's name.
var partyState = regexp.MustCompile(`^[RDI]-[A-Z][A-Za-z]*\.?$`)

// introWords start a phrase that comes before the subject ("In a
// statement, ...", "Speaking on the radio, ...").
var introWords = set("in", "on", "at", "with", "after", "before", "as", "when", "while", "whilst", "during",
	"speaking", "asked", "holding", "handing", "writing", "elsewhere", "outside", "inside", "since", "despite",
	"although", "though", "if", "for", "from", "by", "earlier", "later", "meanwhile", "however", "but", "and",
	"so", "then", "still", "also", "yet", "instead", "to", "into", "under", "over", "across", "around", "near",
	"upon", "following", "according", "last", "this", "today", "yesterday", "tomorrow", "now", "here", "there",
	"once", "again", "separately", "similarly", "likewise", "indeed", "finally", "first", "second", "third",
	"addressing", "responding", "appearing", "talking", "visiting", "campaigning", "standing", "sitting",
	"walking", "wearing", "dressed", "reacting", "commenting", "interviewed", "pressed", "challenged")

var determiners = set("a", "an", "the", "another", "one", "some", "two", "three", "several", "many", "other", "its", "their", "his", "her")

var prepositions = set("to", "of", "at", "for", "from", "with", "by", "about", "on", "in", "into", "against", "than", "like", "toward", "towards", "over", "under", "behind", "outside", "via")

// isCue reports whether token ti of paragraph pi is a speech cue outside
// quotes, and returns the cue text.
func (d *doc) isCue(pi, ti int) (string, bool) {
	toks := d.toks[pi]
	t := toks[ti]
	if !t.word || d.inQ[pi][ti] || !speechCues[t.lower] {
		return "", false
	}
	// negated speech is no attribution: "has not acknowledged the ..."
	if ti > 0 && toks[ti-1].word && (toks[ti-1].lower == "not" || toks[ti-1].lower == "never" || strings.HasSuffix(toks[ti-1].lower, "n't") || strings.HasSuffix(toks[ti-1].lower, "n’t")) {
		return "", false
	}
	next := func(k int) string {
		if ti+k < len(toks) && toks[ti+k].word {
			return toks[ti+k].lower
		}
		return ""
	}
	switch t.lower {
	case "according":
		if next(1) != "to" {
			return "", false
		}
		return "according to", true
	case "pointed", "points", "point":
		if next(1) != "out" {
			return "", false
		}
		return t.lower + " out", true
	case "went":
		if next(1) != "on" {
			return "", false
		}
		return "went on", true
	case "shot", "fired", "hit", "pushed":
		if next(1) != "back" {
			return "", false
		}
		return t.lower + " back", true
	case "chimed":
		if next(1) != "in" {
			return "", false
		}
		return "chimed in", true
	case "put", "puts":
		// "as Vulture put it"
		if next(1) != "it" {
			return "", false
		}
		return t.lower + " it", true
	case "summed":
		if next(1) != "up" {
			return "", false
		}
		return "summed up", true
	case "offered", "advised", "instructed", "pressed", "presses", "cracked", "started", "began", "reacted", "barked":
		// only right before a quote or colon, or right after one
		// ("…?” reacted Hale)
		if ti > 0 && !toks[ti-1].word && markKind(firstRune(d.tokText(toks[ti-1]))) != 0 && d.inQ[pi][ti-1] {
			return t.lower, true
		}
		if ti+1 < len(toks) && !toks[ti+1].word {
			s := d.tokText(toks[ti+1])
			if s == ":" || s == "," || s == "." || markKind(firstRune(s)) != 0 {
				return t.lower, true
			}
		}
		return "", false
	case "pointing":
		if next(1) != "out" {
			return "", false
		}
		return "pointing out", true
	case "read", "reads":
		// only before a quote mark or colon
		if ti+1 < len(toks) && !toks[ti+1].word {
			s := d.tokText(toks[ti+1])
			if s == ":" || markKind(firstRune(s)) != 0 {
				return t.lower, true
			}
		}
		return "", false
	case "called", "calls", "calling", "dubbed", "labelled", "labeled", "branded":
		// "called the Nurses Alliance “one of the backers ...”": a
		// quote mark within a few words
		for k := ti + 1; k < len(toks) && k <= ti+6; k++ {
			if !toks[k].word {
				s := d.tokText(toks[k])
				if markKind(firstRune(s)) != 0 {
					return t.lower, true
				}
				if s == "." || s == ";" {
					break
				}
			}
		}
		return "", false
	case "told", "asked", "described":
		if ti > 0 && toks[ti-1].word {
			switch toks[ti-1].lower {
			case "be", "been", "being", "was", "were", "is", "are", "get", "got":
				// "Hale was asked by moderator Ann Ross": the agent
				// speaks
				if next(1) == "by" {
					return t.lower + " by", true
				}
				return "", false
			}
		}
	case "say", "tell", "add", "write":
		// imperative or infinitive only after a subject pronoun/aux: keep
		if ti > 0 && toks[ti-1].word && (toks[ti-1].lower == "to" || toks[ti-1].lower == "will" || toks[ti-1].lower == "would") {
			return "", false
		}
	}
	return d.text[t.start:t.end], true
}

// mentionSpeaker turns mention mi into a speaker.
func (d *doc) mentionSpeaker(mi int) speaker {
	m := &d.mentions[mi]
	switch m.kind {
	case kindOrg:
		return speaker{name: m.orgName, person: -1, org: true, known: true}
	case kindPerson, kindSingle:
		idx := m.person
		if idx < 0 {
			name := d.text[m.nameStart:m.nameEnd]
			ws := nameWords(name)
			if len(ws) == 0 {
				return noSpeaker
			}
			idx = d.findPart(ws[len(ws)-1])
			if idx < 0 {
				d.people = append(d.people, person{name: name, words: ws, single: len(ws) == 1})
				idx = len(d.people) - 1
				d.attach(idx, m)
			}
			m.person = idx
			m.kind = kindPerson
		}
		d.people[idx].speaker = true
		return speaker{name: d.people[idx].name, person: idx, known: true}
	}
	return noSpeaker
}

// resolvePronoun finds who "he" or "she" at byte pos refers to: the latest
// person named before it outside quotes, not used attributively ("the
// Clinton campaign").
func (d *doc) resolvePronoun(pos int, pronoun string) speaker {
	return d.resolvePronounSkip(pos, pronoun, nil)
}

// resolvePronounSkip is resolvePronoun passing over the people in skip.
func (d *doc) resolvePronounSkip(pos int, pronoun string, skip map[int]bool) speaker {
	var want byte
	switch pronoun {
	case "he", "his", "him":
		want = 'm'
	case "she", "her", "hers":
		want = 'f'
	}
	fallback, fallbackSubj, objFallback := -1, false, -1
	// possCand is a possessive name ("Ross’s courage") of the right
	// gender: a name earlier in its paragraph comes first ("Hale says
	// she admired Ross’s courage through what she calls ...")
	possCand, possAt := -1, -1
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= pos || m.inQuote {
			continue
		}
		if m.kind != kindPerson && !(m.kind == kindSingle && m.person >= 0) {
			continue
		}
		if m.person < 0 || skip[m.person] {
			continue
		}
		if d.attributive(i) {
			continue
		}
		// objects of prepositions ("praise from Vladimir Putin") are
		// rarely what a pronoun picks up: keep them as a last resort
		if mp := d.paraAt(m.start); mp >= 0 && d.prepObject(mp, 0, m.tokFirst) && d.prepWord(mp, m.tokFirst) != "of" {
			if objFallback < 0 {
				objFallback = m.person
			}
			continue
		}
		g := d.genderOfPerson(m.person)
		if g != 0 && want != 0 && g != want {
			continue
		}
		if g == 0 && want != 0 && !m.poss && d.paraAt(m.start) == d.paraAt(pos) && fallback < 0 {
			// a name of unknown gender that is the subject of a clause in
			// the pronoun's paragraph ("Ross said on the radio ... He
			// writes that"): nearer than anyone of known gender
			if mp := d.paraAt(m.start); m.sentStart || d.verbFollows(mp, m.tokLast) {
				d.people[m.person].speaker = true
				return speaker{name: d.people[m.person].name, person: m.person, known: true}
			}
		}
		if g == 0 && want != 0 {
			// a name of unknown gender: take it only if no one of the
			// right gender was named shortly before; prefer a subject
			if fallback < 0 || (!fallbackSubj && m.sentStart) {
				fallback = m.person
				fallbackSubj = m.sentStart
			}
			continue
		}
		if fallback >= 0 && pos-m.start > 1500 {
			break
		}
		if m.poss && possCand < 0 && g != 0 {
			possCand, possAt = m.person, m.start
			continue
		}
		idx := m.person
		if possCand >= 0 && idx != possCand && d.paraAt(m.start) != d.paraAt(possAt) {
			idx = possCand
		}
		if mp := d.paraAt(m.start); idx == m.person && !m.sentStart && want != 0 && mp >= 0 && !d.verbFollows(mp, m.tokLast) {
			// "Ross criticised Hale, calling him ..., whom he described":
			// the subject opening the sentence before an object in it
			// (a name that is a subject itself, "said Hale was right
			// when he said", stays)
			if si, ok := d.sentenceSubject(i, want); ok && !skip[si] {
				idx = si
			}
		}
		d.people[idx].speaker = true
		return speaker{name: d.people[idx].name, person: idx, known: true}
	}
	if possCand >= 0 {
		d.people[possCand].speaker = true
		return speaker{name: d.people[possCand].name, person: possCand, known: true}
	}
	if fallback < 0 && objFallback >= 0 {
		if g := d.genderOfPerson(objFallback); g == 0 || want == 0 || g == want {
			fallback = objFallback
		}
	}
	if fallback >= 0 {
		d.people[fallback].speaker = true
		return speaker{name: d.people[fallback].name, person: fallback, known: true}
	}
	return speaker{person: -1, known: true}
}

// sentenceSubject finds the person of gender want (or unknown gender)
// named first in the sentence of mention i, when that name opens the
// sentence and is not possessive.
func (d *doc) sentenceSubject(i int, want byte) (int, bool) {
	m := d.mentions[i]
	pi := d.paraAt(m.start)
	if pi < 0 {
		return -1, false
	}
	for j := i - 1; j >= 0; j-- {
		o := &d.mentions[j]
		if o.start < d.paras[pi].Start || !d.sameSentence(o.end, m.start) {
			return -1, false
		}
		if !o.sentStart {
			continue
		}
		if o.person < 0 || o.poss || o.inQuote || (o.kind != kindPerson && o.kind != kindSingle) {
			return -1, false
		}
		if g := d.genderOfPerson(o.person); g != 0 && g != want {
			return -1, false
		}
		return o.person, true
	}
	return -1, false
}

// sameSentence reports whether byte positions a <= b lie in one sentence
// of one paragraph.
func (d *doc) sameSentence(a, b int) bool {
	pi := d.paraAt(a)
	if pi < 0 || pi != d.paraAt(b) {
		return false
	}
	for k, t := range d.toks[pi] {
		if t.start >= b {
			break
		}
		if t.start >= a && !d.inQ[pi][k] && d.sentEnd(pi, k) {
			return false
		}
	}
	return true
}

// resolveRole finds who a description such as "the Kent MP"
// (tokens a..b-1 of paragraph pi) stands for, among the people named
// outside quotes in the last few thousand bytes: the one whose titles
// share most words with the description ("Kent MP Ann Hale"), the
// latest named on a tie; when no titles match, the person a pronoun there
// would stand for.
func (d *doc) resolveRole(pi, a, b int) speaker {
	toks := d.toks[pi]
	pos := toks[a].start
	desc := map[string]bool{}
	for k := a; k < b; k++ {
		if w := toks[k].lower; toks[k].word && !determiners[w] && !titleSmallWords[w] && !partyWords[w] && w != "former" {
			desc[titleWord(w)] = true
		}
	}
	descRole := false
	for w := range desc {
		if roleNouns[w] {
			descRole = true
		}
	}
	latest := map[int]int{}
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.start >= pos {
			break
		}
		if m.person < 0 || m.inQuote || (m.kind != kindPerson && m.kind != kindSingle) || d.attributive(i) {
			continue
		}
		latest[m.person] = m.start
	}
	best, bestScore, bestAt := -1, 0, -1
	// people whose titles name another role ("Mayor Tom Ross" for
	// "the leadership candidate")
	conflict := map[int]bool{}
	for p, at := range latest {
		if pos-at > 3000 {
			continue
		}
		score, other := 0, false
		for _, t := range d.people[p].titles {
			for _, w := range nameWords(t) {
				w = titleWord(w)
				if desc[w] {
					score++
				} else if offices[w] {
					other = true
				}
			}
		}
		if score == 0 && other && descRole {
			conflict[p] = true
		}
		if score > 0 && (score > bestScore || (score == bestScore && at > bestAt)) {
			best, bestScore, bestAt = p, score, at
		}
	}
	if best < 0 {
		// no title matches: a person opening a sentence earlier in the
		// paragraph ("Hale warned ... “...,” the Kent MP said"),
		// else the person quoted last, when quoted in the last few
		// paragraphs ("Ross said ... the Devon MP
		// acknowledged"), else whom a pronoun would stand for
		for i := len(d.mentions) - 1; i >= 0; i-- {
			m := &d.mentions[i]
			if m.start >= pos {
				continue
			}
			if m.start < d.paras[pi].Start {
				break
			}
			if m.sentStart && !m.inQuote && !m.poss && m.person >= 0 && !conflict[m.person] && (m.kind == kindPerson || m.kind == kindSingle) {
				d.people[m.person].speaker = true
				return speaker{name: d.people[m.person].name, person: m.person, known: true}
			}
		}
		for i := len(d.quotes) - 1; i >= 0; i-- {
			q := d.quotes[i]
			if q.para < pi-3 {
				break
			}
			if p := q.sp.person; p >= 0 && !conflict[p] {
				if _, ok := latest[p]; ok {
					d.people[p].speaker = true
					return speaker{name: d.people[p].name, person: p, known: true}
				}
			}
		}
		return d.resolvePronounSkip(pos, "", conflict)
	}
	d.people[best].speaker = true
	return speaker{name: d.people[best].name, person: best, known: true}
}

// offices are titles one holds in place of another: "Mayor Bill de
// Blasio" is not "the presidential candidate".
var offices = set("mayor", "governor", "senator", "president", "secretary", "minister", "chairman", "chairwoman",
	"congressman", "congresswoman", "spokesman", "spokeswoman", "representative", "speaker", "judge", "justice")

// partyWords are shared by too many people to pick one out.
var partyWords = set("republican", "democrat", "democratic", "gop", "independent", "libertarian", "conservative",
	"liberal", "progressive", "presidential", "presumptive", "likely")

// nounPhraseEnd returns the end of the noun phrase starting at token a
// ("the Republican presidential candidate"), before b: the first token
// that is no word, a verb or a preposition.
func (d *doc) nounPhraseEnd(pi, a, b int) int {
	toks := d.toks[pi]
	k := a + 1
	for k < b && k < a+7 {
		t := toks[k]
		if !t.word || d.inQ[pi][k] || auxSkip[t.lower] || speechCues[t.lower] || prepositions[t.lower] || whWords[t.lower] ||
			t.lower == "and" || t.lower == "who" || (!t.cap && strings.HasSuffix(t.lower, "ed")) {
			break
		}
		k++
	}
	return k
}

// titleWord spells out an abbreviated title ("sen." is "senator").
func titleWord(w string) string {
	switch strings.TrimSuffix(w, ".") {
	case "sen":
		return "senator"
	case "gov":
		return "governor"
	case "rep":
		return "representative"
	case "pres":
		return "president"
	case "gen":
		return "general"
	}
	return w
}

// attributive reports whether mention i is preceded by a determiner ("the
// Mid Staffordshire scandal").
func (d *doc) attributive(i int) bool {
	m := d.mentions[i]
	pi := d.paraAt(m.start)
	if pi < 0 || m.tokFirst == 0 {
		return false
	}
	p := d.toks[pi][m.tokFirst-1]
	return p.word && (p.lower == "the" || p.lower == "a" || p.lower == "an")
}

// resolveOrg finds the organisation a noun such as "the trust" (or "it")
// stands for: the latest organisation named before pos whose name holds
// the noun, else the latest organisation.
func (d *doc) resolveOrg(pos int, noun string) speaker {
	best := -1
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := &d.mentions[i]
		if m.start >= pos || m.inQuote || m.kind != kindOrg {
			continue
		}
		if noun == "" {
			best = i
			break
		}
		ln := strings.ToLower(m.orgName)
		if strings.Contains(ln, noun) || orgKindMatches(m.orgKind, noun) {
			best = i
			break
		}
		if best < 0 {
			best = i
		}
	}
	if best < 0 {
		return speaker{person: -1, known: true}
	}
	m := d.mentions[best]
	return speaker{name: m.orgName, person: -1, org: true, known: true}
}

func orgKindMatches(kind, noun string) bool {
	switch noun {
	case "trust", "hospital", "infirmary":
		return kind == "nhs-trust" || kind == "nhs-board"
	case "union", "association":
		return kind == "union"
	case "government", "department", "ministry":
		return kind == "government"
	}
	return false
}

// subjectOf finds the speaker of cue c: after it when the cue is inverted
// ("..., said Lily Collins"), else before it.
func (d *doc) subjectOf(pi, lo, c, hi int) (speaker, bool) {
	toks := d.toks[pi]
	if c+1 < hi && toks[c+1].lower == "by" && c > 0 && toks[c-1].word && auxSkip[toks[c-1].lower] {
		// a passive cue: the agent after "by"
		return d.subjectAfter(pi, c, hi)
	}
	if strings.HasSuffix(toks[c].lower, "ing") && c > lo {
		if !toks[c-1].word && d.tokText(toks[c-1]) == "," {
			if sp, ok := d.participleSubject(pi, lo, c); ok {
				return sp, true
			}
		} else if mi, ok := d.mentLastAt(pi, c-1); !ok || (d.mentions[mi].kind != kindPerson && d.mentions[mi].kind != kindSingle) || (d.prepObject(pi, lo, d.mentions[mi].tokFirst) && d.prepWord(pi, d.mentions[mi].tokFirst) != "of") {
			// "Thalen wrote in a letter to Harbour Weekly explaining": the
			// earlier verb's subject ("footage of Trump saying" keeps Trump)
			for k := c - 1; k >= lo; k-- {
				if _, ok := d.isCue(pi, k); ok && !strings.HasSuffix(toks[k].lower, "ing") {
					return d.subjectOf(pi, lo, k, c)
				}
			}
		}
	}
	if c > 0 && !toks[c-1].word {
		switch d.tokText(toks[c-1]) {
		case ",", "”", "\"", "—", "–":
			k := c + 1
			for k < hi && toks[k].word && auxSkip[toks[k].lower] {
				k++
			}
			if k < hi {
				if mi, ok := d.invertedName(pi, k, hi); ok && invertingCues[toks[c].lower] && d.nameEndsClause(pi, d.mentions[mi].tokLast) {
					if sp, ok := d.subjectAfter(pi, c, hi); ok {
						return sp, true
					}
				}
			}
		}
	}
	sp, ok := d.subjectBefore(pi, lo, c)
	if !ok && c > 0 && !toks[c-1].word && d.tokText(toks[c-1]) == "," && invertingCues[toks[c].lower] {
		// "..., aside from ..., said the agency's director, Ann Hale"
		return d.subjectAfter(pi, c, hi)
	}
	return sp, ok
}

// invertedName finds the name that starts at token k after an inverted
// cue, passing over an organisation and a lower-case role before a
// person ("said Leeds University professor Tom Ross").
func (d *doc) invertedName(pi, k, hi int) (int, bool) {
	mi, ok := d.mentFirstAt(pi, k)
	if !ok || d.mentions[mi].kind == kindOther && d.mentions[mi].tokFirst == d.mentions[mi].tokLast {
		return -1, false
	}
	m := d.mentions[mi]
	if m.kind == kindPerson || m.kind == kindSingle {
		return mi, true
	}
	toks := d.toks[pi]
	for x := m.tokLast + 1; x < hi && x <= m.tokLast+3; x++ {
		if pm, ok := d.mentFirstAt(pi, x); ok {
			if d.mentions[pm].kind == kindPerson && x > m.tokLast+1 {
				return pm, true
			}
			break
		}
		if !toks[x].word || toks[x].cap || speechCues[toks[x].lower] || prepositions[toks[x].lower] || toks[x].lower == "who" {
			break
		}
	}
	if m.kind == kindOther {
		return -1, false
	}
	return mi, true
}

// participleSubject: ", adding", ", noting" take the subject of the
// clause's earlier speech verb, or of the clause.
func (d *doc) participleSubject(pi, lo, c int) (speaker, bool) {
	toks := d.toks[pi]
	for k := c - 1; k >= lo; k-- {
		if _, ok := d.isCue(pi, k); ok && !strings.HasSuffix(toks[k].lower, "ing") {
			return d.subjectOf(pi, lo, k, c)
		}
	}
	return d.headSegment(pi, lo, c, false)
}

// subjectBefore finds the speaker of cue token c whose subject stands
// before it, looking no further back than token lo.
func (d *doc) subjectBefore(pi, lo, c int) (speaker, bool) {
	toks := d.toks[pi]
	j := c - 1
	// punct is set when a comma or dash stands between the subject and
	// the cue
	punct := false
	for j >= lo {
		t := toks[j]
		if !t.word {
			s := d.tokText(t)
			if s == ")" {
				// skip a parenthesis: "Rep. Gwen Moore (D-Wis.) said"
				k := j - 1
				for k >= lo && d.tokText(toks[k]) != "(" && j-k < 12 {
					k--
				}
				if k >= lo && d.tokText(toks[k]) == "(" {
					j = k - 1
					continue
				}
			}
			if s == "," || s == "—" || s == "–" {
				punct = true
				j--
				continue
			}
			break
		}
		if (auxSkip[t.lower] && !d.nameAt(pi, j)) || partyState.MatchString(d.tokText(t)) {
			j--
			continue
		}
		if calendarWords[t.lower] && j-1 >= lo && (toks[j-1].lower == "on" || toks[j-1].lower == "last" || toks[j-1].lower == "this") {
			j -= 2
			continue
		}
		break
	}
	if j < lo {
		return noSpeaker, false
	}
	t := toks[j]
	if t.word && !d.inQ[pi][j] {
		switch {
		case personPronouns[t.lower]:
			return d.resolvePronoun(t.start, t.lower), true
		case orgPronouns[t.lower]:
			return d.resolveOrg(t.start, ""), true
		case t.lower == "i" || t.lower == "we" || t.lower == "you":
			return speaker{person: -1, known: true}, true
		case t.lower == "who":
			// "according to Lena Fischer, who said"
			k := j - 1
			if k >= lo && !toks[k].word && d.tokText(toks[k]) == "," {
				k--
			}
			if mi, ok := d.mentLastAt(pi, k); ok && k >= lo {
				if m := d.mentions[mi]; m.kind == kindPerson || m.kind == kindSingle {
					return d.withApposition(d.mentionSpeaker(mi), pi, mi, c), true
				}
			}
		}
	}
	if mi, ok := d.mentLastAt(pi, j); ok && !d.inQ[pi][j] {
		if m := &d.mentions[mi]; m.kind == kindOther && m.tokFirst == m.tokLast && !calendarWords[toks[j].lower] && j == c-1 {
			// "Israel said": a lone capitalised word right before the verb
			m.kind = kindSingle
		}
		m := d.mentions[mi]
		prepObj := d.prepObject(pi, lo, m.tokFirst) && !strings.HasSuffix(toks[c].lower, "ing")
		// a name right before the verb is its subject even inside a
		// clause ("so heated that Gov. Lena Pratt said"); across a comma
		// it may belong to a relative clause ("Ames, who hired Pratt, said")
		if !prepObj && !(punct && d.inRelative(pi, lo, m.tokFirst)) && !d.reportedSubject(pi, lo, m.tokFirst) {
			if m.kind == kindPerson || m.kind == kindSingle {
				return d.withApposition(d.mentionSpeaker(mi), pi, mi, c), true
			}
			if m.kind == kindOrg {
				if sp, ok := d.headSegment(pi, lo, c, true); ok && sp.person >= 0 {
					return sp, true
				}
				return d.mentionSpeaker(mi), true
			}
		}
	}
	if sp, ok := d.headSegment(pi, lo, c, false); ok {
		return sp, true
	}
	// "to which Williams looks shocked and replies": the latest person
	// named in the clause
	if t.word && (t.lower == "and" || t.lower == "but" || t.lower == "then" || strings.HasSuffix(t.lower, "ly")) {
		for k := j; k >= lo; k-- {
			if mi, ok := d.mentLastAt(pi, k); ok && !d.inQ[pi][k] {
				m := d.mentions[mi]
				if (m.kind == kindPerson || m.kind == kindSingle) && !m.poss && !d.prepObject(pi, lo, m.tokFirst) && !d.attributive(mi) {
					return d.mentionSpeaker(mi), true
				}
			}
		}
	}
	return noSpeaker, false
}

// inRelative reports whether token k sits in a "who ..."/"which ..." clause
// that starts after lo.
func (d *doc) inRelative(pi, lo, k int) bool {
	toks := d.toks[pi]
	for i := k - 1; i >= lo; i-- {
		t := toks[i]
		if !t.word {
			switch d.tokText(t) {
			case ",", "―", "—", "–", "(", ")", ":", ";":
				return false
			}
		}
		if t.word && (t.lower == "who" || t.lower == "which" || t.lower == "whose" || t.lower == "that" || t.lower == "where") {
			return true
		}
	}
	return false
}

// reportedSubject reports whether the name at token k is the subject of
// speech reported by an earlier verb ("Kim said that Lee begged her"): the
// quote then belongs to the outer speaker.
func (d *doc) reportedSubject(pi, lo, k int) bool {
	toks := d.toks[pi]
	x := k - 1
	if x >= lo && toks[x].word && toks[x].lower == "that" {
		x--
	}
	if x < lo || !toks[x].word || d.inQ[pi][x] {
		return false
	}
	_, ok := d.isCue(pi, x)
	return ok
}

// segments splits toks[lo:hi] at commas outside quotes.
func (d *doc) segments(pi, lo, hi int) [][2]int {
	var out [][2]int
	s := lo
	for i := lo; i < hi; i++ {
		t := d.toks[pi][i]
		// a comma outside the marks, or just inside a closing one
		// (called “distasteful,” Santilli said)
		closingComma := d.inQ[pi][i] && i+1 < hi && !d.toks[pi][i+1].word && markKind(firstRune(d.tokText(d.toks[pi][i+1]))) != 0
		if !t.word && d.tokText(t) == "," && (!d.inQ[pi][i] || closingComma) {
			if i > s {
				out = append(out, [2]int{s, i})
			}
			s = i + 1
		}
	}
	if hi > s {
		out = append(out, [2]int{s, hi})
	}
	return out
}

// headSegment reads the subject from the first comma segment of the
// clause that is not an introductory phrase ("Rae Wheatcroft, chief
// operating officer at the trust, said"). personOnly asks only for people.
func (d *doc) headSegment(pi, lo, c int, personOnly bool) (speaker, bool) {
	toks := d.toks[pi]
	segs := d.segments(pi, lo, c)
	for si, sg := range segs {
		a, b := sg[0], sg[1]
		for a < b && !toks[a].word {
			a++
		}
		if a >= b {
			continue
		}
		// leading conjunctions belong to no phrase
		for a < b && toks[a].word && conjunctions[toks[a].lower] {
			a++
		}
		// a heading in capitals before a dash ("CONGRESS HAS INVESTIGATED
		// HIM — Oz’s advice ...") is not the subject
		a = d.skipHeading(pi, a, b)
		if a >= b {
			continue
		}
		first := toks[a]
		// "Though she called ...": a subordinate clause holding the verb
		// has its own subject after the conjunction
		if subordinators[first.lower] && si == len(segs)-1 && a+1 < b && toks[a+1].word {
			if n := toks[a+1]; personPronouns[n.lower] || d.startsMention(pi, a+1) {
				a++
				first = toks[a]
			}
		}
		if introWords[first.lower] || (strings.HasSuffix(first.lower, "ing") && !first.cap) || (strings.HasSuffix(first.lower, "ing") && first.cap && !d.startsMention(pi, a)) || d.timeAdverbial(pi, a, b) {
			continue
		}
		if personPronouns[first.lower] && si == len(segs)-1 {
			// "she called Wells Fargo’s behavior ...": the pronoun opens
			// the clause of the verb
			return d.resolvePronoun(first.start, first.lower), true
		}
		// the subject ends where a clause begins
		for k := a + 1; k < b; k++ {
			if toks[k].word && !d.inQ[pi][k] {
				switch toks[k].lower {
				case "that", "who", "which", "whose", "because", "when", "if", "whether", "after", "before", "while":
					b = k
				}
			}
		}
		// people in the segment
		var persons, orgs []int
		for k := a; k < b; k++ {
			if mi, ok := d.mentFirstAt(pi, k); ok && !d.inQ[pi][k] {
				m := d.mentions[mi]
				prepObj := d.prepObject(pi, a, k)
				if prepObj && !(k > a && (toks[k-1].lower == "by" || toks[k-1].lower == "for" || toks[k-1].lower == "from") && d.hasSpokes(pi, a, k)) {
					continue
				}
				if (m.kind == kindPerson || m.kind == kindSingle) && !d.attributive(mi) {
					persons = append(persons, mi)
				} else if m.kind == kindOrg {
					orgs = append(orgs, mi)
				}
			}
		}
		// "Hillary Clinton’s campaign manager Robby Mook"
		for len(persons) > 1 && d.mentions[persons[0]].poss {
			persons = persons[1:]
		}
		// "Hale’s Kent campaign director, Tom Ross, wrote": the name
		// in apposition after the possessive's role
		if len(persons) == 1 && d.mentions[persons[0]].poss && len(orgs) == 0 && si+1 < len(segs) {
			na, nb := segs[si+1][0], segs[si+1][1]
			if mi, ok := d.mentFirstAt(pi, na); ok && d.mentions[mi].tokLast == nb-1 && d.mentions[mi].kind == kindPerson {
				return d.withApposition(d.mentionSpeaker(mi), pi, mi, c), true
			}
		}
		// "Hale’s campaign brushed aside Ross’s remarks": an organisation
		// opening the phrase is its head
		allPoss := true
		for _, mi := range persons {
			if !d.mentions[mi].poss {
				allPoss = false
			}
		}
		if len(orgs) > 0 && len(persons) > 0 && allPoss && d.mentions[orgs[0]].tokFirst <= a+1 && d.mentions[persons[0]].tokFirst > d.mentions[orgs[0]].tokFirst && !personOnly {
			return d.mentionSpeaker(orgs[0]), true
		}
		if len(persons) > 0 {
			mi := persons[0]
			if d.mentions[mi].kind == kindSingle && d.mentions[mi].person < 0 && d.mentions[mi].sentStart && mi != persons[len(persons)-1] && !d.verbFollows(pi, d.mentions[mi].tokLast) && !(d.mentions[mi].tokLast+1 < b && toks[d.mentions[mi].tokLast+1].lower == "and") {
				mi = persons[len(persons)-1]
			}
			return d.withApposition(d.mentionSpeaker(mi), pi, mi, c), true
		}
		if personOnly {
			return noSpeaker, false
		}
		noun := ""
		for k := a; k < b; k++ {
			if toks[k].word && orgNouns[toks[k].lower] && k > a && (toks[k-1].lower == "the" || toks[k-1].lower == "its" || toks[k-1].lower == "this") {
				noun = toks[k].lower
			}
		}
		if len(orgs) > 0 {
			return d.mentionSpeaker(orgs[0]), true
		}
		if noun != "" {
			return d.resolveOrg(toks[a].start, noun), true
		}
		if personPronouns[first.lower] {
			// "He sent out an email ...": the pronoun is the subject
			return d.resolvePronoun(first.start, first.lower), true
		}
		if d.hasSpokes(pi, a, b) {
			if sp, ok := d.statementSource(pi, a, b); ok {
				return sp, true
			}
			// "A spokeswoman said" after "The BMA has said ...": the
			// organisation reported speaking just before
			for q := pi; q >= 0 && q >= pi-1; q-- {
				if sp, ok := d.orgSpeaking(q, toks[a].start); ok {
					return sp, true
				}
			}
			return d.resolveOrg(toks[a].start, ""), true
		}
		if first.lower == "the" {
			// "The former secretary of State said": a title standing for
			// the person named before
			for k := a + 1; k < b; k++ {
				if toks[k].word && roleNouns[toks[k].lower] {
					return d.resolveRole(pi, a, d.nounPhraseEnd(pi, a, b)), true
				}
			}
		}
		if determiners[first.lower] {
			return speaker{person: -1, known: true}, true
		}
	}
	return noSpeaker, false
}

// verbFollows reports whether the word after token k reads as a finite
// verb ("Perez hammered", "Perez has"), making the name before it a subject.
func (d *doc) verbFollows(pi, k int) bool {
	toks := d.toks[pi]
	if k+1 >= len(toks) || !toks[k+1].word || toks[k+1].cap {
		return false
	}
	w := toks[k+1].lower
	return auxSkip[w] || speechCues[w] || (strings.HasSuffix(w, "ed") && len(w) > 4)
}

// timeAdverbial reports whether a comma segment is a time phrase ("a few
// days later", "two weeks ago") rather than a subject.
func (d *doc) timeAdverbial(pi, a, b int) bool {
	toks := d.toks[pi]
	if b-a > 5 || b <= a {
		return false
	}
	switch toks[b-1].lower {
	case "later", "ago", "earlier", "before", "after", "afterward", "afterwards", "since":
	default:
		return false
	}
	for k := a; k < b; k++ {
		if d.startsMention(pi, k) || !toks[k].word {
			return false
		}
	}
	return true
}

// skipHeading returns the token after a run of two or more words in
// capitals (or one opening the paragraph) and the dash that ends it,
// starting at token a; else a.
func (d *doc) skipHeading(pi, a, b int) int {
	toks := d.toks[pi]
	k, n := a, 0
	for k < b && toks[k].word {
		w := d.tokText(toks[k])
		if len(w) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
			break
		}
		k++
		n++
	}
	// one word will do at the start of a paragraph: a dateline
	// ("WASHINGTON — ...")
	if n == 0 || (n < 2 && a > 0) || k >= b {
		return a
	}
	switch d.tokText(toks[k]) {
	case "—", "–", "-", ":":
		return k + 1
	}
	return a
}

// nameAt reports whether token k is a capitalised word ending a person's
// name ("Will" in "George Will"), not the auxiliary it spells.
func (d *doc) nameAt(pi, k int) bool {
	if !d.toks[pi][k].cap {
		return false
	}
	mi, ok := d.mentLastAt(pi, k)
	return ok && (d.mentions[mi].kind == kindPerson || d.mentions[mi].kind == kindSingle)
}

func (d *doc) startsMention(pi, k int) bool {
	_, ok := d.mentFirstAt(pi, k)
	return ok
}

// subjectAfter finds the speaker of cue token c whose subject follows it
// ("said Sir Julian Hartley", "according to the trust").
func (d *doc) subjectAfter(pi, c, hi int) (speaker, bool) {
	toks := d.toks[pi]
	k := c + 1
	if toks[c].lower == "according" || toks[c].lower == "pointed" || toks[c].lower == "points" || toks[c].lower == "point" || toks[c].lower == "went" || (k < hi && toks[k].lower == "by") {
		k++
	}
	for k < hi && toks[k].word && auxSkip[toks[k].lower] {
		k++
	}
	if k >= hi || !toks[k].word || d.inQ[pi][k] {
		return noSpeaker, false
	}
	t := toks[k]
	if personPronouns[t.lower] {
		return d.resolvePronoun(t.start, t.lower), true
	}
	// a name within the next few words: "said 9/11 widow Terry Strada"
	for x := k; x < hi && x < k+6; x++ {
		if mi, ok := d.mentFirstAt(pi, x); ok {
			m := d.mentions[mi]
			if m.kind == kindOrg {
				// "said Leeds University professor Tom Ross"
				if pm, ok := d.invertedName(pi, x, hi); ok {
					mi, m = pm, d.mentions[pm]
				}
			}
			if m.kind == kindPerson || m.kind == kindSingle || m.kind == kindOrg {
				return d.withApposition(d.mentionSpeaker(mi), pi, mi, -1), true
			}
		}
		tx := toks[x]
		if !tx.word {
			if s := d.tokText(tx); s != "/" && s != "-" {
				break
			}
			continue
		}
		if tx.lower == "who" || tx.lower == "which" || tx.lower == "in" || tx.lower == "on" || tx.lower == "at" || tx.lower == "after" || tx.lower == "that" || tx.lower == "to" {
			break
		}
	}
	if determiners[t.lower] || t.lower == "this" {
		// a noun phrase up to punctuation or a verb-like word
		end := k + 1
		for end < hi && end < k+8 {
			tt := toks[end]
			if !tt.word {
				break
			}
			if tt.lower == "who" || tt.lower == "which" || tt.lower == "in" || tt.lower == "on" || tt.lower == "at" {
				break
			}
			end++
		}
		// "said the agency's director, James B. Coley": the name in
		// apposition
		if end < hi && end+1 < hi && !toks[end].word && d.tokText(toks[end]) == "," {
			if mi, ok := d.mentFirstAt(pi, end+1); ok && d.mentions[mi].kind == kindPerson {
				return d.withApposition(d.mentionSpeaker(mi), pi, mi, -1), true
			}
		}
		noun := ""
		spokes := false
		for x := k; x < end; x++ {
			if mi, ok := d.mentFirstAt(pi, x); ok {
				m := d.mentions[mi]
				if m.kind == kindOrg || m.kind == kindPerson {
					return d.mentionSpeaker(mi), true
				}
			}
			if spokesWords[toks[x].lower] {
				spokes = true
			}
			if orgNouns[toks[x].lower] && noun == "" {
				noun = toks[x].lower
			}
		}
		if noun != "" {
			return d.resolveOrg(t.start, noun), true
		}
		if spokes {
			return d.resolveOrg(t.start, ""), true
		}
		if t.lower == "the" {
			// "said the Democratic nominee"
			for x := k + 1; x < end; x++ {
				if roleNouns[toks[x].lower] {
					return d.resolveRole(pi, k, d.nounPhraseEnd(pi, k, end)), true
				}
			}
		}
		return speaker{person: -1, known: true}, true
	}
	return noSpeaker, false
}

// withApposition adds the title and organisation an appositive gives:
// "Rae Wheatcroft, Chief Operating Officer at Bolton NHS Foundation Trust,".
func (d *doc) withApposition(sp speaker, pi, mi, c int) speaker {
	if sp.person < 0 || sp.person >= len(d.people) {
		return sp
	}
	p := &d.people[sp.person]
	m := d.mentions[mi]
	for _, t := range m.titles {
		if sp.title == "" && !isHonorific(t) {
			sp.title = t
		}
	}
	toks := d.toks[pi]
	k := m.tokLast + 1
	if k < len(toks) && !toks[k].word && d.tokText(toks[k]) == "," {
		a := k + 1
		e := a
		for e < len(toks) && (c < 0 || e < c) {
			t := toks[e]
			if !t.word {
				s := d.tokText(t)
				if s == "," || s == "." || s == ":" || s == ";" || s == "“" || s == "\"" {
					break
				}
			}
			if t.word && (t.lower == "who" || t.lower == "which" || t.lower == "whose" || speechCues[t.lower]) {
				e = -1
				break
			}
			e++
		}
		if e > a && e-a <= 14 && !auxSkip[toks[a].lower] {
			ap := d.text[toks[a].start:toks[e-1].possEnd]
			if !firstRuneDigit(ap) {
				title, org := splitRole(ap)
				// an organisation named inside the appositive
				for x := a; x < e; x++ {
					if oi, ok := d.mentFirstAt(pi, x); ok && d.mentions[oi].kind == kindOrg {
						org = d.mentions[oi].orgName
						break
					}
				}
				if title != "" {
					p.addTitle(title)
					if sp.title == "" {
						sp.title = title
					}
				}
				if org != "" {
					if p.org == "" {
						p.org = org
					}
					sp.orgOf = org
				}
			}
		}
	}
	if sp.title == "" {
		sp.title = p.role()
	}
	if sp.orgOf == "" {
		sp.orgOf = p.org
	}
	return sp
}

func firstRuneDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// splitRole splits "chief operating officer at Bolton NHS Foundation
// Trust" into the role and the organisation.
func splitRole(s string) (string, string) {
	s = strings.TrimSpace(s)
	for _, det := range []string{"a ", "an ", "the ", "A ", "An ", "The ", "its ", "his ", "her ", "their ", "our "} {
		s = strings.TrimPrefix(s, det)
	}
	// "NHS’s national incident director"
	for _, ap := range []string{"’s ", "'s "} {
		if i := strings.Index(s, ap); i > 0 && firstRuneUpper(s) && !strings.Contains(s[:i], " ") {
			return s[i+len(ap):], s[:i]
		}
	}
	if !strings.Contains(s, " ") && firstRuneUpper(s) {
		// a lone capitalised word is a place ("Dr Nina Beck, Bristol")
		return "", ""
	}
	for _, sep := range []string{" at ", " of ", " for ", " with "} {
		if i := strings.Index(s, sep); i > 0 {
			role, org := s[:i], strings.TrimSpace(s[i+len(sep):])
			org = strings.TrimPrefix(org, "the ")
			if org != "" && firstRuneUpper(org) {
				return role, org
			}
			return role, ""
		}
	}
	return s, ""
}

// prepObject reports whether the name starting at token k is the object of
// a preposition ("by the Telegraph", "at Sandwell").
func (d *doc) prepObject(pi, lo, k int) bool {
	toks := d.toks[pi]
	nouns := 0
	for x := k - 1; x >= lo && x >= k-3; x-- {
		t := toks[x]
		if !t.word {
			return false
		}
		if prepositions[t.lower] || t.lower == "by" {
			return true
		}
		if whWords[t.lower] {
			// "for what Newt Gingrich called", "to which O'Malley replied"
			return false
		}
		if !determiners[t.lower] && !t.cap {
			// one common noun may stand between: "with journalist Matei Rosca"
			if nouns > 0 || speechCues[t.lower] || auxSkip[t.lower] || conjunctions[t.lower] || t.lower == "that" || t.lower == "who" {
				return false
			}
			nouns++
		}
	}
	return false
}

// invertingCues may come before their subject ("..., said Lily Collins").
var invertingCues = set("said", "says", "added", "adds", "explained", "explains", "continued", "continues",
	"wrote", "writes", "asked", "asks", "replied", "replies", "insisted", "insists", "recalled", "recalls",
	"warned", "warns", "noted", "notes", "argued", "argues", "concluded", "responded", "declared", "laughed")

// nameEndsClause reports whether the name ending at token k is followed by
// punctuation or a preposition, as an inverted subject is ("said X, a
// doctor"), not by a verb ("said X had ...").
func (d *doc) nameEndsClause(pi, k int) bool {
	toks := d.toks[pi]
	if k+1 >= len(toks) {
		return true
	}
	n := toks[k+1]
	if !n.word {
		return true
	}
	switch n.lower {
	case "in", "on", "at", "of", "who", "from", "during", "after", "before", "to", "when", "while", "as":
		return true
	}
	return false
}

// genderOfPerson is the gender the article's names and titles suggest.
func (d *doc) genderOfPerson(i int) byte {
	p := &d.people[i]
	return genderOf(p.words, p.titles)
}

// roleNouns are job titles that, after "the", stand for a person named
// earlier ("the senator", "the health secretary").
var roleNouns = set("senator", "nominee", "candidate", "secretary", "minister", "president", "governor",
	"mayor", "chairman", "chairwoman", "congressman", "congresswoman", "mp", "businessman", "businesswoman",
	"billionaire", "lawmaker", "democrat", "republican", "chancellor", "premier", "leader", "spokesman",
	"spokeswoman", "chief", "executive", "director", "founder", "host", "star", "commentator",
	"frontrunner", "front-runner", "congressman", "congresswoman", "representative", "speaker", "mogul", "tycoon")

// statementSource: "The statement says" after a quote comes from whoever
// was quoted last, within the last few paragraphs.
func (d *doc) statementSource(pi, a, b int) (speaker, bool) {
	toks := d.toks[pi]
	isStatement := false
	for k := a; k < b; k++ {
		switch toks[k].lower {
		case "statement", "letter", "email", "release":
			isStatement = true
		case "spokesman", "spokeswoman", "spokesperson":
			return noSpeaker, false
		}
	}
	if !isStatement {
		return noSpeaker, false
	}
	for i := len(d.quotes) - 1; i >= 0; i-- {
		q := d.quotes[i]
		if q.para < pi-4 {
			break
		}
		if q.sp.name != "" {
			return q.sp, true
		}
	}
	return noSpeaker, false
}

// subordinators open a clause with a subject of its own ("Though she
// called ...", "As Clinton put it").
var subordinators = set("though", "although", "while", "whilst", "when", "as", "because", "since", "after", "before", "if", "once")

// whWords open a clause whose subject follows them.
var whWords = set("what", "which", "who", "whom", "whose", "whatever", "how", "whether", "where", "when")

var conjunctions = set("and", "but", "so", "yet", "or", "also", "then", "still", "plus")

// hasSpokes reports whether tokens a..b-1 hold a word for a statement or a
// spokesperson.
func (d *doc) hasSpokes(pi, a, b int) bool {
	for k := a; k < b; k++ {
		if t := d.toks[pi][k]; t.word && spokesWords[t.lower] {
			return true
		}
	}
	return false
}

// orgSpeaking finds an organisation named as the subject of a speech verb
// in paragraph pi before byte pos ("The BMA has said ...").
func (d *doc) orgSpeaking(pi, pos int) (speaker, bool) {
	toks := d.toks[pi]
	for c := range toks {
		if toks[c].start >= pos {
			break
		}
		if _, ok := d.isCue(pi, c); !ok {
			continue
		}
		j := c - 1
		for j >= 0 && toks[j].word && auxSkip[toks[j].lower] {
			j--
		}
		if j < 0 {
			continue
		}
		if mi, ok := d.mentLastAt(pi, j); ok && !d.inQ[pi][j] && d.mentions[mi].kind == kindOrg {
			return d.mentionSpeaker(mi), true
		}
	}
	return noSpeaker, false
}

// prepWord returns the preposition governing the name at token k ("from"
// in "praise from Vladimir Putin"), or "".
func (d *doc) prepWord(pi, k int) string {
	toks := d.toks[pi]
	for x := k - 1; x >= 0 && x >= k-3; x-- {
		t := toks[x]
		if !t.word {
			return ""
		}
		if prepositions[t.lower] || t.lower == "by" {
			return t.lower
		}
	}
	return ""
}
