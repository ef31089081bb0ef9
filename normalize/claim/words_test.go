package claim

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The regexps hasWords replaced, kept as oracles.
var (
	payOracle   = regexp.MustCompile(`(?i)\b(?:pay|salar(?:y|ies)|wages?|pensions?|bonus(?:es)?|earnings|debt|payments?|pay rise|pay award|pay offer|pay deal)\b`)
	corefOracle = regexp.MustCompile(`(?i)\b(?:the trust|the hospital|the board|the health board|the site)\b`)
)

func TestHasWordsMatchesRegexp(t *testing.T) {
	for _, s := range []string{
		"", "Pay", "a 5% pay rise", "PAYMENTS were late", "repay the loan", "payday", "pay_", "pay-offer",
		"Salaries rose", "salaried staff", "the wage bill", "wages.", "pensions,", "bonuses", "earnings per share",
		"debt", "debtors", "The Trust said", "the trusts said", "the trust's chief", "at THE HOSPITAL", "the hospitals",
		"the health board", "the health  board", "the site", "the sites", "campsite", "the board's", "onboard",
		"Sandwell and West Birmingham Hospitals NHS Trust", "the trustees", "Paying patients", "café pay", "payé",
	} {
		assert.Equal(t, payOracle.MatchString(s), hasWords(s, payWords), "pay %q", s)
		assert.Equal(t, corefOracle.MatchString(s), hasWords(s, corefPhrases), "coref %q", s)
	}
}

func FuzzHasWords(f *testing.F) {
	f.Add("a 5% pay rise at the trust")
	f.Add("THE HOSPITAL paid bonuses")
	f.Fuzz(func(t *testing.T, s string) {
		// Only ASCII: the regexps fold a few exotic Unicode letters (ſ, K)
		// that news text does not use.
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return
			}
		}
		if payOracle.MatchString(s) != hasWords(s, payWords) || corefOracle.MatchString(s) != hasWords(s, corefPhrases) {
			t.Fatalf("hasWords differs from the regexp on %q", s)
		}
	})
}
