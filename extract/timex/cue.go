package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// futureWords point a sentence forward ("will", "could").
var futureWords = map[string]bool{
	"will": true, "shall": true, "won't": true, "wont": true, "could": true, "would": true,
	"might": true, "may": true, "upcoming": true, "next": true, "tomorrow": true, "forthcoming": true,
	"ahead": true, "planning": true, "plans": true, "intends": true, "threatening": true,
	"threatens": true, "should": true, "must": true,
	// The present of scheduled events ("leaves office on Jan. 20",
	// "the course starts next Monday and finishes in June").
	"begins": true, "ends": true, "starts": true, "opens": true, "closes": true, "expires": true,
	"leaves": true, "resumes": true, "runs": true, "arrives": true, "returns": true, "kicks": true,
}

// weakFuture are modals that point forward only when they govern the
// expression ("strikes could last until Christmas").
var weakFuture = map[string]bool{"could": true, "would": true, "might": true, "may": true, "should": true, "must": true}

// pastWords point a sentence back ("said", "was"); words ending in -ed are
// taken as past too.
var pastWords = map[string]bool{
	"said": true, "told": true, "was": true, "were": true, "had": true, "did": true, "been": true,
	"ago": true, "since": true, "yesterday": true, "began": true, "came": true,
	"went": true, "took": true, "made": true, "met": true, "saw": true, "left": true, "fell": true,
	"rose": true, "won": true, "lost": true, "gave": true, "held": true, "ran": true, "sent": true,
	"spent": true, "paid": true, "got": true, "found": true, "became": true, "brought": true,
	"bought": true, "caught": true, "fought": true, "thought": true, "wrote": true, "spoke": true,
	"broke": true, "chose": true, "drove": true, "flew": true, "grew": true, "knew": true,
	"threw": true, "struck": true, "stood": true, "sold": true, "led": true, "fled": true,
	"dated": true, "earlier": true, "previous": true,
}

// futureAfterBe are words that point forward after "is"/"are" ("is set
// to", "is due to", "are expected to").
var futureAfterBe = map[string]bool{
	"set": true, "due": true, "expected": true, "scheduled": true, "planned": true,
	"slated": true, "poised": true, "going": true, "about": true, "likely": true, "to": true,
}

var passiveBefore = map[string]bool{
	"be": true, "been": true, "being": true, "the": true, "a": true, "an": true, "its": true,
	"their": true, "his": true, "her": true, "previously": true, "newly": true, "is": true, "are": true,
}

// infinitiveAfter are words whose infinitive points forward ("is to
// open", "plans to strike", "the programme to run through June").
var infinitiveAfter = map[string]bool{
	"is": true, "are": true, "'s": true, "set": true, "due": true, "expected": true,
	"plans": true, "plan": true, "planning": true, "going": true, "scheduled": true,
	"intends": true, "aims": true, "hopes": true, "wants": true, "poised": true, "likely": true,
	"ready": true, "program": true, "programme": true, "scheme": true, "deadline": true,
}

