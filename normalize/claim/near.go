package claim

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/cuttings/cuttings/internal/refind"
)

// nearMargin is how far a match of a literal-led pattern may reach either
// side of the literal it holds ("the East " before "Midlands", " and the
// Humber" after "Yorkshire").
const nearMargin = 32

// findAllNear returns what re.FindAllStringIndex(text, -1) returns, given
// that every match of re holds one of lits and reaches at most nearMargin
// bytes beyond it, and that re has no ^ or $. It runs re only in windows
// around the literals (refind.Windows) instead of over all of the text:
// Go's regexp cannot skip ahead to a pattern that opens with \b, and the
// place names were a twentieth of a long article's CPU.
func findAllNear(text string, re *regexp.Regexp, lits []string) [][]int {
	var hits []refind.Span
	for _, lit := range lits {
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], lit)
			if i < 0 {
				break
			}
			i += off
			hits = append(hits, refind.Span{Start: i, End: i + len(lit)})
			off = i + 1
		}
	}
	if len(hits) == 0 {
		return nil
	}
	slices.SortFunc(hits, func(a, b refind.Span) int { return cmp.Compare(a.Start, b.Start) })
	w := refind.NewWindows(text, nearMargin)
	for _, h := range hits {
		w.Add(h.Start, h.End)
	}
	var out [][]int
	for _, sp := range w.Spans() {
		for _, m := range re.FindAllStringIndex(text[sp.Start:sp.End], -1) {
			out = append(out, []int{m[0] + sp.Start, m[1] + sp.Start})
		}
	}
	return out
}
