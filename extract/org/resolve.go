package org

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/cuttings/cuttings/nhs"
)

// Window of words around a mention searched for a place.
const (
	placeAfter  = 10
	placeBefore = 4
	placeNGram  = 4
)

// resolve settles each match with the rest of the article: a place next to
// it, or an organisation already named unambiguously elsewhere, picks one
// candidate; what stays ambiguous is returned unlinked with a warning.
func (l *Linker) resolve(text string, toks []token, found []*pending, at time.Time, warnings []string) ([]Mention, []string) {
	for _, p := range found {
		if len(p.cands) > 1 || p.needPlace {
			if f := l.placeFilter(toks, p); len(f) > 0 {
				p.cands = f
				p.needPlace = false
			}
		}
		if !p.needPlace && !p.needDoc {
			l.tieBreak(p, at)
		}
	}
	strong := map[string]bool{}
	// sense maps a key's words to the one code they were resolved to in
	// this article (one sense per article), "" when they took several.
	sense := map[string]string{}
	for _, p := range found {
		if !p.needPlace && !p.needDoc && len(p.cands) == 1 && len(p.cands[0].codes) == 1 {
			code := p.cands[0].codes[0]
			strong[code] = true
			if old, ok := sense[p.key]; ok && old != code {
				sense[p.key] = ""
			} else {
				sense[p.key] = code
			}
		}
	}
	for _, p := range found {
		if !p.needPlace && !p.needDoc && len(p.cands) == 1 && len(p.cands[0].codes) <= 1 {
			continue
		}
		var keep []target
		if code := sense[p.key]; code != "" {
			for _, c := range p.cands {
				if slices.Contains(c.codes, code) {
					n := c
					n.codes = []string{code}
					keep = append(keep, n)
				}
			}
			if len(keep) == 1 {
				p.cands = keep
				p.needPlace, p.needDoc = false, false
				continue
			}
			keep = nil
		}
		for _, c := range p.cands {
			for _, code := range c.codes {
				if strong[code] {
					n := c
					n.codes = []string{code}
					keep = append(keep, n)
					break
				}
			}
		}
		if len(keep) == 1 {
			p.cands = keep
			p.needPlace, p.needDoc = false, false
		}
	}
	ms := make([]Mention, 0, len(found))
	for _, p := range found {
		if p.needPlace || p.needDoc || len(p.cands) == 0 {
			continue // a generic name or bare initials with nothing to pin them
		}
		m := l.mention(text, toks, p, at)
		if m.Code == "" && len(m.Candidates) > 0 {
			warnings = append(warnings, fmt.Sprintf("organisations: %q at %d fits %s; left unlinked",
				m.Text, m.Start, strings.Join(m.Candidates, ", ")))
		}
		if c := p.cands[0]; m.Code != "" && len(p.cands) == 1 && c.site < 0 && c.orgID != m.Code && l.data.Orgs[c.orgID] != nil {
			// The article names a trust that no longer existed on the date.
			warnings = append(warnings, fmt.Sprintf("organisations: %q at %d names %s, which had become %s by the publication date",
				m.Text, m.Start, c.orgID, m.Code))
		}
		ms = append(ms, m)
	}
	return ms, warnings
}

