package claim

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
)

// nearMargin is how far a match of a literal-led pattern may reach either
// side of the literal it holds ("the East " before "Midlands", " and the
// Humber" after "Yorkshire").
const nearMargin = 32

// findAllNear returns what re.FindAllStringIndex(text, -1) returns, given
// that every match of re holds one of lits and reaches at most nearMargin
// bytes beyond it. It runs re only over the stretches of text around the
// literals instead of over all of it: Go's regexp cannot skip ahead to a
// pattern that opens with \b, and the place names were a twentieth of a
// long article's CPU.
//
// The stretches are cut where the byte outside is not an ASCII word
// character, so that \b at a stretch's edge reads as it does in the whole
// text, and overlapping stretches are merged, so that leftmost-first
// matching in each finds the matches the whole text gives.
func findAllNear(text string, re *regexp.Regexp, lits []string) [][]int {
	var spans [][2]int
	for _, lit := range lits {
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], lit)
			if i < 0 {
				break
			}
			i += off
			spans = append(spans, [2]int{i, i + len(lit)})
			off = i + 1
		}
	}
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var out [][]int
	for k := 0; k < len(spans); {
		start, end := wordEdgeBefore(text, spans[k][0]-nearMargin), wordEdgeAfter(text, spans[k][1]+nearMargin)
		for k++; k < len(spans) && wordEdgeBefore(text, spans[k][0]-nearMargin) <= end; k++ {
			end = max(end, wordEdgeAfter(text, spans[k][1]+nearMargin))
		}
		for _, m := range re.FindAllStringIndex(text[start:end], -1) {
			out = append(out, []int{m[0] + start, m[1] + start})
		}
	}
	return out
}

// wordEdgeBefore moves i back (from at most len(text)) until the byte
// before it is not an ASCII word character, or to 0.
func wordEdgeBefore(text string, i int) int {
	i = min(max(i, 0), len(text))
	for i > 0 && isWordByte(text[i-1]) {
		i--
	}
	return i
}

// wordEdgeAfter moves i on (from at least 0) until the byte at it is not an
// ASCII word character, or to len(text).
func wordEdgeAfter(text string, i int) int {
	i = min(max(i, 0), len(text))
	for i < len(text) && isWordByte(text[i]) {
		i++
	}
	return i
}
