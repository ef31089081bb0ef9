package quote

import (
	"strings"
	"testing"

	"github.com/cuttings/cuttings/extract/internal/ascii"
)

// FuzzTokenizeLower checks that the lower case tokenize gives each word,
// taken from one lowered copy of the text for ASCII words, is the word
// lowered on its own.
func FuzzTokenizeLower(f *testing.F) {
	for _, s := range []string{
		"Dr. Ana Pérez told the Committee’s chair: “We WILL act,” on Jan. 4.",
		"ÉMILE said U.S. officials’ plans were \u212aelvin-ish. Mr. O'Neill agreed.",
		"İstanbul's MAYOR, Gen. Smith & Co. Ltd. reps.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lowered := ascii.Lower(text)
		if len(lowered) != len(text) {
			t.Fatalf("lowered copy is %d bytes, text %d", len(lowered), len(text))
		}
		for _, tk := range tokenize(text, lowered, 0, len(text)) {
			if !tk.word {
				continue
			}
			if want := strings.ToLower(text[tk.start:tk.end]); tk.lower != want {
				t.Fatalf("lower of %q is %q, want %q", text[tk.start:tk.end], tk.lower, want)
			}
		}
	})
}

// TestTitleSmallLen checks that no ASCII word of titleSmallWords is longer
// than titleSmallLen, which titleLike relies on to skip lowering.
func TestTitleSmallLen(t *testing.T) {
	for w := range titleSmallWords {
		if ascii.Is(w) && len(w) > titleSmallLen {
			t.Errorf("%q is longer than titleSmallLen %d", w, titleSmallLen)
		}
	}
}