// placeFilter keeps the candidates located by a place written next to the
// mention ("in Tooting", "(Whitechapel)", "Birmingham's").
func (l *Linker) placeFilter(toks []token, p *pending) []target {
	grams := map[string]bool{}
	collect := func(from, to int) {
		for a := from; a < to; a++ {
			var b strings.Builder
			for n := 0; n < placeNGram && a+n < to; n++ {
				if n > 0 {
					if toks[a+n].sentBefore {
						break
					}
					b.WriteByte(' ')
				}
				b.WriteString(toks[a+n].norm)
				grams[b.String()] = true
			}
		}
	}
	end := p.endTok
	for end < len(toks) && end < p.endTok+placeAfter && !toks[end].sentBefore {
		end++
	}
	collect(p.endTok, end)
	start := p.startTok
	for start > 0 && start > p.startTok-placeBefore && !toks[start].sentBefore {
		start--
	}
	collect(start, p.startTok)
	if len(grams) == 0 {
		return nil
	}
	var out []target
	for _, c := range p.cands {
		// A site is located by its own places or its trust's.
		var sitePlaces map[string]bool
		if c.site >= 0 {
			sitePlaces = l.sitePlaces[c.site]
		}
		orgPlaces := l.orgPlaces[c.orgID]
		for g := range grams {
			if sitePlaces[g] || orgPlaces[g] {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// mention builds the output for a settled match.
func (l *Linker) mention(text string, toks []token, p *pending, at time.Time) Mention {
	start, end := toks[p.startTok].start, toks[p.endTok-1].end
	nameText := text[start:end]
	if p.startTok > 0 && toks[p.startTok-1].norm == "the" && !toks[p.startTok].breakBefore &&
		strings.TrimSpace(toks[p.startTok].gap) == "" {
		start = toks[p.startTok-1].start
	}
	m := Mention{Text: text[start:end], Start: start, End: end, How: p.how}
	if len(p.cands) == 1 && p.cands[0].curated > 0 {
		c := curatedOrgs[p.cands[0].curated-1]
		m.Name, m.Kind, m.OrgID = c.nameAt(at), c.kind, c.id
		return m
	}
	if len(p.cands) == 1 && len(p.cands[0].codes) == 1 {
		c := p.cands[0]
		code := c.codes[0]
		o := l.data.Orgs[code]
		src := l.data.Orgs[c.orgID]
		m.OrgID = code
		switch {
		case o != nil:
			m.Name = l.data.NameAt(code, at)
			m.Kind = o.Kind
			m.Code = o.Code
			m.OrgID = o.ID
		case src != nil:
			// A code known only from the succession table: name it by the
			// organisation the text named.
			m.Name = l.data.NameAt(c.orgID, at)
			m.Kind = src.Kind
			m.Code = code
		default:
			m.Name, m.Kind, m.Code = nameText, KindTrust, code
		}
		if m.Kind == nhs.KindBody {
			m.BodyCode, m.Code = m.Code, ""
		}
		if today := l.data.Today(code); len(today) == 1 && today[0] != code {
			m.SuccessorCode = today[0]
		}
		return m
	}
	// Ambiguous: keep every code that fits.
	set := map[string]bool{}
	kind := ""
	for _, c := range p.cands {
		if c.curated > 0 {
			continue
		}
		for _, code := range c.codes {
			set[code] = true
			if o := l.data.Orgs[code]; o != nil && kind == "" {
				kind = o.Kind
			}
		}
	}
	for code := range set {
		m.Candidates = append(m.Candidates, code)
	}
	sort.Strings(m.Candidates)
	m.Name = nameText
	m.OrgID = "?" + p.key
	if kind == "" {
		kind = KindTrust
	}
	m.Kind = kind
	// When every candidate became the same organisation, say which.
	succ := ""
	for i, code := range m.Candidates {
		today := l.data.Today(code)
		if len(today) != 1 || (i > 0 && today[0] != succ) {
			succ = ""
			break
		}
		succ = today[0]
	}
	if succ == "" {
		// Every candidate came from one organisation named in the text (a
		// hospital whose trust was formed by a merger after the date):
		// today's organisation is that one's.
		src := ""
		for i, c := range p.cands {
			if i > 0 && c.orgID != src {
				src = ""
				break
			}
			src = c.orgID
		}
		if today := l.data.Today(src); src != "" && len(today) == 1 {
			succ = today[0]
		}
	}
	m.SuccessorCode = succ
	return m
}

// tieBreak settles matches whose candidates the reference data itself can
// order: a trust named by its own name over hospitals of that name
// elsewhere ("Queen Victoria Hospital"); the one trust whose name shares the
// hospital's telling word ("St Thomas' hospital" -> Guy's and St Thomas');
// for one building listed under different trusts by different sources, the
// latest source at the date.
func (l *Linker) tieBreak(p *pending, at time.Time) {
	if len(p.cands) < 2 {
		return
	}
	var named []target
	for _, c := range p.cands {
		if c.named {
			named = append(named, c)
		}
	}
	if len(named) == 1 {
		p.cands = named
		return
	}
	telling := map[string]bool{}
	for _, w := range strings.Fields(p.key) {
		if !genericWords[w] && !directionWords[w] && !suffixWords[w] {
			telling[w] = true
		}
	}
	if len(telling) > 0 {
		var fit []target
		best := 0
		for _, c := range p.cands {
			if len(c.codes) != 1 || c.curated > 0 {
				continue
			}
			n := 0
			counted := map[string]bool{}
			qualified := false
			for _, w := range normPhrase(l.data.NameAt(c.codes[0], at)) {
				switch {
				case telling[w] && !counted[w]:
					n++
					counted[w] = true
				case l.places[w] && !directionWords[w]:
					// "The Queen Elizabeth Hospital King's Lynn": the trust's
					// own name says its hospital is one of several.
					qualified = true
				}
			}
			if qualified {
				n = 0
			}
			switch {
			case n > best:
				best, fit = n, []target{c}
			case n == best && n > 0:
				fit = append(fit, c)
			}
		}
		if len(fit) == 1 {
			p.cands = fit
			return
		}
	}
	phys := ""
	for i, c := range p.cands {
		if c.site < 0 || (i > 0 && l.sitePhys[c.site] != phys) {
			return
		}
		phys = l.sitePhys[c.site]
	}
	// Sources that disagree may still agree on one code: a 2020 row whose
	// trust later split, and a 2024 row naming one of the parts.
	common := map[string]int{}
	for _, c := range p.cands {
		for _, code := range c.codes {
			common[code]++
		}
	}
	var shared []string
	for code, n := range common {
		if n == len(p.cands) {
			shared = append(shared, code)
		}
	}
	if len(shared) == 1 {
		c := p.cands[0]
		c.codes = shared
		p.cands = []target{c}
		return
	}
	var best time.Time
	for _, c := range p.cands {
		a := l.data.Sites[c.site].AsOf
		switch {
		case best.IsZero():
			best = a
		case !a.After(at) && (best.After(at) || a.After(best)):
			best = a
		case a.After(at) && best.After(at) && a.Before(best):
			best = a
		}
	}
	var keep []target
	for _, c := range p.cands {
		if l.data.Sites[c.site].AsOf.Equal(best) {
			keep = append(keep, c)
		}
	}
	if len(keep) == 1 {
		p.cands = keep
	}
}
