package org

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/nhs"
)

// Config configures a Linker.
type Config struct {
	// Logger receives build statistics; zerolog.Nop() when zero.
	Logger zerolog.Logger
	// Data is the reference data folder (orgs.csv, succ.csv, sites.csv);
	// nil means the data embedded in package nhs.
	Data fs.FS
	// Now is the clock used when an article has no publication date;
	// time.Now when nil.
	Now func() time.Time
}

// Linker finds and links organisation mentions. It is built once and is
// safe for concurrent use.
type Linker struct {
	log  zerolog.Logger
	now  func() time.Time
	data *nhs.Data
	trie *trie
	keys []keyEntries
	// places holds, per organisation ID and per site index, the place
	// phrases that locate it ("london", "tooting", "west bromwich").
	orgPlaces  map[string]map[string]bool
	sitePlaces []map[string]bool
	// sitePhys identifies the physical hospital behind a site row (name and
	// town), so rows of different sources for one building can be told apart
	// from different buildings of the same name.
	sitePhys []string
	// places holds the single words that name places.
	places map[string]bool
	vocab  *vocabulary
}

// NewLinker loads the reference data and compiles the name trie.
func NewLinker(cfg Config) (*Linker, error) {
	data, err := nhs.Load(cfg.Data)
	if err != nil {
		return nil, fmt.Errorf("org: %w", err)
	}
	l := &Linker{log: cfg.Logger, now: cfg.Now, data: data}
	if l.now == nil {
		l.now = time.Now
	}
	b := &keyBuilder{index: map[string]int{}, places: map[string]bool{}, acroCnt: map[string]map[string]bool{}}
	l.buildPlaces(b)
	ids := make([]string, 0, len(data.Orgs))
	for id := range data.Orgs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		b.addOrg(data.Orgs[id])
	}
	for i, s := range data.Sites {
		b.addSite(i, s)
	}
	b.addCurated()
	// Initials of four letters or more that belong to one organisation only
	// stand on their own ("RNOH", "UHMBT").
	for ki := range b.keys {
		k := &b.keys[ki]
		for ei := range k.entries {
			e := &k.entries[ei]
			if e.acronym && e.curated == 0 && len(k.words[0]) >= 4 && len(b.acroCnt[k.words[0]]) == 1 {
				e.need = needNone
			}
		}
	}
	l.keys = b.keys
	l.places = b.places
	l.vocab = newVocabulary()
	for _, m := range []map[string]bool{suffixWords, contextWords, descriptorWords, unionFollowers, abbrevs, directionWords, theFollowers} {
		for w := range m {
			l.vocab.add(w)
		}
	}
	for _, w := range []string{"the", "and", "of", "for", "health", "board", "university", "union", "members", "said", "says", "has", "is", "officials"} {
		l.vocab.add(w)
	}
	addPhrases := func(m map[string]bool) {
		for phrase := range m {
			for _, w := range strings.Fields(phrase) {
				l.vocab.add(w)
			}
		}
	}
	for _, m := range l.sitePlaces {
		addPhrases(m)
	}
	for _, m := range l.orgPlaces {
		addPhrases(m)
	}
	l.trie = newTrie()
	wordIDs := make([]int32, 0, 8)
	for ki, k := range b.keys {
		wordIDs = wordIDs[:0]
		for _, w := range k.words {
			wordIDs = append(wordIDs, l.vocab.add(w))
		}
		n := l.trie.insert(wordIDs)
		l.trie.term[n] = int32(ki + 1)
	}
	l.log.Debug().Int("keys", len(l.keys)).Int("nodes", len(l.trie.term)).Msg("org linker built")
	return l, nil
}

