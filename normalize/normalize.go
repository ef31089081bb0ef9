package normalize

import (
	"sort"
	"strings"
	"time"

	"github.com/cuttings/cuttings/extract"
	"github.com/cuttings/cuttings/extract/number"
	"github.com/cuttings/cuttings/extract/org"
)

// Normalize reconciles an extracted article into a Record. a.Doc must be
// set, as extract.Extractor.Extract always sets it. Claims are left to the
// claim package, which reads the finished record.
func Normalize(a *extract.Article) Record {
	doc := a.Doc
	rec := Record{
		ID:        ID(doc.Meta.ID, a.Canonical, a.URL, a.Text),
		Source:    Source{URI: doc.URI, Kind: string(doc.Kind)},
		URL:       a.URL,
		Canonical: a.Canonical,
		Site:      a.Site,
		Title:     a.Title,
		Authors:   nonNil(a.Authors),
		Published: OptString(a.Published),
		Modified:  a.Modified,
		Language:  a.Language,
		Text:      a.Text,
		Warnings:  dedupe(a.Warnings),
	}
	if !doc.FetchedAt.IsZero() {
		rec.Source.FetchedAt = doc.FetchedAt.UTC().Format(time.RFC3339)
	}
	if doc.WARCRecordID != "" {
		id := doc.WARCRecordID
		rec.Source.WARCRecordID = &id
	}
	rec.Organisations = organisations(a.Orgs)
	for _, p := range a.People {
		per := Person{Name: p.Name, Titles: nonNil(p.Titles), Organisation: OptString(p.Organisation), Mentions: []Mention{}}
		for _, m := range p.Mentions {
			per.Mentions = append(per.Mentions, Mention{Text: m.Text, Start: m.Start, End: m.End})
		}
		rec.People = append(rec.People, per)
	}
	for _, q := range a.Quotes {
		rec.Quotes = append(rec.Quotes, Quote{
			Text: q.Text, Speaker: OptString(q.Speaker), SpeakerTitle: OptString(q.SpeakerTitle),
			SpeakerOrganisation: OptString(q.SpeakerOrganisation), Cue: q.Cue, Kind: q.Kind,
			Start: q.Start, End: q.End,
		})
	}
	for _, d := range a.Dates {
		rec.Dates = append(rec.Dates, Date{Text: d.Text, Start: d.StartDate, End: d.EndDate, Grain: d.Grain,
			Kind: d.Kind, Days: d.Days, Span: Span{Start: d.Start, End: d.End}})
	}
	rec.Counts = counts(a.Counts)
	rec.fillEmpty()
	return rec
}

// organisations folds mentions into one entry per organisation, by the
// linker's organisation key. A mention the linker could not settle between
// several trusts becomes an entry of its own without a code, listing the
// candidates; the linker has warned about it.
func organisations(ms []org.Mention) []Organisation {
	var out []Organisation
	index := map[string]int{}
	for _, m := range ms {
		key := m.OrgID
		if key == "" {
			key = m.Kind + ":" + m.Code + ":" + strings.ToLower(m.Name)
		}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, Organisation{Name: m.Name, Code: OptString(m.Code), SuccessorCode: m.SuccessorCode,
				Kind: m.Kind, How: m.How, ODSCode: m.BodyCode, Candidates: m.Candidates, Mentions: []Mention{}})
		}
		o := &out[i]
		// The organisation counts as named when any mention names it.
		if m.How == "named" {
			o.How = m.How
		}
		o.Mentions = append(o.Mentions, Mention{Text: m.Text, Start: m.Start, End: m.End, How: m.How})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	return out
}

// counts converts counts to the contract's. A range ("80 to 90 hours")
// becomes two entries over the same span: the lower bound at_least and the
// upper bound up_to (a hedged range keeps its hedge on both).
func counts(cs []number.Count) []Count {
	out := make([]Count, 0, len(cs))
	for _, c := range cs {
		rc := Count{Text: c.Text, Value: c.Value, Approx: c.Approx, Unit: c.Unit, Kind: c.Kind,
			Currency: c.Currency, Span: Span{Start: c.Start, End: c.End}}
		if !c.IsRange() {
			out = append(out, rc)
			continue
		}
		lo, hi := rc, rc
		hi.Value = c.RangeEnd
		if c.Approx == number.Exact {
			lo.Approx, hi.Approx = number.AtLeast, number.UpTo
		}
		out = append(out, lo, hi)
	}
	return out
}

// fillEmpty makes empty lists [] rather than null in JSON.
func (r *Record) fillEmpty() {
	if r.Organisations == nil {
		r.Organisations = []Organisation{}
	}
	if r.People == nil {
		r.People = []Person{}
	}
	if r.Quotes == nil {
		r.Quotes = []Quote{}
	}
	if r.Dates == nil {
		r.Dates = []Date{}
	}
	if r.Counts == nil {
		r.Counts = []Count{}
	}
	if r.Claims == nil {
		r.Claims = []Claim{}
	}
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
