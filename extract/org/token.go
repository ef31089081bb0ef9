package org

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of the text, normalised for matching.
type token struct {
	start, end int    // byte span of the word as written
	norm       string // lower case, apostrophes and possessive 's removed, & -> and; "" for a word outside the vocabulary
	id         int32  // vocabulary index, -1 outside it
	poss       bool   // written with a possessive 's or s'

	cap   bool // starts with an upper-case letter
	upper bool // two or more letters, all upper case
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
func tokenize(text string, v *vocabulary) []token {
	toks := make([]token, 0, len(text)/5)
	var buf []byte
	pendingBreak, pendingSent := true, true
	gapStart := 0
	i := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r == '&' {
			toks = append(toks, token{start: i, end: i + 1, norm: "and", id: v.id("and"),
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
		if n := len(word); n > 1 {
			last, _ := utf8.DecodeLastRuneInString(word)
			if isApostrophe(last) {
				t.poss = true
			} else if last == 's' {
				prev, _ := utf8.DecodeLastRuneInString(word[:n-1])
				t.poss = isApostrophe(prev)
			}
		}
		buf = normInto(buf[:0], word)
		if v != nil {
			t.id = -1
			if v.mayHave(buf) {
				if id, ok := v.ids[string(buf)]; ok {
					t.id, t.norm = id, v.words[id]
				}
			}
		} else {
			t.id, t.norm = -1, string(buf)
		}
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
func normWord(w string) string { return string(normInto(nil, w)) }

// normInto appends the normal form of w to buf[:0] without allocating for
// words of ordinary length.
func normInto(buf []byte, w string) []byte {
	buf = buf[:0]
	apos := false
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '\'' {
				apos = true
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		if isApostrophe(r) {
			buf = append(buf, '\'')
			apos = true
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += size
	}
	if !apos {
		switch string(buf) {
		case "saint":
			return append(buf[:0], "st"...)
		case "center":
			return append(buf[:0], "centre"...)
		}
		return buf
	}
	if n := len(buf); n > 2 && buf[n-1] == 's' && buf[n-2] == '\'' {
		buf = buf[:n-2]
	}
	j := 0
	for _, c := range buf {
		if c != '\'' {
			buf[j] = c
			j++
		}
	}
	return buf[:j]
}

// normPhrase is the key form of a name: its normalised words joined by
// spaces, without "the".
func normPhrase(s string) []string {
	toks := tokenize(s, nil)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.norm == "the" {
			continue
		}
		out = append(out, t.norm)
	}
	return out
}

// vocabulary numbers the words the linker knows: words of keys and place
// names, and the function words the rules look at. Other words are
// tokenised without allocating a normal form.
type vocabulary struct {
	ids   map[string]int32
	words []string
	// bloom has bits bloomBits(w) set for every word w of ids: most words
	// of a text are not in the vocabulary, and two bit tests turn them
	// away for less than the map lookup costs.
	bloom [bloomWords]uint64
}

// bloomWords sizes vocabulary.bloom: 64K bits, for a few thousand words
// about one false positive in a hundred.
const bloomWords = 1024

func newVocabulary() *vocabulary { return &vocabulary{ids: map[string]int32{}} }

// bloomBits returns the two bloom bits of w: halves of its 64-bit FNV-1a
// hash.
func bloomBits[T string | []byte](w T) (uint32, uint32) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	const mask = bloomWords*64 - 1
	return uint32(h) & mask, uint32(h>>32) & mask
}

// mayHave reports false when w is surely not in the vocabulary.
func (v *vocabulary) mayHave(w []byte) bool {
	a, b := bloomBits(w)
	return v.bloom[a/64]&(1<<(a%64)) != 0 && v.bloom[b/64]&(1<<(b%64)) != 0
}

// add returns w's index, adding it when new.
func (v *vocabulary) add(w string) int32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := int32(len(v.words))
	v.ids[w] = id
	a, b := bloomBits(w)
	v.bloom[a/64] |= 1 << (a % 64)
	v.bloom[b/64] |= 1 << (b % 64)
	v.words = append(v.words, w)
	return id
}

// id returns w's index, -1 when unknown or v is nil.
func (v *vocabulary) id(w string) int32 {
	if v == nil {
		return -1
	}
	if id, ok := v.ids[w]; ok {
		return id
	}
	return -1
}
