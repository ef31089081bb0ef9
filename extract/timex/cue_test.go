package timex

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLeanAt(t *testing.T) {
	tests := []struct {
		name string
		text string // the expression is marked with [ ]
		want Lean
	}{
		{name: "future auxiliary", text: "The strike will finish at 8am on [Wednesday].", want: LeanFuture},
		{name: "is set to", text: "Action is set to take place on [October 2].", want: LeanFuture},
		{name: "is due to", text: "The book is due to be published in [May].", want: LeanFuture},
		{name: "reporting verb is nearer than a future word", text: "The union, which is due to close its ballot, said on [Monday] it would strike.", want: LeanPast},
		{name: "regular past", text: "Talks collapsed in [March].", want: LeanPast},
		{name: "irregular past", text: "The deal was offered in [March].", want: LeanPast},
		{name: "adjective participle", text: "The next planned strike is from [26 to 28 January].", want: LeanFuture},
		{name: "passive after be", text: "Protests will be held [this weekend].", want: LeanFuture},
		{name: "modal governing the date", text: "Strikes could last until [Christmas].", want: LeanFuture},
		{name: "fronted date reads the clause after it", text: "On [10 February], there will be a full walkout.", want: LeanFuture},
		{name: "weak modal after the date does not count", text: "[Monday's] debate might not move mountains.", want: LeanNearest},
		{name: "parenthesis is its own clause", text: "A service that will cover emergencies (similar to [Christmas Day] cover).", want: LeanNearest},
		{name: "abbreviation is not a sentence end", text: "In [January], Gov. Smith will sign it.", want: LeanFuture},
		{name: "scheduled present", text: "The course starts next Monday and finishes in [June].", want: LeanFuture},
		{name: "a later clause does not decide", text: "The ban, due to stay in force until [30 April], comes after inspectors complained.", want: LeanNearest},
		{name: "past plan", text: "Both managers were due to appear at the tribunal in [May].", want: LeanNearest},
		{name: "no cue", text: "Figures for [November] are here.", want: LeanNearest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := strings.Index(tt.text, "[")
			end := strings.Index(tt.text, "]") - 1
			text := strings.Replace(strings.Replace(tt.text, "[", "", 1), "]", "", 1)
			assert.Equal(t, tt.want, leanAt(text, start, end), "%q", text[start:end])
		})
	}
}

func TestNumericDateAt(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"6/10/2018", true},
		{"2013-03-22", true},
		{"2010–11", true},
		{"6.10.2018", true},
		{"10.3 per cent", false},
		{"3,850", false},
		{"42", false},
	}
	for _, tt := range tests {
		j := 0
		for j < len(tt.text) && isDigit(tt.text[j]) {
			j++
		}
		assert.Equal(t, tt.want, numericDateAt(tt.text, j), tt.text)
	}
}
