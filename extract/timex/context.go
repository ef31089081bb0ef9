package timex

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numberGuard drops matches that sit inside a bigger number, an amount or
// a percentage ("2,009", "£2012", "30,000", "2013%").
func numberGuard(text string, start, end int) bool {
	if start > 0 {
		c := text[start-1]
		if isDigit(c) || c == '£' || c == '$' || c == '#' || c == '+' {
			return false
		}
		if (c == ',' || c == '.' || c == '/' || c == ':') && start > 1 && isDigit(text[start-2]) {
			return false
		}
		if strings.HasSuffix(text[:start], "€") || strings.HasSuffix(text[:start], "£") {
			return false
		}
	}
	if end < len(text) {
		c := text[end]
		if isDigit(c) || c == '%' {
			return false
		}
		if (c == ',' || c == '.' || c == '/' || c == ':') && end+1 < len(text) && isDigit(text[end+1]) && isDigit(text[end-1]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// prevWord is the lower-case word before offset i (apostrophes kept).
func prevWord(text string, i int) string {
	w := words(lastN(text[:i], 40))
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// prevWordRaw is the word before offset i as written.
func prevWordRaw(text string, i int) string {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isAlnum(text[k-1]) {
		k--
	}
	return text[k:j]
}

// nextWordRaw is the word after offset i as written.
func nextWordRaw(text string, i int) string {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) && (isAlnum(text[k]) || text[k] == '-') {
		k++
	}
	return text[j:k]
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for len(s) > 0 && !utf8.RuneStart(s[0]) {
		s = s[1:]
	}
	return s
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// sentenceInitial reports whether offset i starts a sentence or paragraph.
func sentenceInitial(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '"' || text[j-1] == '(') {
		j--
	}
	if j == 0 || text[j-1] == '\n' {
		return true
	}
	if strings.HasSuffix(text[:j], "“") || strings.HasSuffix(text[:j], "‘") {
		return true
	}
	return isStop(text[j-1]) || text[j-1] == ':'
}

func yearOf(s string) int {
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}
