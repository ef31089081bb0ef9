package trafilatura

import (
	"strings"
	"testing"
)

// FuzzTrim checks trim against the definition it replaced.
func FuzzTrim(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a\tb", "a\u00a0b", "\u2003x\u2003", "a\xffb", "\xff ", "x\u0085y", "one two", "\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.TrimSpace(strings.Join(strings.Fields(s), " "))
		if got := trim(s); got != want {
			t.Fatalf("trim(%q) = %q, want %q", s, got, want)
		}
	})
}
