package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerAt returns strings.ToLower(b.text[i:j]). The sentences and clauses
// of a record are read for several cues, each of which lowered its own
// copy; lowerAt lowers the text once and slices it, where slicing gives
// the same bytes.
func (b *builder) lowerAt(i, j int) string {
	if !b.lowerMade {
		b.lower, b.lowerKept = lowerKeepingLength(b.text)
		b.lowerMade = true
	}
	if b.lowerKept && runeStartAt(b.text, i) && runeStartAt(b.text, j) {
		return b.lower[i:j]
	}
	return strings.ToLower(b.text[i:j])
}

// runeStartAt reports whether i is the end of text or starts a rune there.
func runeStartAt(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}

// lowerKeepingLength returns strings.ToLower(text) and true when text is
// valid UTF-8 and lowering keeps each rune's length: strings.ToLower maps
// rune by rune, so then ToLower(text[i:j]) is the same slice of it for any
// i, j at rune starts. Otherwise it returns "" and false.
func lowerKeepingLength(text string) (string, bool) {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 || utf8.RuneLen(unicode.ToLower(r)) != size {
			return "", false
		}
		i += size
	}
	return strings.ToLower(text), true
}
