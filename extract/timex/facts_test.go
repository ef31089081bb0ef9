package timex

import (
	"strings"
	"testing"
)

// checkFacts fails when a rule's pattern matches s although s lacks one of
// the facts the rule asks for: the prefilter would then lose a match.
func checkFacts(t *testing.T, s string) {
	t.Helper()
	f := factsOf(s)
	for _, r := range rules {
		if r.facts == 0 || f&r.facts == r.facts {
			continue
		}
		if loc := r.re.Regexp().FindStringIndex(s); loc != nil {
			t.Fatalf("rule %s matches %q in %q without facts %b (has %b)", r.name, s[loc[0]:loc[1]], s, r.facts, f)
		}
	}
}

func TestFactsAreNecessary(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
	}{
		{name: "day month", text: "The fair opens on 3 March and shuts on the 21st of Oct."},
		{name: "month day", text: "Talks resume Jan. 9 and end Sept the 14th, 2031."},
		{name: "lists", text: "Shows run on 2, 4 and 6 June and July 1, 5 & 9."},
		{name: "ranges", text: "From 12 to 15 Dec 2029, then between Nov 3 and Nov 8."},
		{name: "numeric month", text: "Filed 04-feb-2027, 2027/FEB/04 and Feb-04-2027."},
		{name: "folded month", text: "Filed 2027-\u017fep-04 and 2027-ſept-04."},
		{name: "month year", text: "in late March 2019 and Sept, 1988, of Aug/2001"},
		{name: "month alone", text: "Since June the fund has grown; May's figures came from April."},
		{name: "month range", text: "from January to March 2024 and between May and June"},
		{name: "tabs and newlines", text: "June\t\f5\r\nand 7\n\nof\tJuly"},
		{name: "no month", text: "They may march 5 miles in 2020, may they not?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkFacts(t, tc.text)
			for i := range tc.text {
				for j := i + 1; j <= len(tc.text); j++ {
					checkFacts(t, tc.text[i:j])
				}
			}
		})
	}
}

func FuzzFacts(f *testing.F) {
	for _, s := range []string{"3 March", "Jan. 9", "2027/feb/04", "late Sept, 1988", "2 , 4 and 6 June"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFacts(t, s) })
}

// TestAnchorShapes checks that every anchor word, in any case, has an
// anchor's shape, and that the words are what the table assumes: ASCII
// lower-case letters, short enough for its bits.
func TestAnchorShapes(t *testing.T) {
	for w := range anchorWords {
		for _, c := range w {
			if c < 'a' || c > 'z' {
				t.Fatalf("anchor word %q holds %q", w, c)
			}
		}
		if len(w) > 16 {
			t.Fatalf("anchor word %q is longer than segments looks up", w)
		}
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if !anchorShapeOf(v[0], v[len(v)-1], len(v)) {
				t.Errorf("%q has no anchor shape", v)
			}
		}
	}
}
