package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/cuttings/cuttings/normalize"
)

// Source is one claim with the article that makes it.
type Source struct {
	ArticleID string
	URL       string
	Site      string
	Published string
	Title     string
	Claim     normalize.Claim
}

// Group is the claims about one subject, metric and period.
type Group struct {
	Subject normalize.Subject `json:"subject"`
	Metric  string            `json:"metric"`
	// Kind is count, percent or money; Cumulative marks running totals.
	Kind       string `json:"kind"`
	Cumulative bool   `json:"cumulative"`
	// Period spans the periods of the claims, nil when none gives one.
	Period  *normalize.Period `json:"period"`
	Sources []Source          `json:"-"`
	// RepeatOf[i] is the index of the source that Sources[i] repeats (a
	// syndicated copy of the same sentence), or -1 for an original.
	RepeatOf []int `json:"-"`
	// Independent counts the articles whose sources are not repeats: an
	// article's own figures and syndicated copies do not corroborate.
	Independent int `json:"independent"`
	// Conflict is set when two independent figures cannot both be right;
	// Reason says which and why.
	Conflict bool   `json:"conflict"`
	Reason   string `json:"reason,omitempty"`
}

// Interval is the range of values a claim's wording allows.
type Interval struct {
	Low, High float64
}

// Overlaps reports whether two intervals share a value.
func (a Interval) Overlaps(b Interval) bool { return a.Low <= b.High && b.Low <= a.High }

// String writes the interval in brackets, with ∞ for no upper bound.
func (a Interval) String() string {
	hi := "∞"
	if !math.IsInf(a.High, 1) {
		hi = formatValue(a.High)
	}
	return "[" + formatValue(a.Low) + ", " + hi + "]"
}

// Bounds returns the values a claim allows: its stated precision (the
// last non-zero digit: "531,000" is 531,000 ± 500, "half a million"
// 500,000 ± 50,000) widened by its hedge: about ±10%, over and at least
// without an upper bound, nearly/under down to 75% of the figure, up to
// down to zero.
func Bounds(c normalize.Claim) Interval {
	v := c.Value
	tol := precision(v) / 2
	lo, hi := v-tol, v+tol
	switch c.Approx {
	case "about":
		lo, hi = math.Min(lo, v*0.9), math.Max(hi, v*1.1)
	case "over", "at_least":
		hi = math.Inf(1)
	case "under":
		lo = math.Min(lo, v*0.75)
	case "up_to":
		lo = 0
	}
	return Interval{Low: round6(lo), High: round6(hi)}
}

// precision returns the place value of the last significant digit of v
// (604 → 1, 640 → 10, 531000 → 1000, 0.5 → 0.1), capped at a tenth of
// a fifth of the value so that "one million" is not read as "anything up
// to 1.5m" (it allows 900,000 to 1.1m).
func precision(v float64) float64 {
	a := math.Abs(v)
	if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		return 0
	}
	if a != math.Trunc(a) {
		s := strings.TrimRight(fmt.Sprintf("%.6f", a), "0")
		if i := strings.IndexByte(s, '.'); i >= 0 {
			return math.Pow(10, -float64(len(s)-i-1))
		}
		return 1
	}
	p := 1.0
	for n := a; n >= 10 && math.Mod(n, 10) == 0; n /= 10 {
		p *= 10
	}
	return math.Min(p, math.Max(1, a/5))
}

