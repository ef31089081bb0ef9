package number

import (
	"math"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"3,850", "£22bn", "nearly half a million", "10.3 per cent", "between 200 and 300 beds",
		"Dr Marianne Hilton, 36,", "October 2, 3 and 4", "5k-20k", "two and a half million",
		"1 234 567.89", "192.168.1.2", ".08", "100’s of", "-", "£", "a quarter of a", "\xff3,",
		"three-quarters of", "20-odd", "9999999999999999999999999999999999999999 million",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prevEnd := 0
		for _, c := range Find(text) {
			if c.Start < prevEnd || c.Start >= c.End || c.End > len(text) {
				t.Fatalf("bad span %d..%d (previous end %d) in %q", c.Start, c.End, prevEnd, text)
			}
			if text[c.Start:c.End] != c.Text {
				t.Fatalf("text %q != span %q", c.Text, text[c.Start:c.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(c.Text) {
				t.Fatalf("invalid UTF-8 in %q", c.Text)
			}
			if math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
				t.Fatalf("value %v for %q", c.Value, c.Text)
			}
			prevEnd = c.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := "NHS England figures show the trust has cancelled 736 appointments or operations initially " +
		"scheduled between September 19 and 23. It means the total number of treatments cancelled grew to " +
		"3,850 over the last year, while nearly half a million appointments were rescheduled, a 10.3 per cent " +
		"rise costing £22bn. Dr Jane Smith, 36, worked a 12-hour shift on a level 4 ward at 8am.\n\n"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}

// FuzzLexWords checks lex's word tokens against the plain definitions its
// fast paths stand for: a word runs over letters and inner apostrophes as
// refWordEnd reads them, and its lower case is strings.ToLower with curly
// apostrophes straightened.
func FuzzLexWords(f *testing.F) {
	for _, s := range []string{"Don’t stop", "it's O’Neill’s", "CAFÉ’s", "a’", "x'\xff", "Ǆemal’s ſ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tok := range lex(text) {
			if tok.kind != tWord {
				continue
			}
			if end := refWordEnd(text, tok.start); tok.end != end {
				t.Fatalf("word at %d ends at %d, want %d in %q", tok.start, tok.end, end, text)
			}
			if want := strings.ReplaceAll(strings.ToLower(tok.s), "’", "'"); tok.lower != want {
				t.Fatalf("lower %q, want %q", tok.lower, want)
			}
		}
	})
}

// refWordEnd is the end of the word starting at i, decoding every rune.
func refWordEnd(text string, i int) int {
	_, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	for j < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r2) {
			j += s2
			continue
		}
		if r2 == '\'' || r2 == '’' {
			r3, _ := utf8.DecodeRuneInString(text[j+s2:])
			if j+s2 < len(text) && unicode.IsLetter(r3) {
				j += s2
				continue
			}
		}
		break
	}
	return j
}
