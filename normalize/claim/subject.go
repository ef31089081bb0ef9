package claim

import (
	"strings"

	"github.com/cuttings/cuttings/normalize"
)

// subjectFor finds who a count is about, and how it was found:
//
//   - "explicit": a coded organisation or a place in the count's clause
//     (before it, or after it with no other count between);
//   - "preceding": else the nearest one earlier in the sentence;
//   - "speaker": the quote's speaker is a coded organisation, or a
//     national figure (the Health Secretary) speaks → England;
//   - "coref": "the trust", "the hospital", "its" → the organisation named
//     last; "It means", "It said" → the subject of the claim before;
//   - "national": NHS England's or national figures → England;
//   - "running": the subject of the claim before.
//
// It returns an empty how when no subject can be given.
func (b *builder) subjectFor(si int, c normalize.Count, cs, ce int, q *normalize.Quote) (normalize.Subject, string) {
	s := b.sents[si]
	if subj, ok := b.explicit(c, cs, ce); ok {
		return subj, "explicit"
	}
	if subj, ok := b.precedingInSentence(c, s.start); ok {
		return subj, "preceding"
	}
	if subj, ok := b.fromSpeaker(q, s); ok {
		return subj, "speaker"
	}
	before := b.text[s.start:c.Span.Start]
	if anyIn(before, itLits) && itRe.MatchString(before) {
		if p := b.lastPrior(); p != nil {
			return p.claim.Subject, "coref"
		}
	}
	if hasLowerWords(b.lowerAt(s.start, c.Span.Start), corefPhrases) || hasLowerWords(b.lowerAt(cs, ce), corefPhrases) {
		if o, ok := b.orgBefore(c.Span.Start); ok {
			return o.subject, "coref"
		}
	}
	if b.infoOf(si).national {
		return england, "national"
	}
	if p := b.runningPrior(); p != nil {
		return p.claim.Subject, "running"
	}
	return normalize.Subject{}, ""
}

// explicit looks for an organisation or a place inside the clause.
// Organisations win over places; the nearest wins among equals.
func (b *builder) explicit(c normalize.Count, cs, ce int) (normalize.Subject, bool) {
	bestOrg, bestOrgDist := normalize.Subject{}, -1
	for _, o := range b.orgs {
		if o.end <= cs || o.start >= ce || overlaps(o.start, o.end, c.Span.Start, c.Span.End) {
			continue
		}
		d, ok := b.reach(c, o.start, o.end)
		if ok && (bestOrgDist < 0 || d < bestOrgDist) {
			bestOrg, bestOrgDist = o.subject, d
		}
	}
	if bestOrgDist >= 0 {
		return bestOrg, true
	}
	bestPlace, bestDist := "", -1
	for _, p := range b.places {
		if p.end <= cs || p.start >= ce || overlaps(p.start, p.end, c.Span.Start, c.Span.End) {
			continue
		}
		d, ok := b.reach(c, p.start, p.end)
		if ok && (bestDist < 0 || d < bestDist) {
			bestPlace, bestDist = p.name, d
		}
	}
	if bestDist >= 0 {
		return normalize.Subject{Name: bestPlace}, true
	}
	return normalize.Subject{}, false
}

// reach reports whether a mention at start..end can be the count's
// subject, and how far it is. A mention before the count always can; one
// after it only when no other count stands between them, a breakdown in
// dashes or brackets aside.
func (b *builder) reach(c normalize.Count, start, end int) (int, bool) {
	if end <= c.Span.Start {
		return c.Span.Start - end, true
	}
	for _, o := range b.counts {
		if o.Span.Start >= c.Span.End && o.Span.End <= start && !b.parenthetical(c.Span.End, o.Span.Start, start) {
			return 0, false
		}
	}
	return start - c.Span.End, true
}

// parenthetical reports whether pos, between from and to, sits inside a
// pair of dashes or brackets opened after from and closed before to.
func (b *builder) parenthetical(from, pos, to int) bool {
	if from > pos || pos > to || to > len(b.text) {
		return false
	}
	before, after := b.text[from:pos], b.text[pos:to]
	if strings.Contains(before, " – ") && strings.Contains(after, " – ") {
		return true
	}
	if strings.Contains(before, " — ") && strings.Contains(after, " — ") {
		return true
	}
	return strings.Contains(before, "(") && strings.Contains(after, ")")
}

// precedingInSentence returns the nearest coded organisation or place
// named earlier in the sentence (outside the count's clause).
func (b *builder) precedingInSentence(c normalize.Count, sentStart int) (normalize.Subject, bool) {
	bestPos := -1
	var best normalize.Subject
	for _, o := range b.orgs {
		if o.start >= sentStart && o.end <= c.Span.Start && o.start > bestPos {
			best, bestPos = o.subject, o.start
		}
	}
	for _, p := range b.places {
		if p.start >= sentStart && p.end <= c.Span.Start && p.start > bestPos {
			best, bestPos = normalize.Subject{Name: p.name}, p.start
		}
	}
	return best, bestPos >= 0
}

