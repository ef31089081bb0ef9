package quote

import (
	"slices"
	"sort"
	"strings"
)

// person is one entry of the article's people registry.
type person struct {
	name     string
	words    []string
	titles   []string
	org      string
	mentions []Mention
	speaker  bool // used as a speaker (single names only count then)
	single   bool // known only by one word
}

// addTitle records a title once.
func (p *person) addTitle(t string) {
	t = strings.TrimSpace(strings.Trim(t, " ,.;:"))
	if t == "" || len(t) > 80 {
		return
	}
	for _, x := range p.titles {
		if strings.EqualFold(x, t) {
			return
		}
	}
	p.titles = append(p.titles, t)
}

// resolvePeople builds the registry from the name mentions in text order:
// full names register people; surnames, first names and honorific forms
// resolve to the latest full name given earlier.
func (d *doc) resolvePeople() {
	for i := range d.mentions {
		m := &d.mentions[i]
		if (m.kind == kindOther || m.kind == kindOrg) && d.surnameMention(m) {
			m.kind = kindSingle
			m.titles = nil
		}
		if m.kind != kindPerson && m.kind != kindSingle {
			continue
		}
		name := d.text[m.nameStart:m.nameEnd]
		ws := nameWords(name)
		if len(ws) == 0 {
			continue
		}
		if len(ws) >= 2 {
			idx := d.findFull(ws)
			if idx < 0 {
				d.people = append(d.people, person{name: name, words: ws})
				idx = len(d.people) - 1
			}
			m.person = idx
			d.attach(idx, m)
			continue
		}
		idx := d.findPart(ws[0])
		if idx >= 0 {
			m.person = idx
			d.attach(idx, m)
			continue
		}
		if m.kind == kindPerson || (m.kind == kindSingle && d.singleLooksPerson(m)) {
			d.people = append(d.people, person{name: name, words: ws, single: true})
			m.person = len(d.people) - 1
			m.kind = kindPerson
			d.attach(m.person, m)
		}
	}
}

// surnameMention reports whether a lone word that reads as a title, an
// organisation or a place ("King", "Law", "Ward") is the surname of a
// person named before ("Billie Jean King ... King said").
func (d *doc) surnameMention(m *mention) bool {
	if m.tokFirst != m.tokLast || m.linked {
		return false
	}
	pi := d.paraAt(m.start)
	if pi < 0 {
		return false
	}
	toks := d.toks[pi]
	t := toks[m.tokFirst]
	if isAcronym(d.text[t.start:t.end]) {
		return false
	}
	if m.tokFirst > 0 && toks[m.tokFirst-1].word && determiners[toks[m.tokFirst-1].lower] {
		return false
	}
	w := t.lower
	if !honorifics[w] && !titleWords[w] && !orgHeads[w] && !placeWords[w] {
		return false
	}
	if placeWords[w] && !d.subjectOfCue(toks, m.tokFirst) {
		return false
	}
	for i := range d.people {
		if p := &d.people[i]; len(p.words) >= 2 && p.words[len(p.words)-1] == w {
			return true
		}
	}
	return false
}

// singleLooksPerson accepts a lone capitalised word as a person when an
// appositive follows it ("Sabrieh, a junior doctor, said").
func (d *doc) singleLooksPerson(m *mention) bool {
	// "Lynch announced", "Kunin said"
	if pi := d.paraAt(m.start); pi >= 0 && !m.poss {
		toks := d.toks[pi]
		k := m.tokLast + 1
		for k < len(toks) && toks[k].word && auxSkip[toks[k].lower] {
			k++
		}
		if k < len(toks) && toks[k].word && speechCues[toks[k].lower] && toks[k].lower != "according" {
			return true
		}
	}
	rest := d.text[m.end:min(len(d.text), m.end+12)]
	for _, p := range []string{", a ", ", an ", ", the ", ", who ", ", whose ", ", 1", ", 2", ", 3", ", 4", ", 5", ", 6", ", 7", ", 8", ", 9"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func (d *doc) attach(idx int, m *mention) {
	p := &d.people[idx]
	p.mentions = append(p.mentions, Mention{Text: d.text[m.start:m.end], Start: m.start, End: m.end})
	for _, t := range m.titles {
		p.addTitle(t)
	}
}

// findFull finds a person whose words equal ws, or a single-word person
// that ws completes.
func (d *doc) findFull(ws []string) int {
	for i := len(d.people) - 1; i >= 0; i-- {
		p := &d.people[i]
		if slices.Equal(p.words, ws) {
			return i
		}
	}
	// a middle initial or name: "Donald J. Trump" and "Donald Trump"
	for i := len(d.people) - 1; i >= 0; i-- {
		p := &d.people[i]
		if len(p.words) >= 2 && p.words[0] == ws[0] && p.words[len(p.words)-1] == ws[len(ws)-1] {
			if len(ws) > len(p.words) {
				p.name, p.words = strings.Join(ws, " "), ws
			}
			return i
		}
	}
	return -1
}

// findPart resolves a surname or first name to the latest person given
// earlier with a full name.
func (d *doc) findPart(w string) int {
	// the surname of several people ("Collins"): the one named last
	best, bestAt := -1, -1
	for i := len(d.people) - 1; i >= 0; i-- {
		p := &d.people[i]
		if len(p.words) >= 2 && p.words[len(p.words)-1] == w {
			at := 0
			for _, m := range p.mentions {
				at = max(at, m.Start)
			}
			if at > bestAt {
				best, bestAt = i, at
			}
		}
	}
	if best >= 0 {
		return best
	}
	for i := len(d.people) - 1; i >= 0; i-- {
		p := &d.people[i]
		if len(p.words) >= 2 && p.words[0] == w {
			return i
		}
	}
	for i := len(d.people) - 1; i >= 0; i-- {
		p := &d.people[i]
		if len(p.words) == 1 && p.words[0] == w {
			return i
		}
	}
	return -1
}

// outPeople lists the people for the Result: every full-named person, and
// single-named ones that speak.
func (d *doc) outPeople() []Person {
	// a surname given before the full name ("Kearney ... Martha
	// Kearney") joins the full name
	merged := make([]bool, len(d.people))
	for i := range d.people {
		p := &d.people[i]
		if len(p.words) != 1 {
			continue
		}
		for j := range d.people {
			q := &d.people[j]
			if len(q.words) >= 2 && q.words[len(q.words)-1] == p.words[0] {
				q.mentions = append(q.mentions, p.mentions...)
				for _, t := range p.titles {
					q.addTitle(t)
				}
				merged[i] = true
				break
			}
		}
	}
	var out []Person
	for i, p := range d.people {
		if merged[i] || (p.single && !p.speaker) {
			continue
		}
		ms := append([]Mention(nil), p.mentions...)
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
		out = append(out, Person{Name: p.name, Titles: append([]string(nil), p.titles...), Organisation: p.org, Mentions: ms})
	}
	return out
}

// role is the person's first title that is more than a form of address,
// else the first title.
func (p *person) role() string {
	for _, t := range p.titles {
		if !isHonorific(t) {
			return t
		}
	}
	if len(p.titles) > 0 {
		return p.titles[0]
	}
	return ""
}

// isHonorific reports whether a title is only forms of address ("Mr",
// "Prof", "Sir").
func isHonorific(t string) bool {
	ws := nameWords(t)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		switch w {
		case "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "professor", "lord", "lady", "rev", "cllr", "hon", "rt":
		default:
			return false
		}
	}
	return true
}