// infinitive reports whether w can be the bare verb after an infinitive
// "to" (not a determiner, a number or an inflected form).
func infinitive(w string) bool {
	if determiners[w] || len(w) < 2 || w[0] >= '0' && w[0] <= '9' {
		return false
	}
	for _, suf := range []string{"ed", "ing", "s", "'s"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

var beWords = map[string]bool{"is": true, "are": true, "'s": true, "be": true, "am": true}

// leanAt reads the words around text[start:end] in its sentence and says
// whether they point to the past or the future. The words before the
// expression decide; when they say nothing, the words after it do.
func leanAt(text string, start, end int) Lean {
	from, to := sentenceBounds(text, start, end)
	before := words(text[from:start])
	for i := len(before) - 1; i >= 0 && i >= len(before)-12; i-- {
		prev := ""
		if i > 0 {
			prev = before[i-1]
		}
		// A plan told in the past ("were due to appear in May", "was
		// planned for 1 December") may lie either side of publication:
		// nearness decides.
		if futureAfterBe[before[i]] && (prev == "was" || prev == "were") {
			return LeanNearest
		}
		if l := wordLean(before[i], prev); l != LeanNearest {
			return l
		}
		// An infinitive ("is to run through June", "to take place on")
		// points forward.
		if before[i] == "to" && i+1 < len(before) && len(before)-(i+2) <= 2 && infinitive(before[i+1]) && infinitiveAfter[prev] {
			return LeanFuture
		}
	}
	// The words after decide only for an expression fronted in its
	// sentence ("On 10 February, there will be a walkout"); after a
	// clause they belong to another verb.
	if len(before) > 2 {
		return LeanNearest
	}
	after := words(text[end:to])
	for i := 0; i < len(after) && i < 10; i++ {
		prev := ""
		if i > 0 {
			prev = after[i-1]
		}
		// After the expression only firm markers count: "Monday's
		// debate might not move mountains" is still about last Monday.
		if weakFuture[after[i]] {
			continue
		}
		if l := wordLean(after[i], prev); l != LeanNearest {
			return l
		}
	}
	return LeanNearest
}

func wordLean(w, prev string) Lean {
	if strings.HasSuffix(w, "'ll") {
		return LeanFuture
	}
	if futureAfterBe[w] && (beWords[prev] || strings.HasSuffix(prev, "'s")) {
		return LeanFuture
	}
	if futureWords[w] {
		return LeanFuture
	}
	if pastWords[w] {
		if passiveBefore[prev] && prev != "the" && prev != "a" {
			return LeanNearest // "will be held", "has been sent"
		}
		return LeanPast
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") {
		// After "be" a participle is passive ("is due to be published"),
		// after "the" or "next" an adjective ("the next planned strike").
		if passiveBefore[prev] || futureWords[prev] {
			return LeanNearest
		}
		return LeanPast
	}
	return LeanNearest
}

// sentenceBounds finds the sentence around [start, end): from the last
// sentence stop before start to the first after end.
func sentenceBounds(text string, start, end int) (int, int) {
	// Sentences longer than this are cut, so that text without stops
	// does not make every lookup read back to its start.
	const reach = 400
	from := max(0, start-reach)
	for i := start - 1; i > from; i-- {
		c := text[i]
		if c == '(' || c == ')' {
			from = i + 1
			break
		}
		if c == '\n' || ((c == ' ') && isStop(text[i-1]) && !abbreviationAt(text, i-1)) {
			from = i + 1
			break
		}
	}
	to := min(len(text), end+reach)
	for i := end; i < to; i++ {
		c := text[i]
		if c == '\n' || c == '(' || c == ')' || (isStop(c) && (i+1 == len(text) || text[i+1] == ' ') && !abbreviationAt(text, i)) {
			to = i
			break
		}
	}
	return from, to
}

// abbreviationAt reports whether the full stop at text[i] ends an
// abbreviation ("Gov.", "Mr.", "Jan.", "M.") rather than a sentence.
func abbreviationAt(text string, i int) bool {
	if text[i] != '.' {
		return false
	}
	j := i
	for j > 0 && isAlnum(text[j-1]) {
		j--
	}
	w := text[j:i]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gov": true, "sen": true, "rep": true,
	"st": true, "prof": true, "gen": true, "col": true, "lt": true, "sgt": true, "rev": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true,
	"dec": true, "no": true, "vs": true, "co": true, "inc": true, "corp": true, "ltd": true,
}

func isStop(c byte) bool { return c == '.' || c == '!' || c == '?' || c == ';' }

// words splits s into lower-case words, keeping apostrophes (curly ones
// made straight) inside words.
func words(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && b.Len() > 0:
			b.WriteByte('\'')
		default:
			flush()
		}
	}
	flush()
	return out
}