// buildPlaces collects the place words (for judging bare names) and the
// place phrases of each organisation and site (for disambiguation).
func (l *Linker) buildPlaces(b *keyBuilder) {
	l.orgPlaces = map[string]map[string]bool{}
	l.sitePlaces = make([]map[string]bool, len(l.data.Sites))
	l.sitePhys = make([]string, len(l.data.Sites))
	addPhrase := func(m map[string]bool, s string, words bool) {
		for _, part := range strings.Split(s, ",") {
			w := normPhrase(part)
			if len(w) == 0 || len(w) > 4 {
				continue
			}
			m[strings.Join(w, " ")] = true
			if words {
				for _, x := range w {
					if !genericWords[x] {
						b.places[x] = true
					}
				}
			}
		}
	}
	for id, o := range l.data.Orgs {
		m := map[string]bool{}
		addPhrase(m, o.Town, true)
		if o.Kind == nhs.KindBody {
			for _, n := range o.Names {
				core := strings.TrimSuffix(strings.TrimPrefix(n.Name, "NHS "), " Integrated Care Board")
				addPhrase(m, strings.ReplaceAll(core, " and ", ","), true)
			}
		}
		l.orgPlaces[id] = m
	}
	for i, s := range l.data.Sites {
		m := map[string]bool{}
		addPhrase(m, s.Town, true)
		addPhrase(m, s.County, true)
		addPhrase(m, s.Address, false)
		// "Westminster Bridge Road" also locates by "Westminster Bridge".
		for _, part := range strings.Split(s.Address, ",") {
			w := normPhrase(part)
			if len(w) >= 3 && streetWords[w[len(w)-1]] {
				m[strings.Join(w[:len(w)-1], " ")] = true
			}
		}
		sn, ps := siteName(s.Name)
		for _, p := range ps {
			addPhrase(m, p, false)
		}
		l.sitePlaces[i] = m
		l.sitePhys[i] = strings.Join(normPhrase(sn), " ") + "|" + strings.Join(normPhrase(s.Town), " ")
		if om := l.orgPlaces[s.Parent]; om != nil {
			addPhrase(om, s.Town, false)
		}
	}
}

// unionFollowers may follow a union's name without making it part of a
// longer one ("Unite General Secretary Sharon Graham").
var unionFollowers = set("general", "regional", "national", "union", "members", "officials", "secretary", "leader", "chief", "council", "branch", "rep", "reps", "spokesperson", "spokesman", "spokeswoman")

// theFollowers may follow a one-word name after "the" ("the Christie
// said"); other words make it an adjective ("the Pennine hills").
var theFollowers = set("said", "says", "has", "had", "have", "is", "was", "were", "are", "will", "would", "could",
	"can", "did", "does", "which", "where", "who", "in", "on", "at", "to", "for", "and", "or", "but", "after",
	"before", "since", "when", "with", "as", "also", "now", "today", "yesterday", "last", "this")

// pastTense reports a lower-case word ending in -ed ("the Christie
// confirmed").
func pastTense(text string, t token) bool {
	w := text[t.start:t.end]
	return !t.cap && len(w) > 3 && strings.HasSuffix(w, "ed")
}

// streetWords end a street name in an address.
var streetWords = set("road", "street", "lane", "avenue", "way", "drive", "hill", "place", "square", "terrace", "close", "crescent", "grove", "gardens", "walk", "row", "parade")

// Find returns the organisation mentions in text, in text order, with the
// codes in force at published (today's codes, with a warning, when
// published is zero). Warnings name ambiguous mentions left unlinked.
func (l *Linker) Find(text string, published time.Time) (ms []Mention, warnings []string) {
	at := published
	if at.IsZero() {
		at = l.now()
		warnings = append(warnings, "organisations: publication date unknown; NHS codes are today's")
	}
	toks := tokenize(text, l.vocab)
	var found []*pending
	for i := 0; i < len(toks); {
		if p := l.matchAt(text, toks, i, at); p != nil {
			found = append(found, p)
			i = p.endTok
			continue
		}
		i++
	}
	return l.resolve(text, toks, found, at, warnings)
}

// pending is a match before article-level resolution.
type pending struct {
	startTok, endTok int // token range, end exclusive (suffix words included)
	how              string
	cands            []target // distinct targets that fit
	needPlace        bool
	needDoc          bool
	key              string // the key's words: one sense per article
}

// target is what an entry names at the publication date.
type target struct {
	codes   []string // codes in force (more than one: the data cannot tell which)
	orgID   string   // the reference ID the key named
	site    int
	curated int
	named   bool // the organisation's own name, not one of its hospitals
}

func (t target) key() string {
	if t.curated > 0 {
		return "c:" + curatedOrgs[t.curated-1].id
	}
	return strings.Join(t.codes, "+")
}

