package nhs

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// upperWords stay in capitals when a name is title-cased.
var upperWords = map[string]bool{
	"NHS": true, "HSC": true, "UK": true, "GP": true, "ICB": true, "CIC": true,
	"II": true, "III": true, "HMP": true, "HM": true, "BMI": true,
}

// lowerWords are written in lower case inside a title-cased name.
var lowerWords = map[string]bool{
	"and": true, "of": true, "the": true, "for": true, "in": true, "on": true,
	"upon": true, "at": true, "by": true, "with": true, "le": true, "under": true,
}

// TitleCase turns an upper-case ODS name ("ST GEORGE'S UNIVERSITY HOSPITALS
// NHS FOUNDATION TRUST") into the form papers print ("St George's
// University Hospitals NHS Foundation Trust"). Names already in mixed case
// are returned unchanged.
func TitleCase(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != strings.ToUpper(s) {
		return s
	}
	var b strings.Builder
	first := true
	start := 0
	flush := func(end int) {
		if start < end {
			b.WriteString(titleWord(s[start:end], first))
			first = false
		}
	}
	for i, r := range s {
		if r == ' ' || r == '-' || r == '(' || r == ')' || r == '/' || r == ',' {
			flush(i)
			b.WriteRune(r)
			start = i + utf8.RuneLen(r)
			if r == '(' {
				first = true
			}
		}
	}
	flush(len(s))
	return b.String()
}

func titleWord(w string, first bool) string {
	if upperWords[w] {
		return w
	}
	lw := strings.ToLower(w)
	if !first && lowerWords[lw] {
		return lw
	}
	// Capitalise the first letter; letters after an apostrophe stay lower
	// ("George's"), except in O'Neill-style names of more than one letter.
	var b strings.Builder
	capNext := true
	for _, r := range lw {
		if capNext && unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
			capNext = false
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
