package quote

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/extract/internal/ascii"
)

// FuzzTokenizeLower checks that the lower case tokenize gives each word,
// taken from one lowered copy of the text where lowering keeps its other
// runes, is the word lowered on its own, and that the tokens are those of
// tokenizeRef, which decodes every rune.
func FuzzTokenizeLower(f *testing.F) {
	for _, s := range []string{
		"Dr. Ana Pérez told the Committee’s chair: “We WILL act,” on Jan. 4.",
		"ÉMILE said U.S. officials’ plans were \u212aelvin-ish. Mr. O'Neill agreed.",
		"İstanbul's MAYOR, Gen. Smith & Co. Ltd. reps.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lowered := ascii.Lower(text)
		if len(lowered) != len(text) {
			t.Fatalf("lowered copy is %d bytes, text %d", len(lowered), len(text))
		}
		toks := tokenize(text, lowered, 0, len(text))
		if want := tokenizeRef(text, lowered, 0, len(text)); !reflect.DeepEqual(toks, want) {
			t.Fatalf("tokens of %q:\n%+v\nwant %+v", text, toks, want)
		}
		for _, tk := range toks {
			if !tk.word {
				continue
			}
			if want := strings.ToLower(text[tk.start:tk.end]); tk.lower != want {
				t.Fatalf("lower of %q is %q, want %q", text[tk.start:tk.end], tk.lower, want)
			}
		}
	})
}

// TestTitleSmallLen checks that no ASCII word of titleSmallWords is longer
// than titleSmallLen, which titleLike relies on to skip lowering.
func TestTitleSmallLen(t *testing.T) {
	for w := range titleSmallWords {
		if ascii.Is(w) && len(w) > titleSmallLen {
			t.Errorf("%q is longer than titleSmallLen %d", w, titleSmallLen)
		}
	}
}

// tokenizeRef is tokenize as it was before its ASCII fast paths: every
// rune decoded, and only all-ASCII words lowered from the copy.
func tokenizeRef(text, lowered string, a, b int) []token {
	out := make([]token, 0, (b-a)/4+4) // about a token per five bytes
	i := a
	for i < b {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{start: i, end: i + n, possEnd: i + n, lower: text[i : i+n]})
			i += n
			continue
		}
		j := i
		for j < b {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if r2 == '-' || isApos(r2) || r2 == '.' || r2 == '&' {
				// joiners only between word runes
				if j+n2 < b {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if isWordRune(r3) {
						j += n2
						continue
					}
				}
			}
			break
		}
		t := token{start: i, end: j, word: true, possEnd: j}
		// a trailing full stop of an abbreviation or initial
		if j < b && text[j] == '.' {
			var w string
			if ascii.Is(text[i:j]) {
				w = lowered[i : j+1] // == strings.ToLower(text[i:j]) + "."
			} else {
				w = strings.ToLower(text[i:j]) + "."
			}
			if abbrevs[w] || (utf8.RuneCountInString(text[i:j]) == 1 && unicode.IsUpper(r)) || strings.Contains(text[i:j], ".") {
				t.end = j + 1
				t.possEnd = j + 1
				j++
			}
		}
		// possessive
		w := text[t.start:t.end]
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			t.poss = true
			if strings.HasSuffix(w, "'s") {
				t.end -= 2
			} else {
				t.end -= len("’s")
			}
		} else if j < b && (text[j] == '\'' || strings.HasPrefix(text[j:], "’")) && strings.HasSuffix(w, "s") && t.end-t.start > 2 {
			// plural possessive "doctors’" — only when followed by a space
			ap := 1
			if text[j] != '\'' {
				ap = len("’")
			}
			if j+ap >= b || text[j+ap] == ' ' {
				t.poss = true
				t.possEnd = j + ap
				j += ap
			}
		}
		t.cap = unicode.IsUpper(r)
		if ascii.Is(text[t.start:t.end]) {
			t.lower = lowered[t.start:t.end]
		} else {
			t.lower = strings.ToLower(text[t.start:t.end])
		}
		out = append(out, t)
		i = j
	}
	return out
}