// matchAt tries every key starting at token i, longest first.
func (l *Linker) matchAt(text string, toks []token, i int, at time.Time) *pending {
	if toks[i].norm == "the" {
		return nil
	}
	type hit struct{ key, end int }
	var hits []hit
	n := int32(0)
	for j := i; j < len(toks); j++ {
		if j > i && toks[j].breakBefore {
			break
		}
		if j > i && toks[j].norm == "the" {
			continue
		}
		if toks[j].id < 0 {
			break
		}
		next, ok := l.trie.step(n, toks[j].id)
		if !ok {
			break
		}
		n = next
		if k := l.trie.term[n]; k > 0 {
			hits = append(hits, hit{int(k - 1), j + 1})
		}
	}
	for h := len(hits) - 1; h >= 0; h-- {
		if p := l.evaluate(text, toks, i, hits[h].end, &l.keys[hits[h].key], at); p != nil {
			return p
		}
	}
	return nil
}

// extend consumes suffix words after a name ("NHS Foundation Trust",
// "trust", "chest hospital", "health board") and reports whether any of
// them gives NHS context.
func extend(toks []token, end int) (int, bool) {
	ctx := false
	j := end
	for j < len(toks) && !toks[j].breakBefore && !strings.Contains(toks[j].gap, ",") {
		w := toks[j].norm
		switch {
		case suffixWords[w]:
			ctx = ctx || contextWords[w]
			j++
			continue
		case w == "health" && j+1 < len(toks) && toks[j+1].norm == "board" && !toks[j+1].breakBefore:
			j += 2
			ctx = true
			continue
		case (descriptorWords[w] || w == "university") && j+1 < len(toks) && !toks[j+1].breakBefore &&
			(toks[j+1].norm == "hospital" || toks[j+1].norm == "hospitals" ||
				(descriptorWords[toks[j+1].norm] && j+2 < len(toks) && toks[j+2].norm == "hospital" && !toks[j+2].breakBefore)):
			j++
			continue
		}
		break
	}
	return j, ctx
}

// inCapsRun reports whether token i sits among other capitalised words (a
// headline in capitals), where initials cannot be told from words.
func inCapsRun(toks []token, i int) bool {
	if i > 0 && !toks[i].breakBefore && toks[i-1].upper {
		return true
	}
	return i+1 < len(toks) && !toks[i+1].breakBefore && toks[i+1].upper
}

