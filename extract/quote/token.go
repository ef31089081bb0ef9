package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/extract/internal/ascii"
)

// token is a word or a punctuation character of the text.
type token struct {
	start, end int // bytes; text[start:end], without a possessive ending
	word       bool
	cap        bool // a word whose first letter is upper case
	poss       bool // the word carried a possessive 's (not in start:end)
	possEnd    int  // end including the possessive
	lower      string
}

// abbreviations that keep their full stop.
var abbrevs = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "sen.": true, "rep.": true,
	"gov.": true, "gen.": true, "col.": true, "lt.": true, "sgt.": true, "capt.": true, "st.": true,
	"jr.": true, "sr.": true, "rev.": true, "u.s.": true, "u.k.": true, "u.n.": true, "d.c.": true,
	"inc.": true, "corp.": true, "co.": true, "ltd.": true, "no.": true, "vs.": true, "mt.": true,
	"ft.": true, "pres.": true, "del.": true, "gen": true, "adm.": true, "maj.": true, "sens.": true, "reps.": true, "supt.": true, "cllr.": true, "a.m.": true, "p.m.": true, "e.g.": true, "i.e.": true,
	"jan.": true, "feb.": true, "aug.": true, "sept.": true, "sep.": true, "oct.": true, "nov.": true, "dec.": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isASCIIAlnum reports an ASCII letter or digit: isWordRune for ASCII.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// lowerKept reports whether strings.ToLower(w) is w with only its ASCII
// capitals lowered: w is valid UTF-8 and unicode.ToLower keeps each of its
// other runes ("don’t", "café"). The slice of ascii.Lower's copy is then
// the word's lower case, without a string of its own.
func lowerKept(w string) bool {
	for i := 0; i < len(w); {
		if w[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToLower(r) != r {
			return false
		}
		i += n
	}
	return true
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits text[a:b] into tokens. lowered is ascii.Lower(text):
// ASCII words take their lower case from it rather than a string each.
func tokenize(text, lowered string, a, b int) []token {
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
			// ASCII letters and digits, most of any word, without
			// decoding.
			if c := text[j]; c < utf8.RuneSelf && isASCIIAlnum(c) {
				j++
				continue
			}
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
		if lowerKept(text[t.start:t.end]) {
			t.lower = lowered[t.start:t.end]
		} else {
			t.lower = strings.ToLower(text[t.start:t.end])
		}
		out = append(out, t)
		i = j
	}
	return out
}

// wordCount counts runs of letters and digits, as the scorer does.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := isWordRune(r) || r == '_'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// splitParagraphs splits text into trimmed non-empty line ranges.
func splitParagraphs(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if s, e := trimSpan(text, start, i); e > s {
				out = append(out, Span{s, e})
			}
			start = i + 1
		}
	}
	return out
}

// trimSpan trims Unicode white space from both ends of text[a:b].
func trimSpan(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}
