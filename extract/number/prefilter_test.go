package number

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// prefilterSeeds are invented texts with number words, fractions,
// capitals, curly apostrophes and non-ASCII letters.
var prefilterSeeds = []string{
	"A Half of the voters, an estimated Three-Quarters of members and two thirds of staff agreed.",
	"Forty-Two ZERO nought naught ELEVEN Nineteen Ninety quarters Fifths tenths halves.",
	"Don’t count ÉMILE’s 12 Ärzte or the İstanbul team; KELVIN \u212a and a Dozen eggs.",
	"May 5, JUNE 6th and sept 7 were dates, as were 3 March and 10:30 GMT.",
	"one in five, seven out of 10, a quarter of a million and two and a half billion",
}

// TestMayStartCount checks that every word readCount can start from
// passes the prefilter, and that readCount finds nothing and consumes
// only the word at any word the prefilter rejects.
func TestMayStartCount(t *testing.T) {
	tables := []struct {
		name  string
		words []string
	}{
		{name: "articles and fractions of scale", words: []string{"a", "an", "half", "quarter", "one"}},
		{name: "small words", words: keys(smallWords)},
		{name: "tens words", words: keys(tensWords)},
		{name: "fraction words", words: keys(fractionWords)},
	}
	for _, tt := range tables {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.words {
				assert.True(t, mayStartCount(w), w)
			}
		})
	}
	for _, text := range prefilterSeeds {
		checkSkippedWords(t, text)
	}
}

// FuzzMayStartCount checks the prefilter on any text.
func FuzzMayStartCount(f *testing.F) {
	for _, s := range prefilterSeeds {
		f.Add(s)
	}
	f.Fuzz(checkSkippedWords)
}

func checkSkippedWords(t *testing.T, text string) {
	toks := lex(text)
	dates := dateSpans(text, toks)
	for i, tk := range toks {
		if tk.kind != tWord || mayStartCount(tk.lower) {
			continue
		}
		if _, last, ok := readCount(text, toks, i, dates); ok || last != i {
			t.Fatalf("readCount at skipped word %q in %q: ok %v, last %d, want %d", tk.s, text, ok, last, i)
		}
	}
}

// FuzzLexLower checks that dateSpans' month test agrees with the plain
// one and that the lower case lex gives each word, taken from
// one lowered copy of the text for ASCII words, is the word lowered with
// curly apostrophes straightened.
func FuzzLexLower(f *testing.F) {
	for _, s := range prefilterSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tk := range lex(text) {
			if tk.kind != tWord {
				continue
			}
			if want := strings.ReplaceAll(strings.ToLower(tk.s), "’", "'"); tk.lower != want {
				t.Fatalf("lower of %q is %q, want %q", tk.s, tk.lower, want)
			}
			// dateSpans' month test: an ASCII capital and the table
			// stand for isCapitalised and the table.
			fast := len(tk.s) >= 3 && 'A' <= tk.s[0] && tk.s[0] <= 'Z' && months[tk.lower]
			if full := months[tk.lower] && isCapitalised(tk.s); fast != full {
				t.Fatalf("month test of %q: %v, want %v", tk.s, fast, full)
			}
		}
	})
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
