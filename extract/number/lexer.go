package number

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/extract/internal/ascii"
)

// tkind is the kind of a token.
type tkind uint8

const (
	tWord  tkind = iota // letters, with inner apostrophes ("don’t")
	tNum                // digits with separators and a decimal part
	tSpace              // white space, including no-break spaces
	tPunct              // any other single rune
)

// token is a piece of the text with its byte offsets.
type token struct {
	s          string // the text as written
	lower      string // lower case, curly apostrophes straightened
	start, end int
	kind       tkind
	para       bool // a space token holding a blank line (paragraph break)
}

// isSpaceRune reports the spaces that separate words, no-break ones included.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u200b'
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// lex splits text into tokens. It never fails: invalid UTF-8 becomes
// one-byte punctuation tokens.
func lex(text string) []token {
	toks := make([]token, 0, len(text)/2+8) // about a token per three bytes, rarely more than one per two
	// ASCII words take their lower case from one lowered copy of the
	// text rather than a string of their own each.
	lowered := ascii.Lower(text)
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			toks = append(toks, token{kind: tPunct, s: text[i : i+1], lower: text[i : i+1], start: i, end: i + 1})
			i++
		case isSpaceRune(r):
			j := i
			nl := 0
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isSpaceRune(r2) {
					break
				}
				if r2 == '\n' {
					nl++
				}
				j += s2
			}
			toks = append(toks, token{kind: tSpace, s: text[i:j], lower: " ", start: i, end: j, para: nl >= 2})
			i = j
		case r < utf8.RuneSelf && isDigit(byte(r)):
			j := lexNumber(text, i)
			toks = append(toks, token{kind: tNum, s: text[i:j], lower: text[i:j], start: i, end: j})
			i = j
		case r == '.' && i+1 < len(text) && isDigit(text[i+1]) && (i == 0 || !isDigit(text[i-1])):
			// ".08": a decimal without its leading zero.
			j := i + 1
			for j < len(text) && isDigit(text[j]) {
				j++
			}
			toks = append(toks, token{kind: tNum, s: text[i:j], lower: text[i:j], start: i, end: j})
			i = j
		case unicode.IsLetter(r):
			j := i + size
			for j < len(text) {
				// ASCII letters, most of any word, without decoding;
				// an apostrophe goes on to the test below.
				if c := text[j]; c < utf8.RuneSelf && c != '\'' {
					if 'a' <= c|0x20 && c|0x20 <= 'z' {
						j++
						continue
					}
					break
				}
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
			w := text[i:j]
			var lw string
			if ascii.Is(w) {
				lw = lowered[i:j] // == strings.ToLower(w), and no ’ to straighten
			} else if asciiOrCurly(w) {
				// "don’t": ToLower keeps ’, so the lowered copy with ’
				// straightened is the same, for one copy instead of three.
				lw = strings.ReplaceAll(lowered[i:j], "’", "'")
			} else {
				lw = strings.ReplaceAll(strings.ToLower(w), "’", "'")
			}
			toks = append(toks, token{kind: tWord, s: w, lower: lw, start: i, end: j})
			i = j
		default:
			toks = append(toks, token{kind: tPunct, s: text[i : i+size], lower: text[i : i+size], start: i, end: i + size})
			i += size
		}
	}
	return toks
}

// asciiOrCurly reports whether w is ASCII but for curly apostrophes (’).
func asciiOrCurly(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < utf8.RuneSelf {
			continue
		}
		if !strings.HasPrefix(w[i:], "’") {
			return false
		}
		i += len("’") - 1
	}
	return true
}

// lexNumber returns the end of the number starting at i: digits, groups
// of three after commas ("3,850"), and one decimal part ("10.3").
func lexNumber(text string, i int) int {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	for j+3 < len(text) && text[j] == ',' && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) &&
		(j+4 >= len(text) || !isDigit(text[j+4])) {
		j += 4
	}
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		// "192.168.1.2" is not a decimal: stop before the second dot.
		if !(k+1 < len(text) && text[k] == '.' && isDigit(text[k+1])) {
			j = k
		}
	}
	return j
}
