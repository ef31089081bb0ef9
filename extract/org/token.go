package org

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of the text, normalised for matching.
type token struct {
	start, end int    // byte span of the word as written
	norm       string // lower case, apostrophes and possessive 's removed, & -> and
	cap        bool   // starts with an upper-case letter
	upper      bool   // two or more letters, all upper case
	// breakBefore is set when a sentence or clause boundary (. ! ? ; : a
	// paragraph, a bracket or a quote mark) separates this word from the
	// previous one: matches never run across it.
	breakBefore bool
	// sentBefore is set for sentence boundaries only (. ! ? or a paragraph).
	sentBefore bool
	// gap holds the punctuation between the previous word and this one.
	gap string
}

// abbrevs end with a full stop that does not end a sentence.
var abbrevs = map[string]bool{"st": true, "dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "rd": true, "no": true}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// tokenize splits text into words. Letters and digits make words; an
// apostrophe inside or at the end of a word belongs to it; "&" is the word
// "and"; everything else separates words.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5)
	pendingBreak, pendingSent := true, true
	gapStart := 0
	i := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r == '&' {
			toks = append(toks, token{start: i, end: i + 1, norm: "and",
				breakBefore: pendingBreak, sentBefore: pendingSent, gap: text[gapStart:i]})
			pendingBreak, pendingSent = false, false
			i += size
			gapStart = i
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			switch {
			case r == '.' || r == '!' || r == '?':
				if r != '.' || len(toks) == 0 || !abbrevs[toks[len(toks)-1].norm] || toks[len(toks)-1].end != i {
					pendingBreak, pendingSent = true, true
				}
			case r == '\n':
				// A newline ends a paragraph, a caption or a list item.
				pendingBreak, pendingSent = true, true
			case r == ';' || r == ':' || r == '(' || r == ')' || r == '[' || r == ']' ||
				r == '"' || r == '“' || r == '”' || r == '|' || r == '•' || r == '—' || r == '–':
				pendingBreak = true
			case r == utf8.RuneError && size == 1:
				pendingBreak = true
			}
			i += size
			continue
		}
		start := i
		j := i
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
					j++
					continue
				}
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
				j += s2
				continue
			}
			if isApostrophe(r2) && j > start {
				// Keep an apostrophe followed by a letter (George's) or ending
				// a word in s (Thomas').
				nr, _ := utf8.DecodeRuneInString(text[j+s2:])
				prev, _ := utf8.DecodeLastRuneInString(text[start:j])
				if unicode.IsLetter(nr) || prev == 's' || prev == 'S' {
					j += s2
					continue
				}
			}
			break
		}
		word := text[start:j]
		t := token{start: start, end: j, breakBefore: pendingBreak, sentBefore: pendingSent, gap: text[gapStart:start]}
		t.norm = normWord(word)
		first, _ := utf8.DecodeRuneInString(word)
		t.cap = unicode.IsUpper(first)
		t.upper = isUpperWord(word)
		toks = append(toks, t)
		pendingBreak, pendingSent = false, false
		i = j
		gapStart = j
	}
	return toks
}

func isUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// normWord lower-cases a word and drops apostrophes and a possessive 's
// ("George's", "George’s", "Thomas'", "Thomas's" -> "george", "thomas").
func normWord(w string) string {
	// Fast path: plain ASCII words.
	plain, lower := true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			lower = false
		default:
			plain = false
		}
	}
	if plain {
		if !lower {
			w = strings.ToLower(w)
		}
		switch w {
		case "saint":
			return "st"
		case "center":
			return "centre"
		}
		return w
	}
	lw := strings.ToLower(w)
	for _, suf := range []string{"'s", "’s", "‘s"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf) {
			lw = lw[:len(lw)-len(suf)]
			break
		}
	}
	if strings.ContainsAny(lw, "'’‘") {
		lw = strings.Map(func(r rune) rune {
			if isApostrophe(r) {
				return -1
			}
			return r
		}, lw)
	}
	switch lw {
	case "saint":
		return "st"
	case "center":
		return "centre"
	}
	return lw
}

// normPhrase is the key form of a name: its normalised words joined by
// spaces, without "the".
func normPhrase(s string) []string {
	toks := tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.norm == "the" {
			continue
		}
		out = append(out, t.norm)
	}
	return out
}