// Groups groups claims across articles and checks each group. Groups come
// sorted by subject, metric and period; sources by publication date.
func Groups(claims []Source) []Group {
	type key struct {
		subject, metric, kind string
		cumulative            bool
	}
	byKey := map[key][]int{}
	var keys []key
	for i, s := range claims {
		k := key{s.Claim.Subject.Key(), strings.ToLower(strings.TrimSpace(s.Claim.Metric)), kindOf(s.Claim), s.Claim.Cumulative}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	var out []Group
	for _, k := range keys {
		for _, cluster := range byPeriod(claims, byKey[k]) {
			g := Group{Metric: claims[cluster[0]].Claim.Metric, Kind: k.kind, Cumulative: k.cumulative}
			g.Subject = claims[cluster[0]].Claim.Subject
			for _, i := range cluster {
				g.Sources = append(g.Sources, claims[i])
				if g.Subject.Code == "" && claims[i].Claim.Subject.Code != "" {
					g.Subject = claims[i].Claim.Subject
				}
			}
			sort.SliceStable(g.Sources, func(a, b int) bool { return g.Sources[a].Published < g.Sources[b].Published })
			g.Period = spanOf(g.Sources)
			g.RepeatOf = repeats(g.Sources)
			check(&g)
			out = append(out, g)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ka, kb := a.Subject.Key(), b.Subject.Key(); ka != kb {
			return ka < kb
		}
		if a.Metric != b.Metric {
			return a.Metric < b.Metric
		}
		return periodStart(a.Period) < periodStart(b.Period)
	})
	return out
}

func kindOf(c normalize.Claim) string {
	if c.Kind == "" {
		return "count"
	}
	return c.Kind
}

func periodStart(p *normalize.Period) string {
	if p == nil {
		return ""
	}
	return p.Start
}

// byPeriod splits claims into clusters whose periods overlap (claims
// without a period form their own cluster) and whose things counted are
// the same (SameWhat).
func byPeriod(claims []Source, idx []int) [][]int {
	parent := make([]int, len(idx))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for a := range idx {
		for b := a + 1; b < len(idx); b++ {
			ca, cb := claims[idx[a]].Claim, claims[idx[b]].Claim
			if periodsOverlap(ca.Period, cb.Period) && SameWhat(ca.What, cb.What) {
				parent[find(a)] = find(b)
			}
		}
	}
	groups := map[int][]int{}
	var order []int
	for a := range idx {
		r := find(a)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], idx[a])
	}
	out := make([][]int, 0, len(order))
	for _, r := range order {
		out = append(out, groups[r])
	}
	return out
}

// periodsOverlap: two periods overlap when they share a day; two claims
// without a period go together; a dated and an undated claim do not.
func periodsOverlap(a, b *normalize.Period) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ae, be := a.End, b.End
	if ae == "" {
		ae = a.Start
	}
	if be == "" {
		be = b.Start
	}
	return a.Start <= be && b.Start <= ae
}

// spanOf returns the union of the sources' periods.
func spanOf(ss []Source) *normalize.Period {
	var p *normalize.Period
	for _, s := range ss {
		c := s.Claim.Period
		if c == nil {
			continue
		}
		end := c.End
		if end == "" {
			end = c.Start
		}
		if p == nil {
			p = &normalize.Period{Start: c.Start, End: end}
			continue
		}
		if c.Start < p.Start {
			p.Start = c.Start
		}
		if end > p.End {
			p.End = end
		}
	}
	return p
}

// check marks the group's independent sources and its conflict: two
// figures from different articles whose intervals (Bounds) do not meet.
func check(g *Group) {
	g.Independent = 0
	var orig []int
	seen := map[string]bool{}
	for i, r := range g.RepeatOf {
		if r < 0 {
			orig = append(orig, i)
			k := g.Sources[i].ArticleID
			if k == "" {
				k = g.Sources[i].URL
			}
			if k == "" || !seen[k] {
				g.Independent++
				seen[k] = true
			}
		}
	}
	for x := 0; x < len(orig); x++ {
		for y := x + 1; y < len(orig); y++ {
			a, b := g.Sources[orig[x]], g.Sources[orig[y]]
			if sameArticle(a, b) {
				continue // an article's own figures are parts, not rival counts
			}
			ia, ib := Bounds(a.Claim), Bounds(b.Claim)
			if ia.Overlaps(ib) {
				continue
			}
			g.Conflict = true
			g.Reason = fmt.Sprintf("%s (%s) allows %s but %s (%s) allows %s",
				describe(a.Claim), sourceName(a), ia, describe(b.Claim), sourceName(b), ib)
			return
		}
	}
}

// describe writes a claim's figure with its hedge: "over 1,000,000".
func describe(c normalize.Claim) string {
	v := formatValue(c.Value)
	if c.Kind == "percent" {
		v += "%"
	}
	switch c.Approx {
	case "about":
		return "about " + v
	case "over":
		return "over " + v
	case "under":
		return "under " + v
	case "at_least":
		return "at least " + v
	case "up_to":
		return "up to " + v
	}
	return v
}

func sourceName(s Source) string {
	name := s.Site
	if name == "" {
		name = s.URL
	}
	if name == "" {
		name = s.ArticleID
	}
	if s.Published != "" {
		name += ", " + s.Published
	}
	return name
}

// formatValue writes 531000 as "531,000" and 10.3 as "10.3".
func formatValue(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return fmt.Sprint(v)
	}
	v = round6(v) // 45000 × 1.1 is 49500.000000000004
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", v), "0"), ".")
	}
	s := fmt.Sprintf("%d", int64(math.Abs(v)))
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// round6 rounds to six decimals (infinities pass through).
func round6(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	return math.Round(v*1e6) / 1e6
}
