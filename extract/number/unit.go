package number

import "strings"

// unitStop are the words that end the noun phrase naming what is counted.
var unitStop = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"have": true, "has": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "may": true, "might": true, "can": true, "must": true, "do": true,
	"does": true, "did": true, "in": true, "at": true, "on": true, "for": true, "by": true,
	"from": true, "to": true, "as": true, "than": true, "since": true, "due": true,
	"across": true, "between": true, "over": true, "during": true, "with": true, "after": true,
	"before": true, "into": true, "per": true, "a": true, "an": true, "the": true, "this": true,
	"that": true, "these": true, "those": true, "which": true, "who": true, "whom": true,
	"whose": true, "while": true, "because": true, "but": true, "not": true, "also": true,
	"still": true, "already": true, "now": true, "then": true, "each": true, "every": true,
	"including": true, "today": true, "yesterday": true, "tomorrow": true, "last": true,
	"next": true, "there": true, "their": true, "its": true, "our": true,
	"them": true, "us": true, "you": true, "it": true, "they": true, "we": true, "he": true,
	"she": true, "out": true, "up": true, "off": true, "so": true, "if": true, "when": true,
	"where": true, "open": true, "alone": true, "more": true, "less": true, "fewer": true,
	"of": true, "or": true, "and": true, "all": true, "about": true, "following": true,
	"excluding": true, "regarding": true, "concerning": true, "alongside": true,
	"amid": true, "despite": true, "towards": true, "toward": true, "via": true, "like": true,
	"unlike": true, "outside": true, "inside": true, "near": true, "beyond": true, "instead": true,
	"said": true, "says": true, "say": true, "earlier": true, "later": true, "ago": true,
	"yet": true, "again": true, "too": true, "here": true, "home": true, "away": true, "back": true,
	"ahead": true, "tonight": true, "overnight": true,
	"around": true, "under": true, "through": true, "until": true, "against": true,
	"within": true, "without": true, "compared": true, "according": true, "same": true,
}

// unitAfter reads the thing counted after the count ending at token last:
// "736 appointments or operations initially scheduled" → "appointments or
// operations"; "38% of junior doctors" → "junior doctors".
func unitAfter(toks []token, last int, kind string) string {
	j := last + 1
	// Step over a closing bracket: "(54%) of planned surgeries".
	if j < len(toks) && toks[j].s == ")" {
		j++
	}
	k := j
	for k < len(toks) && toks[k].kind == tSpace && !toks[k].para {
		k++
	}
	if k >= len(toks) || toks[k].kind != tWord {
		return ""
	}
	if toks[k].lower == "of" && kind != KindMoney {
		k2 := nextNonSpace(toks, k)
		if k2 < 0 || toks[k2].kind != tWord {
			return ""
		}
		switch toks[k2].lower {
		case "the", "its", "their", "our", "all":
			k3 := nextNonSpace(toks, k2)
			if k3 < 0 {
				return ""
			}
			// "75% of the 65 juniors": the share is of the juniors.
			if toks[k3].kind == tNum {
				k3 = nextNonSpace(toks, k3)
			}
			if k3 < 0 || toks[k3].kind != tWord {
				return ""
			}
			k2 = k3
		}
		k = k2
	}
	return nounPhrase(toks, k)
}

// nounPhrase collects the words of a noun phrase from token k.
func nounPhrase(toks []token, k int) string {
	var words []string
	pending := "" // "and"/"or" waiting for another noun
	for k >= 0 && k < len(toks) && len(words) < 7 {
		t := toks[k]
		if t.kind != tWord {
			break
		}
		w := t.lower
		if (w == "and" || w == "or") && len(words) > 0 && pending == "" {
			pending = t.s
		} else {
			if unitStop[w] || strings.HasSuffix(w, "ly") && len(w) > 4 && !lyNouns[w] {
				break
			}
			if len(words) > 0 && ((strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && len(w) > 4 || verbs[w]) {
				break
			}
			if isNumberWord(w) {
				break // "voters and nine out of 10"
			}
			if pending != "" {
				words = append(words, pending)
				pending = ""
			}
			words = append(words, t.s)
			if pluralHead(w) {
				// A plural noun ends the phrase unless "and"/"or" joins
				// another: "pandas live", "doctors belong".
				nx := nextNonSpace(toks, k)
				if nx < 0 || (toks[nx].lower != "and" && toks[nx].lower != "or") {
					break
				}
			}
		}
		// Next word, over one space or a hyphen inside a compound.
		n := k + 1
		if n < len(toks) && toks[n].s == "-" && n+1 < len(toks) && toks[n+1].kind == tWord && toks[n].start == t.end {
			if pending != "" {
				break
			}
			words[len(words)-1] += "-" + toks[n+1].s
			k = n + 2
			if k < len(toks) && toks[k].kind == tSpace && !toks[k].para {
				k++
			}
			continue
		}
		if n < len(toks) && toks[n].kind == tSpace && !toks[n].para {
			n++
		} else {
			break
		}
		k = n
	}
	return strings.Join(words, " ")
}

// unitBefore reads "the number of X cancelled ... surpassed one million"
// and "the total number of treatments cancelled grew to 3,850": X is the
// thing counted when nothing follows the count.
func unitBefore(toks []token, first int) string {
	// Walk back to the start of the sentence looking for "number of" or
	// "total of".
	for j := first - 1; j >= 0 && first-j < 80; j-- {
		t := toks[j]
		if t.kind == tSpace && t.para {
			return ""
		}
		if t.kind == tPunct && (t.s == "." || t.s == "!" || t.s == "?") {
			return ""
		}
		if t.kind == tWord && t.lower == "of" {
			p := prevNonSpace(toks, j)
			if p >= 0 && (toks[p].lower == "number" || toks[p].lower == "total" || toks[p].lower == "tally" || toks[p].lower == "count") {
				k := nextNonSpace(toks, j)
				if k < 0 {
					return ""
				}
				return nounPhrase(toks, k)
			}
		}
	}
	return ""
}

// lyNouns end in "ly" but are adjectives or nouns, not adverbs.
var lyNouns = map[string]bool{
	"daily": true, "weekly": true, "monthly": true, "yearly": true, "quarterly": true,
	"elderly": true, "family": true, "early": true, "supply": true, "assembly": true,
	"rally": true, "ally": true, "hourly": true, "nightly": true, "italy": true,
}

// pluralHead reports a plural noun, which heads the phrase it ends.
func pluralHead(w string) bool {
	switch w {
	case "people", "children", "staff", "men", "women", "personnel":
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") {
		return false
	}
	return !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s")
}

// verbs are common verbs that end a noun phrase after its first word
// ("planned cancer treatment went ahead", "38,000 belong to the BMA").
var verbs = map[string]bool{
	"went": true, "go": true, "goes": true, "came": true, "come": true, "comes": true, "took": true,
	"take": true, "takes": true, "made": true, "make": true, "makes": true, "got": true, "get": true,
	"gets": true, "gave": true, "give": true, "gives": true, "saw": true, "see": true, "sees": true,
	"left": true, "leave": true, "fell": true, "fall": true, "rose": true, "rise": true, "grew": true,
	"grow": true, "belong": true, "belongs": true, "remain": true, "remains": true, "face": true,
	"need": true, "needs": true, "want": true, "wants": true, "live": true, "die": true, "stay": true,
	"became": true, "become": true, "becomes": true, "turn": true, "vote": true, "say": true,
	"think": true, "expect": true, "hope": true, "feel": true, "felt": true, "know": true, "knew": true,
}