// fromSpeaker gives the subject of a count said by someone: a coded
// organisation speaking, or a national figure (→ England), either quoted
// or named in the sentence with a national title.
func (b *builder) fromSpeaker(q *normalize.Quote, s sentence) (normalize.Subject, bool) {
	if q != nil {
		for _, name := range []string{string(q.Speaker), string(q.SpeakerOrganisation)} {
			if name == "" {
				continue
			}
			if subj, ok := b.orgNamed(name); ok {
				return subj, true
			}
		}
		if nationalTitleRe.MatchString(string(q.SpeakerTitle)) || nationalTitleRe.MatchString(string(q.SpeakerOrganisation)) {
			return england, true
		}
		name := string(q.Speaker)
		pi := b.person(name)
		var p *normalize.Person
		if pi >= 0 {
			p = &b.rec.People[pi]
		}
		if pi >= 0 && b.national[pi] {
			return england, true
		}
		if name != "" {
			mentions := b.nameMentions(p, name)
			if b.nationalNearName(name, mentions) {
				return england, true
			}
			if p != nil && p.Organisation != "" {
				if subj, ok := b.orgNamed(string(p.Organisation)); ok {
					return subj, true
				}
			}
			if o, ok := b.orgNearName(name, mentions); ok {
				return o.subject, true
			}
		}
	}
	for i := range b.rec.People {
		if !b.national[i] {
			continue
		}
		p := &b.rec.People[i]
		for _, m := range p.Mentions {
			if m.Start >= s.start && m.End <= s.end {
				return england, true
			}
		}
	}
	return normalize.Subject{}, false
}

// nationalPerson reports a person whose title or organisation speaks for
// the country's health service.
func nationalPerson(p *normalize.Person) bool {
	for _, t := range p.Titles {
		if nationalTitleRe.MatchString(t) {
			return true
		}
	}
	return isNational(string(p.Organisation)) || nationalTitleRe.MatchString(string(p.Organisation))
}

// person returns the index in rec.People of the person with this name, or
// -1.
func (b *builder) person(name string) int {
	if name == "" {
		return -1
	}
	for i := range b.rec.People {
		if strings.EqualFold(b.rec.People[i].Name, name) {
			return i
		}
	}
	return -1
}

// orgNamed returns the coded organisation with this name.
func (b *builder) orgNamed(name string) (normalize.Subject, bool) {
	for _, o := range b.rec.Organisations {
		if o.Code != "" && strings.EqualFold(strings.TrimSpace(o.Name), strings.TrimSpace(name)) {
			return normalize.Subject{Name: o.Name, Code: string(o.Code)}, true
		}
	}
	return normalize.Subject{}, false
}

// orgBefore returns the coded organisation mentioned last before pos.
func (b *builder) orgBefore(pos int) (orgMention, bool) {
	for i := len(b.orgs) - 1; i >= 0; i-- {
		if b.orgs[i].end <= pos {
			return b.orgs[i], true
		}
	}
	return orgMention{}, false
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// nameMentions returns the offsets where a person is named: the
// mentions of p (the record's person of that name, or nil) when it has
// some, else the full name as written (a bare surname could be someone
// else: Toby and Miranda Lewis).
func (b *builder) nameMentions(p *normalize.Person, name string) []int {
	var out []int
	if p != nil {
		for _, m := range p.Mentions {
			if m.Start >= 0 && m.Start < len(b.text) {
				out = append(out, m.Start)
			}
		}
	}
	if len(out) > 0 || len(name) < 4 {
		return out
	}
	for i := 0; ; {
		k := strings.Index(b.text[i:], name)
		if k < 0 {
			return out
		}
		out = append(out, i+k)
		i += k + len(name)
	}
}

// nameWindow is how far around a person's name a title or employer is
// looked for ("The health secretary, Jeremy Hunt, ...").
const nameWindow = 40

// nationalNearName reports a national title written next to one of the
// person's mentions (nameMentions), for speakers whose titles were not kept.
func (b *builder) nationalNearName(name string, mentions []int) bool {
	for _, pos := range mentions {
		lo, hi := max(0, pos-nameWindow), min(len(b.text), pos+len(name)+nameWindow)
		if nationalTitleRe.MatchString(b.text[lo:hi]) {
			return true
		}
	}
	return false
}

// orgNearName returns a coded organisation named next to the person's
// name ("Toby Lewis, chief executive of Sandwell ... Trust"), or, for a
// person given an executive's title ("The hospital's chief executive,
// Toby Lewis"), the organisation named last before.
func (b *builder) orgNearName(name string, mentions []int) (orgMention, bool) {
	best, bestDist := orgMention{}, -1
	for _, pos := range mentions {
		for _, o := range b.orgs {
			d := o.start - pos
			if o.end <= pos {
				d = pos - o.end
			}
			if d <= 2*nameWindow && (bestDist < 0 || d < bestDist) {
				best, bestDist = o, d
			}
		}
	}
	if bestDist >= 0 {
		return best, true
	}
	for _, pos := range mentions {
		lo, hi := max(0, pos-nameWindow), min(len(b.text), pos+len(name)+nameWindow)
		if !executiveRe.MatchString(b.text[lo:hi]) {
			continue
		}
		if o, ok := b.orgBefore(pos); ok && pos-o.end <= execReach {
			return o, true
		}
	}
	return orgMention{}, false
}

// execReach is how far back an executive's organisation may be named.
const execReach = 1000