// evaluate checks the conditions of every entry of key k matched on
// toks[i:end] and returns the match, or nil when no reading holds.
func (l *Linker) evaluate(text string, toks []token, i, end int, k *keyEntries, at time.Time) *pending {
	extEnd, ctx := extend(toks, end)
	// A key ending in "hospital" or "trust" carries its own context.
	ctx = ctx || contextWords[k.words[len(k.words)-1]]
	prevThe := i > 0 && toks[i-1].norm == "the" && !toks[i].breakBefore
	boundary := extEnd >= len(toks) || toks[extEnd].breakBefore || strings.Contains(toks[extEnd].gap, ",")
	nextCap := !boundary && toks[extEnd].cap
	allUpper := true
	for j := i; j < end; j++ {
		if !toks[j].upper && toks[j].norm != "and" && toks[j].norm != "the" {
			allUpper = false
		}
	}
	capOK := toks[i].cap
	// longer: the match looks like part of a longer proper name we do not
	// know ("Michigan Department of Health", "Unite Connect", "Old
	// Trafford", "Department of Health and Human Services").
	prevCap := i > 0 && !toks[i].breakBefore && !toks[i-1].sentBefore && toks[i-1].cap && toks[i-1].norm != "the" &&
		strings.TrimSpace(toks[i].gap) == "" && !toks[i-1].upper
	longer := nextCap || prevCap
	andCap := false // "... and Human Services": only curated names are cut short this way
	if !boundary && extEnd+1 < len(toks) && !toks[extEnd+1].breakBefore && toks[extEnd+1].cap {
		switch toks[extEnd].norm {
		case "of", "for":
			longer = true
		case "and":
			andCap = true
		}
	}
	bestTier := uint8(255)
	var ok []entry
	for _, e := range k.entries {
		if e.acronym {
			if end != i+1 || !toks[i].upper || inCapsRun(toks, i) {
				continue
			}
		} else if !e.anyCase && !capOK {
			continue
		} else if allUpper && !e.anyCase && end-i > 0 && !(end == i+1 && e.curated > 0) {
			// A name in capitals is only trusted when it is a full name.
			if inCapsRun(toks, i) {
				continue
			}
		}
		if e.unite && toks[i].sentBefore && !nextCap {
			// "Unite the ..." at the start of a sentence is a verb unless a
			// union word follows.
			if extEnd < len(toks) {
				switch toks[extEnd].norm {
				case "union", "members", "said", "says", "has", "is", "officials", "regional", "general":
				default:
					continue
				}
			}
		}
		if prevCap && !e.acronym && e.need == needContext {
			continue // "New York hospitals"
		}
		if andCap && e.curated > 0 && !e.acronym && end > i+1 {
			continue
		}
		if longer && !ctx && !e.acronym && (e.curated > 0 || e.tier >= 2 || e.need != needNone) {
			if !(e.curated > 0 && end == i+1 && !nextCap) && !(e.curated > 0 && nextCap && unionFollowers[toks[extEnd].norm]) {
				continue
			}
		}
		switch e.need {
		case needNone:
			if e.tier >= 2 && nextCap && !ctx && !e.acronym {
				continue // part of a longer name we do not know ("Barts Health Centre")
			}
		case needContext:
			poss := e.possOK && end == i+1 && toks[i].poss && !toks[i].sentBefore
			theOK := e.theOK && prevThe && !longer && (end-i > 1 || boundary || theFollowers[toks[extEnd].norm] || pastTense(text, toks[extEnd]))
			if !(ctx || (e.bareOK && !longer) || theOK || (poss && !longer)) {
				continue
			}
		}
		if e.tier < bestTier {
			bestTier = e.tier
		}
		ok = append(ok, e)
	}
	if len(ok) == 0 {
		return nil
	}
	p := &pending{startTok: i, endTok: extEnd, key: strings.Join(k.words, " ")}
	seen := map[string]int{}
	for _, e := range ok {
		if e.tier != bestTier {
			continue
		}
		t := l.targetOf(e, at)
		if j, dup := seen[t.key()]; dup {
			if e.site >= 0 && p.cands[j].site < 0 {
				p.cands[j].site = e.site
			}
			continue
		}
		seen[t.key()] = len(p.cands)
		p.cands = append(p.cands, t)
		if p.how == "" || e.how == HowNamed {
			p.how = e.how
		}
	}
	// A hospital's name with "hospital" written is a site mention even when
	// the trust is named after it ("the Royal Marsden cancer hospital").
	if len(p.cands) == 1 && p.how != HowAcronym && p.how != HowSite {
		hosp := false
		for _, w := range k.words {
			hosp = hosp || w == "hospital" || w == "infirmary"
		}
		for j := end; j < extEnd; j++ {
			hosp = hosp || toks[j].norm == "hospital" || toks[j].norm == "infirmary"
		}
		if hosp {
			for _, e := range ok {
				if e.site >= 0 && !e.anyCase && l.targetOf(e, at).key() == p.cands[0].key() {
					p.how = HowSite
					break
				}
			}
		}
	}
	// A reading that needs a place or the rest of the article holds the
	// match back only when no reading stands on its own.
	p.needPlace, p.needDoc = true, true
	for _, e := range ok {
		if e.tier != bestTier {
			continue
		}
		if e.need != needPlace {
			p.needPlace = false
		}
		if e.need != needDoc {
			p.needDoc = false
		}
	}
	return p
}

// targetOf maps an entry to the organisation in force at the date.
func (l *Linker) targetOf(e entry, at time.Time) target {
	if e.curated > 0 {
		return target{curated: e.curated, site: -1}
	}
	t := target{orgID: e.org, site: e.site, named: e.site < 0 && e.how == HowNamed}
	codes := l.data.InForce(e.org, at)
	if e.site >= 0 {
		// The site code's first three characters are its trust's code.
		prefix := ""
		if code := l.data.Sites[e.site].Code; len(code) >= 3 {
			prefix = code[:3]
		}
		if len(codes) > 1 {
			for _, c := range codes {
				if c == prefix {
					codes = []string{c}
					break
				}
			}
		}
	}
	t.codes = codes
	return t
}
