package body

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// languageSample is how much of a text the language check reads: enough
// for a clear answer on any article, at a fixed cost however long it runs.
const languageSample = 4000

// textLanguage names the language of an article's text as an ISO 639-1
// code, judged from its opening languageSample bytes, or "" for no text.
// A page that declares English and reads as English is confirmed without
// the statistical check, which costs as much as parsing the page.
func textLanguage(text, declared string) string {
	if text == "" {
		return ""
	}
	text = LanguageSample(text)
	if declared == "en" && readsAsEnglish(text) {
		return "en"
	}
	return whatlanggo.DetectLang(text).Iso6391()
}

// LanguageSample returns the opening languageSample bytes of text, cut at a
// rune boundary: as much as a language check needs to read.
func LanguageSample(text string) string {
	if len(text) <= languageSample {
		return text
	}
	cut := languageSample
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

// englishWords are function words frequent in English prose and rare as
// words of other languages written in the Latin alphabet.
var englishWords = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "that": true,
	"was": true, "for": true, "with": true, "his": true, "her": true,
	"has": true, "have": true, "had": true, "said": true, "from": true,
	"this": true, "which": true, "were": true, "would": true, "been": true,
	"they": true, "their": true, "it": true, "at": true, "by": true,
	"are": true, "be": true, "not": true, "but": true, "who": true,
	"will": true, "we": true, "he": true, "she": true, "its": true,
}

// readsAsEnglish says whether at least a fifth of a text's words (and at
// least 20 of them) are English function words; in English news the share
// is about two fifths, in other languages close to none.
func readsAsEnglish(text string) bool {
	var words, english int
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if len(w) <= 5 && englishWords[strings.ToLower(w)] {
			english++
		}
	}
	return english >= 20 && english*5 >= words
}
