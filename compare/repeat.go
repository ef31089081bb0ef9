package compare

import (
	"math"
	"strings"
	"unicode"
)

// minSimilar is the share of words two evidence sentences must share to
// be the same sentence copied (syndication edits a word or two).
const minSimilar = 0.8

// repeats returns, for each source, the index of an earlier source in
// another article that carries the same figure in (nearly) the same
// sentence, or -1. Chains resolve to the first source.
func repeats(ss []Source) []int {
	out := make([]int, len(ss))
	words := make([]map[string]bool, len(ss))
	for i, s := range ss {
		words[i] = wordSet(s.Claim.Evidence)
	}
	for i := range ss {
		out[i] = -1
		for j := 0; j < i; j++ {
			if sameArticle(ss[i], ss[j]) || math.Abs(ss[i].Claim.Value-ss[j].Claim.Value) > 1e-9 {
				continue
			}
			if similar(words[i], words[j]) >= minSimilar {
				out[i] = j
				if out[j] >= 0 {
					out[i] = out[j]
				}
				break
			}
		}
	}
	return out
}

func sameArticle(a, b Source) bool {
	if a.ArticleID != "" || b.ArticleID != "" {
		return a.ArticleID == b.ArticleID
	}
	return a.URL != "" && a.URL == b.URL
}

// similar returns the share of the smaller word set found in the larger
// (1 for the same words, 0 for none in common).
func similar(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// wordSet returns the lower-cased words of s, curly apostrophes
// straightened.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		out[w] = true
	}
	return out
}
