// Package ascii holds the byte-level text helpers the extract stages share
// on their hot paths: a lower-cased copy of a page whose ASCII stretches
// can be sliced instead of lowering each word on its own.
package ascii

import (
	"strings"
	"unicode/utf8"
)

// Lower returns text with its ASCII capitals lowered and every other byte
// kept, so that for any ASCII stretch text[i:j] the same stretch of the
// result is strings.ToLower(text[i:j]). Text without capitals is returned
// as it is.
func Lower(text string) string {
	k := 0
	for k < len(text) && !('A' <= text[k] && text[k] <= 'Z') {
		k++
	}
	if k == len(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	b.WriteString(text[:k])
	for ; k < len(text); k++ {
		c := text[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Is reports whether s is all ASCII.
func Is(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
