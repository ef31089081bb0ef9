package refind

import (
	"reflect"
	"testing"
)

// patterns cover what the fast path must get right: \b on either side of
// the first rune, case folding past ASCII (k and s fold to U+212A and
// U+017F), optional openings, a one-rune match, $ and patterns that can
// match the empty string (left to regexp).
var patterns = []string{
	`\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<wd>Monday|Tuesday)\b`,
	`\b(?i:start|keep)\s+of\b`,
	`\b(?P<y>(?:19|20)\d\d)\b`,
	`(?:\b|$)x`,
	`\Bing\b`,
	`a|\d`,
	`(?i:é|ſ)\w*`,
	`^\w+`,
	`(?m)^\w+$`,
	`\d*`,
	`x?`,
	`\b`,
	`[^a-z]\b`,
	`(?s:.)b`,
	`.\n`,
	`(?i)the\s+(?:end|start)\s+of\b(?:\s+\d{4})?`,
}

// TestFinder checks the matches against regexp's over texts chosen for the
// edges: word boundaries, runes past ASCII and invalid UTF-8.
func TestFinder(t *testing.T) {
	texts := []string{
		"",
		"x",
		"last Monday and next  tuesday, this Tuesday",
		"START OF 2020, ſtart of 1999; Keep of the \u212aeep of",
		"1999 2020 20201 x2019 2019x",
		"singing ring ing",
		"é ſſ éa \xff\xfe a9",
		"\xe2\x82a b\xe2\x82\xacx \x80x",
		"line one\nline two\n",
		"the end of 2023 the start  of the END of\nthe",
		"ab b\nb\n",
	}
	for _, p := range patterns {
		f := MustCompile(p)
		for _, s := range texts {
			want := f.Regexp().FindAllStringSubmatchIndex(s, -1)
			if got := f.FindAllStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: got %v, want %v", p, s, got, want)
			}
			if got, want := f.MatchString(s), f.Regexp().MatchString(s); got != want {
				t.Errorf("%s on %q: MatchString %v, want %v", p, s, got, want)
			}
			want = f.Regexp().FindAllStringIndex(s, -1)
			if got := f.FindAllStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: got indexes %v, want %v", p, s, got, want)
			}
		}
	}
}

// TestSlowAt checks the fallback for a position whose rune before reads
// differently forwards and backwards, which FindAllStringSubmatchIndex
// never reaches.
func TestSlowAt(t *testing.T) {
	tests := []struct {
		pattern, text string
		i             int
		want          []int
	}{
		{`\bab`, "\xe2\x82ab", 2, []int{2, 4}},
		{`\bab`, "xab", 1, nil},
		{`\Bab`, "xab", 1, []int{1, 3}},
	}
	for _, tt := range tests {
		if got := MustCompile(tt.pattern).slowAt(tt.text, tt.i); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("slowAt(%q, %q, %d) = %v, want %v", tt.pattern, tt.text, tt.i, got, tt.want)
		}
	}
}

// FuzzFinder checks the Finder against regexp's whole search.
func FuzzFinder(f *testing.F) {
	f.Add(uint8(0), "last Monday and next  tuesday")
	f.Add(uint8(4), "singing ring")
	f.Add(uint8(6), "é ſſ éa \xff\xfe a9")
	f.Add(uint8(15), "the end of 2023 the start  of")
	finders := make([]*Finder, len(patterns))
	for i, p := range patterns {
		finders[i] = MustCompile(p)
	}
	f.Fuzz(func(t *testing.T, k uint8, s string) {
		p, fi := patterns[int(k)%len(patterns)], finders[int(k)%len(patterns)]
		want := fi.Regexp().FindAllStringSubmatchIndex(s, -1)
		if got := fi.FindAllStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on %q: got %v, want %v", p, s, got, want)
		}
	})
}

// BenchmarkMustCompile times building a Finder for a pattern of the size
// the date rules use.
func BenchmarkMustCompile(b *testing.B) {
	for b.Loop() {
		MustCompile(`\b(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|end\s+of|start\s+of))(?:\s+|-)(?:in\s+)?)?(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<m1>(?i:january|february|march|april|june|july|august|september|october|november|december))\b`)
	}
}
