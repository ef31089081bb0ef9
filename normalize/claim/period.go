package claim

import (
	"strings"

	"github.com/cuttings/cuttings/normalize"
)

// periodFor returns the period a count's claim covers: the date nearest
// the count in its clause, else the nearest earlier in its sentence. A
// date before a reporting verb dates the report, not the figure. A running total takes
// only a "since" date (from that date to publication) or an explicit
// range: "earlier this month" next to a total dates an event, not the
// total.
func (b *builder) periodFor(si int, c normalize.Count, cs, ce int, cumulative bool) *normalize.Period {
	s := b.sents[si]
	var best *normalize.Date
	bestDist, bestIn := -1, false
	for i := range b.dates {
		d := &b.dates[i]
		if d.Start == "" || d.Span.Start < s.start || d.Span.End > s.end || overlaps(d.Span.Start, d.Span.End, c.Span.Start, c.Span.End) {
			continue
		}
		if cumulative && !b.since(d) && d.Kind != "range" {
			continue
		}
		in := d.Span.Start >= cs && d.Span.End <= ce
		if !in && d.Span.Start > c.Span.End {
			continue // a later clause's date
		}
		if d.Span.End <= c.Span.Start && reportingRe.MatchString(b.text[d.Span.End:c.Span.Start]) {
			continue // "On Monday, NHS England said that ..."
		}
		if d.Span.End <= c.Span.Start && (b.countBetween(c, d.Span.Start, d.Span.End) || b.countJustBefore(d.Span.Start, max(s.start, cs))) {
			continue // "2,100 were today and 500 ...": today dates the 2,100
		}
		dist := d.Span.Start - c.Span.End
		if d.Span.End <= c.Span.Start {
			dist = c.Span.Start - d.Span.End
		}
		if best == nil || in && !bestIn || in == bestIn && dist < bestDist {
			best, bestDist, bestIn = d, dist, in
		}
	}
	if best == nil {
		return nil
	}
	end := best.End
	if end == "" {
		end = best.Start
	}
	if b.since(best) && b.published != "" && b.published >= best.Start {
		end = b.published
	}
	return &normalize.Period{Start: best.Start, End: end}
}

// since reports a date introduced by "since" ("since December").
func (b *builder) since(d *normalize.Date) bool {
	if strings.HasPrefix(strings.ToLower(d.Text), "since ") {
		return true
	}
	from := d.Span.Start - len("since ")
	if from < 0 || d.Span.Start > len(b.text) {
		return false
	}
	return strings.EqualFold(b.text[from:d.Span.Start], "since ")
}

// countBetween reports another count standing between the count c and
// the span start..end.
func (b *builder) countBetween(c normalize.Count, start, end int) bool {
	lo, hi := end, c.Span.Start
	if start >= c.Span.End {
		lo, hi = c.Span.End, start
	}
	for _, o := range b.counts {
		if o.Span != c.Span && o.Span.Start >= lo && o.Span.End <= hi {
			return true
		}
	}
	return false
}

// countJustBefore reports a count earlier in the clause than a date: a
// date following a figure dates that figure, not the ones after it. (A
// date after several figures, "1,214 procedures and 3,560 appointments
// were rescheduled between July 13 and 18", dates them all.)
func (b *builder) countJustBefore(pos, sentStart int) bool {
	for _, o := range b.counts {
		if o.Span.Start >= sentStart && o.Span.End <= pos {
			return true
		}
	}
	return false
}
