package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is a span of the text ending at a full stop, question or
// exclamation mark, or a line break; para numbers the paragraph it is in.
type sentence struct {
	start, end int
	para       int
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "prof": true, "sir": true,
	"rev": true, "no": true, "nos": true, "vs": true, "v": true, "etc": true, "e.g": true,
	"i.e": true, "approx": true, "c": true, "gen": true, "col": true, "lt": true, "sgt": true,
	"capt": true, "cllr": true, "hon": true, "jr": true, "sr": true, "co": true, "ltd": true,
	"inc": true, "corp": true, "fig": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true,
}

// isBullet reports the marks that start list items, which are sentences
// of their own.
func isBullet(r rune) bool {
	switch r {
	case '•', '●', '▪', '■', '◦', '‣':
		return true
	}
	return false
}

// sentences splits text into sentences. Every byte of non-space text
// belongs to exactly one sentence.
func sentences(text string) []sentence {
	var out []sentence
	para := 0
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		for end > start {
			r, size := utf8.DecodeLastRuneInString(text[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if end > start {
			out = append(out, sentence{start: start, end: end, para: para})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			flush(i)
			// A blank line starts a new paragraph.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				para++
			}
			i += size
			continue
		}
		if isBullet(r) {
			// A list item starts a sentence ("... the BMA. • NHS England said").
			flush(i)
			i += size
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			start = i
		}
		if r == '.' || r == '!' || r == '?' {
			// Closing quote marks and brackets stay with the sentence.
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '"' || r2 == '”' || r2 == '’' || r2 == '\'' || r2 == ')' {
					j += s2
					continue
				}
				break
			}
			if j >= len(text) || endsSentence(text, start, i, j) {
				flush(j)
				i = j
				continue
			}
		}
		i += size
	}
	flush(len(text))
	return out
}

// endsSentence decides whether the stop at i (with closing marks up to j)
// ends the sentence: a space must follow, then a capital, digit or quote,
// and the word before must not be an abbreviation.
func endsSentence(text string, start, i, j int) bool {
	if text[i] == '.' {
		// "10.3": a decimal point.
		if i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			return false
		}
		w := lastWord(text[start:i])
		if abbreviations[strings.ToLower(w)] {
			return false
		}
		if utf8.RuneCountInString(w) == 1 && w != "" && unicode.IsUpper([]rune(w)[0]) {
			return false // an initial: "J. Smith"
		}
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsSpace(r) {
		return false
	}
	k := j + size
	for k < len(text) {
		r2, s2 := utf8.DecodeRuneInString(text[k:])
		if unicode.IsSpace(r2) {
			k += s2
			continue
		}
		return unicode.IsUpper(r2) || unicode.IsDigit(r2) || strings.ContainsRune("\"“‘'(£$€", r2)
	}
	return true
}

// lastWord returns the letters (and inner dots) just before the end of s.
func lastWord(s string) string {
	end := len(s)
	i := end
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= size
	}
	return s[i:end]
}

// sentenceAt returns the index of the sentence holding byte offset pos,
// or -1.
func sentenceAt(ss []sentence, pos int) int {
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].end <= pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ss) && ss[lo].start <= pos && pos < ss[lo].end {
		return lo
	}
	return -1
}
