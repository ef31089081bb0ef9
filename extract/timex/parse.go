package timex

import (
	"sort"
	"strings"
)

type candidate struct {
	e    Expr
	rule int
}

// Parse finds the calendar expressions in text, unresolved, in text order
// and without overlaps (the longest match wins).
func Parse(text string) []Expr {
	var cands []candidate
	segs := segments(text)
	var facts [anchorClasses][]fact
	for ri, r := range rules {
		c := bitIndex(r.anchor)
		if r.facts != 0 && facts[c] == nil {
			facts[c] = segmentFacts(text, segs[c])
		}
		for _, loc := range findAll(r, text, segs[c], facts[c]) {
			if !numberGuard(text, loc[0], loc[1]) {
				continue
			}
			e := Expr{Start: loc[0], End: loc[1]}
			if !r.build(groups{text: text, loc: loc, idx: r.idx}, &e) {
				continue
			}
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				continue
			}
			e.Text = text[e.Start:e.End]
			cands = append(cands, candidate{e, ri})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		li, lj := cands[i].e.End-cands[i].e.Start, cands[j].e.End-cands[j].e.Start
		if li != lj {
			return li > lj
		}
		if cands[i].rule != cands[j].rule {
			return cands[i].rule < cands[j].rule
		}
		return cands[i].e.Start < cands[j].e.Start
	})
	var out []Expr
	taken := newByteSet(len(text))
	for _, c := range cands {
		if !taken.any(c.e.Start, c.e.End) {
			taken.set(c.e.Start, c.e.End)
			out = append(out, c.e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	for i := range out {
		if out[i].Shape == ShapeDay && !out[i].YearFromRef {
			before := lastN(text[:out[i].Start], 48)
			if loc := reWeekOfBefore.FindStringSubmatchIndex(before); loc != nil {
				// "the week commencing 4 February" is that week, "the
				// week ending 1 October" the seven days to it.
				out[i].Start -= len(before) - loc[0]
				out[i].Text = text[out[i].Start:out[i].End]
				out[i].Shape = ShapeWeekOf
				for k, name := range reWeekOfBefore.SubexpNames() {
					if name != "" && loc[2*k] >= 0 {
						out[i].Rel = name // "ending", "of"
					}
				}
			}
		}
	}
	for i := range out {
		if needsLean(out[i]) {
			out[i].Lean = leanAt(text, out[i].Start, out[i].End)
		}
	}
	return out
}

func bitIndex(a anchor) int {
	for i := 0; i < anchorClasses; i++ {
		if a == 1<<i {
			return i
		}
	}
	return 0
}

// findAll matches re on each segment that has the rule's facts (facts[i]
// are those of segs[i]) and returns the match locations as offsets into
// the whole text.
func findAll(r rule, text string, segs []segment, facts []fact) [][]int {
	var out [][]int
	for i, sg := range segs {
		if r.facts != 0 && facts[i]&r.facts != r.facts {
			continue
		}
		if len(r.needs) > 0 && !containsAny(text[sg.from:sg.to], r.needs) {
			continue
		}
		for _, loc := range r.re.FindAllStringSubmatchIndex(text[sg.from:sg.to]) {
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += sg.from
				}
			}
			out = append(out, loc)
		}
	}
	return out
}

// byteSet marks the bytes of the text already taken by a chosen
// expression.
type byteSet []uint64

func newByteSet(n int) byteSet { return make(byteSet, n/64+1) }

func (b byteSet) any(from, to int) bool {
	for i := from; i < to; i++ {
		if b[i/64]&(1<<(i%64)) != 0 {
			return true
		}
	}
	return false
}

func (b byteSet) set(from, to int) {
	for i := from; i < to; i++ {
		b[i/64] |= 1 << (i % 64)
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// withNeeds sets the strings a rule needs (see rule.needs).
func withNeeds(r rule, needs ...string) rule {
	r.needs = needs
	return r
}

func needsLean(e Expr) bool {
	switch e.Shape {
	case ShapeDay, ShapeWeekOf, ShapeDayList, ShapeDayRange, ShapeMonth, ShapeMonthRange:
		return e.Year == 0 && e.EndYear == 0 && !e.YearFromRef && e.Lean == LeanNearest
	case ShapeHoliday:
		return e.Year == 0 && e.Rel == "" && e.Lean == LeanNearest
	case ShapeWeekday:
		return e.Rel == "" && e.Lean == LeanNearest
	case ShapeDayOfMonth:
		return e.Lean == LeanNearest
	case ShapeRelWeekend:
		return e.Offset == 0
	}
	return false
}
