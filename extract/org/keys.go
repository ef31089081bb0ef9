package org

import (
	"slices"
	"strings"

	"github.com/cuttings/cuttings/nhs"
)

// need is what a match needs around it before it counts.
type need uint8

const (
	needNone    need = iota // the words alone are enough
	needContext             // an NHS word after it ("trust", "hospital") or a "the X," frame
	needPlace               // a place next to it that fits ("City Hospital, Birmingham")
	needDoc                 // the organisation named elsewhere in the article (3-letter initials)
)

// entry is one reading of a key: which organisation or site it names and
// on what conditions.
type entry struct {
	org     string // reference data ID ("RMC", "S08000024", "NI-BHSCT"); "" for curated
	site    int    // index into Data.Sites, -1 when the key names the organisation
	curated int    // index into curatedOrgs + 1, 0 for NHS entries
	how     string
	tier    uint8 // 1 full names, 2 shortenings, 3 weak shortenings
	need    need
	anyCase bool // full names match in any case ("BOLTON NHS FOUNDATION TRUST")
	acronym bool // must be one word written in capitals
	bareOK  bool // a needContext entry that may stand alone when capitalised
	theOK   bool // a needContext entry that may stand alone after "the" ("the Christie")
	possOK  bool // a one-word hospital name that stands alone written with 's ("Addenbrooke's")
	unite   bool // "Unite": a verb at the start of a sentence
}

type keyEntries struct {
	words   []string
	entries []entry
}

// Word classes used to judge how telling a name is.
var (
	// orgWords make a name an organisation on their own.
	orgWords = set("hospital", "hospitals", "healthcare", "health", "infirmary", "mental", "partnership",
		"ambulance", "care", "nhs", "teaching", "community", "services", "foundation", "children",
		"women", "orthopaedic", "cancer", "clinic", "trust", "board", "hsc", "hospice", "specialist", "ysbyty")
	// facilityWords end a site name.
	facilityWords = set("hospital", "hospitals", "infirmary", "centre", "clinic", "unit", "institute", "hospice", "ysbyty",
		"surgery", "practice", "home", "house", "lodge", "ward", "wing", "annexe", "building", "department", "suite")
	// genericWords say what kind of site it is, not which.
	genericWords = set("city", "general", "royal", "county", "district", "community", "university", "hospital",
		"hospitals", "infirmary", "memorial", "new", "cottage", "war", "and", "of", "children", "women", "eye",
		"dental", "maternity", "mental", "health", "centre", "unit", "clinic", "north", "south", "east", "west",
		"central", "main", "minor", "injuries", "injury", "day", "surgery", "treatment", "rehabilitation",
		"specialist", "teaching", "national", "regional", "care", "services", "service", "st", "old", "urgent",
		"emergency", "medical", "private", "independent", "hospice", "psychiatric", "unit", "elderly", "mother", "baby", "neonatal",
		"diagnostic", "outpatient", "outpatients", "in", "for", "at", "on", "upon", "inpatient", "clinical",
		"assessment", "wellbeing", "recovery", "integrated", "resource", "child", "development", "family", "home",
		"house", "lodge", "ward", "practice", "building", "wing", "annexe", "department", "suite", "institute",
		"ysbyty", "cancer", "heart", "chest", "orthopaedic", "nhs", "trust", "foundation", "lane", "road", "park", "street", "hill", "green", "field", "fields", "court", "view", "way")
	// directionWords qualify a place without being one.
	directionWords = set("north", "south", "east", "west", "mid", "central", "greater", "upper", "lower", "great",
		"western", "eastern", "northern", "southern", "bay", "vale", "valley", "valleys", "coast", "county", "city",
		"and", "of", "on", "upon", "in", "under", "le", "st", "the", "royal", "isle", "isles", "forest", "moor",
		"downs", "marsh", "wolds", "hills", "dales", "riviera", "peninsula", "borough", "midlands", "england")
	// suffixWords may follow a name and give it NHS context.
	suffixWords = set("nhs", "foundation", "trust", "ft", "hospital", "hospitals", "infirmary", "board", "hsc", "trusts")
	// contextWords are the suffix words that prove NHS context.
	contextWords = set("trust", "ft", "hospital", "hospitals", "infirmary", "board", "nhs", "trusts")
	// descriptorWords may stand between a hospital's name and "hospital"
	// ("the Royal Brompton chest hospital").
	descriptorWords = set("chest", "cancer", "heart", "eye", "children", "childrens", "women", "maternity",
		"general", "district", "community", "teaching", "university", "psychiatric", "orthopaedic", "specialist",
		"acute", "county", "city", "main", "dental", "mental", "private", "nhs", "military", "famous", "big", "local",
		"cottage", "memorial", "royal")
	// legalSuffixes end an organisation's full name.
	legalSuffixes = [][]string{
		{"nhs", "foundation", "trust"}, {"nhs", "trust"}, {"foundation", "trust"},
		{"university", "health", "board"}, {"teaching", "health", "board"}, {"health", "board"},
		{"health", "and", "social", "care", "trust"}, {"hsc", "trust"}, {"integrated", "care", "board"},
	}
	// headStrips open a trust's name without naming it.
	headStrips = [][]string{
		{"university", "hospitals", "of"}, {"university", "hospitals"}, {"university", "hospital", "of"},
		{"university", "hospital"}, {"hospitals", "of"}, {"nhs"},
	}
	// tailStrips describe the trust's services at the end of its name.
	tailStrips = set("hospitals", "hospital", "university", "teaching", "healthcare", "health", "care",
		"partnership", "mental", "community", "services", "acute", "integrated", "social", "specialist", "and",
		"combined", "trust", "nhs", "foundation")
	// siteFillers can be dropped from a hospital's name ("Sandwell General
	// Hospital" -> "Sandwell hospital").
	siteFillers = set("general", "district", "county", "university")
	// specialtyWords make an otherwise generic shortening name something
	// ("Royal Orthopaedic").
	specialtyWords = set("orthopaedic", "cancer", "heart", "chest", "eye", "dental", "children", "women")
	// companyWords mark a site row that names a company or a trust, not a
	// hospital.
	companyWords = set("trust", "ltd", "limited", "plc", "cic", "llp")
	// hospitalWords are the facility words that make a generic name a
	// hospital's.
	hospitalWords = set("hospital", "infirmary")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func allIn(words []string, sets ...map[string]bool) bool {
	for _, w := range words {
		in := false
		for _, s := range sets {
			if s[w] {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	return true
}

func anyIn(words []string, s map[string]bool) bool {
	for _, w := range words {
		if s[w] {
			return true
		}
	}
	return false
}

func hasPrefix(words, pre []string) bool {
	if len(pre) > len(words) {
		return false
	}
	for i := range pre {
		if words[i] != pre[i] {
			return false
		}
	}
	return true
}

func hasSuffix(words, suf []string) bool {
	if len(suf) > len(words) {
		return false
	}
	off := len(words) - len(suf)
	for i := range suf {
		if words[off+i] != suf[i] {
			return false
		}
	}
	return true
}

// keyBuilder collects keys before the trie is compiled.
type keyBuilder struct {
	index   map[string]int
	keys    []keyEntries
	places  map[string]bool // single words that are places
	acroCnt map[string]map[string]bool
}

func (b *keyBuilder) add(words []string, e entry) {
	if len(words) == 0 {
		return
	}
	k := strings.Join(words, " ")
	i, ok := b.index[k]
	if !ok {
		i = len(b.keys)
		b.index[k] = i
		b.keys = append(b.keys, keyEntries{words: append([]string(nil), words...)})
	}
	ke := &b.keys[i]
	for j, old := range ke.entries {
		if old.org == e.org && old.site == e.site && old.curated == e.curated {
			// Keep the strongest reading of the same target.
			if e.tier < old.tier || (e.tier == old.tier && e.need < old.need) {
				ke.entries[j] = e
			}
			return
		}
	}
	ke.entries = append(ke.entries, e)
}

// placeOnly reports whether every word is a place or a direction, so the
// words alone name a place, not an organisation.
func (b *keyBuilder) placeOnly(words []string) bool {
	return allIn(words, b.places, directionWords)
}

// needFor judges a name without a legal suffix: an organisation word makes
// it enough; place words alone need NHS context.
func (b *keyBuilder) needFor(words []string) need {
	if anyIn(words, orgWords) {
		return needNone
	}
	if len(words) == 1 || b.placeOnly(words) {
		// "Bolton", "Online", "Barts": one word is a place or a common word
		// until "trust" or "hospital" follows.
		return needContext
	}
	return needNone
}

// stripLegal removes a leading "the" and a legal suffix.
func stripLegal(words []string) []string {
	for _, suf := range legalSuffixes {
		if hasSuffix(words, suf) && len(words) > len(suf) {
			return words[:len(words)-len(suf)]
		}
	}
	return words
}

// shortCore removes descriptive heads and tails from a trust's core name
// ("University Hospitals of Morecambe Bay" -> "Morecambe Bay",
// "Northumbria Healthcare" -> "Northumbria").
func shortCore(words []string) []string {
	if slices.Contains(words, "ambulance") {
		return nil
	}
	v := shortCores(words)
	if len(v) == 0 {
		if shortOK(words) {
			return words
		}
		return nil
	}
	return v[len(v)-1]
}

// shortOK rejects shortenings that no longer name anything ("Royal",
// "University Hospital").
func shortOK(w []string) bool {
	if len(w) == 0 || (len(w) == 1 && (genericWords[w[0]] || directionWords[w[0]])) {
		return false
	}
	// "Royal Orthopaedic" names its specialty; "University Hospital" nothing.
	return !allIn(w, genericWords) || anyIn(w, specialtyWords)
}

// shortCores lists the shortenings of a trust's core name, from the least
// to the most cut ("Wirral University Teaching Hospital" -> "Wirral
// University Teaching", "Wirral University", "Wirral").
func shortCores(words []string) [][]string {
	if slices.Contains(words, "ambulance") {
		return nil
	}
	var out [][]string
	ok := shortOK
	for _, h := range headStrips {
		if hasPrefix(words, h) && len(words) > len(h) {
			words = words[len(h):]
			if ok(words) {
				out = append(out, words)
			}
			break
		}
	}
	for len(words) > 1 && tailStrips[words[len(words)-1]] {
		words = words[:len(words)-1]
		if words[len(words)-1] == "and" {
			continue
		}
		if ok(words) {
			out = append(out, words)
		}
	}
	return out
}

// components splits "Barnet, Enfield and Haringey" into its parts, using
// the commas of the written name.
func components(name string) [][]string {
	toks := tokenize(name, nil)
	var out [][]string
	var cur []string
	for _, t := range toks {
		if t.norm == "and" || strings.Contains(t.gap, ",") {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
			if t.norm == "and" {
				continue
			}
		}
		if t.norm != "the" {
			cur = append(cur, t.norm)
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// initials of the significant words ("royal national orthopaedic hospital"
// -> "rnoh").
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "and", "of", "the", "for", "in", "on", "upon", "at":
			continue
		}
		r := []rune(w)
		if len(r) > 0 {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

// displayCore is the written name with the legal suffix cut, for components.
func displayCore(name string, core []string) string {
	toks := tokenize(name, nil)
	n := 0
	for _, t := range toks {
		if t.norm == "the" {
			continue
		}
		n++
		if n == len(core) {
			return name[:t.end]
		}
	}
	return name
}

// addOrg adds every way of writing an NHS organisation's names.
func (b *keyBuilder) addOrg(o *nhs.Org) {
	seen := map[string]bool{}
	for _, dn := range o.Names {
		if seen[dn.Name] {
			continue
		}
		seen[dn.Name] = true
		full := normPhrase(dn.Name)
		b.add(full, entry{org: o.ID, site: -1, how: HowNamed, tier: 1, anyCase: len(full) > 1})
		core := stripLegal(full)
		if o.Kind == nhs.KindBody {
			// Integrated care boards: "NHS X", "X ICB", "NHS X ICB", "X
			// Integrated Care Board"; never the bare X, which is a place.
			x := core
			if hasPrefix(x, []string{"nhs"}) {
				x = x[1:]
			}
			if len(x) == 0 {
				continue
			}
			b.add(append([]string{"nhs"}, x...), entry{org: o.ID, site: -1, how: HowShort, tier: 2})
			b.add(append(append([]string{}, x...), "icb"), entry{org: o.ID, site: -1, how: HowShort, tier: 1})
			b.add(append(append([]string{"nhs"}, x...), "icb"), entry{org: o.ID, site: -1, how: HowShort, tier: 1})
			b.add(append(append([]string{}, x...), "integrated", "care", "board"), entry{org: o.ID, site: -1, how: HowNamed, tier: 1})
			continue
		}
		if hasPrefix(core, []string{"nhs"}) && len(core) > 1 {
			core = core[1:]
		}
		if len(core) < len(full) {
			n := b.needFor(core)
			theOK := len(core) == 1 && !b.placeOnly(core)
			if o.Kind == nhs.KindBoard && !anyIn(core, orgWords) {
				// "Aneurin Bevan", "Lothian": a person or a place without
				// "health board" after it.
				n = needContext
			}
			b.add(core, entry{org: o.ID, site: -1, how: HowNamed, tier: 1, need: n, bareOK: n == needNone, theOK: theOK})
		}
		for _, sc := range shortCores(core) {
			if len(sc) >= len(core) {
				continue
			}
			n := b.needFor(sc)
			if sc[len(sc)-1] == "university" {
				n = needContext // "Nottingham University" is a university
			}
			b.add(sc, entry{org: o.ID, site: -1, how: HowShort, tier: 2, need: n, bareOK: n == needNone,
				theOK: len(sc) == 1 && !b.placeOnly(sc)}) // "the Whittington"
		}
		if o.Kind == nhs.KindTrust || o.Kind == nhs.KindBoard {
			if comps := components(displayCore(dn.Name, core)); comps != nil {
				for _, c := range comps {
					c = shortCore(c)
					if len(c) == 0 || allIn(c, genericWords, directionWords) {
						continue
					}
					b.add(c, entry{org: o.ID, site: -1, how: HowShort, tier: 3, need: needContext})
				}
			}
		}
		if in := initials(core); len([]rune(in)) >= 3 {
			b.addAcronym(in, o.ID)
			if o.Kind == nhs.KindTrust {
				b.addAcronym(in+"t", o.ID)
				if hasSuffix(full, []string{"foundation", "trust"}) {
					b.addAcronym(in+"ft", o.ID)
				}
			}
		}
	}
	if o.Abbrev != "" {
		b.addAcronym(strings.ToLower(o.Abbrev), o.ID)
	}
}

func (b *keyBuilder) addAcronym(a, org string) {
	if acronymStop[a] || len(a) > 8 {
		return
	}
	b.countAcronym(a, org)
	b.add([]string{a}, entry{org: org, site: -1, how: HowAcronym, tier: 2, acronym: true, need: needDoc})
}

// countAcronym records that initials a stand for organisation org, so that
// initials belonging to one organisation only can stand alone.
func (b *keyBuilder) countAcronym(a, org string) {
	if b.acroCnt[a] == nil {
		b.acroCnt[a] = map[string]bool{}
	}
	b.acroCnt[a][org] = true
}

// siteName cleans a site's name and returns it with the places it carries
// ("The Royal Marsden Hospital (Surrey)" -> "Royal Marsden Hospital",
// ["Surrey"]).
func siteName(name string) (string, []string) {
	var places []string
	if i := strings.Index(name, " - "); i > 0 {
		left, right := name[:i], name[i+3:]
		name = left
		if strings.Contains(left, "Trust") && !strings.Contains(right, "Trust") {
			// "Nottingham University Hospitals NHS Trust - Queen's Medical
			// Centre Campus"
			name = strings.TrimSuffix(strings.TrimSuffix(right, " Campus"), " Site")
		}
	}
	if i := strings.Index(name, ": "); i > 0 {
		name = name[i+2:] // "UCLH Outreach: The Princess Grace Hospital"
	}
	for {
		i := strings.Index(name, "(")
		j := strings.Index(name, ")")
		if i < 0 || j < i {
			break
		}
		places = append(places, strings.TrimSpace(name[i+1:j]))
		name = strings.TrimSpace(name[:i] + name[j+1:])
	}
	if i := strings.LastIndex(name, ","); i > 0 {
		places = append(places, strings.TrimSpace(name[i+1:]))
		name = strings.TrimSpace(name[:i])
	}
	return name, places
}

// addSite adds the ways of writing a hospital's name.
func (b *keyBuilder) addSite(i int, s nhs.Site) {
	name, _ := siteName(s.Name)
	words := normPhrase(name)
	if len(words) == 0 || anyIn(words, companyWords) {
		return
	}
	// A place after "hospital" ("Queen Elizabeth Hospital Birmingham",
	// "University Hospital Lewisham") qualifies the name.
	for k := len(words) - 2; k >= 0; k-- {
		if words[k] != "hospital" && words[k] != "infirmary" {
			continue
		}
		tail := words[k+1:]
		if !b.placeOnly(tail) || tail[0] == "of" || tail[0] == "for" {
			break
		}
		head := words[:k+1]
		if hasPrefix(head, []string{"university"}) || allIn(head, genericWords) {
			// "University Hospital Lewisham" is "Lewisham hospital".
			b.add(append(append([]string{}, tail...), "hospital"), entry{org: s.Parent, site: i, how: HowSite, tier: 2})
		} else {
			b.addSiteWords(i, s, head, name)
		}
		break
	}
	b.addSiteWords(i, s, words, name)
}

// addSiteWords adds a hospital's name words and their shortenings.
func (b *keyBuilder) addSiteWords(i int, s nhs.Site, words []string, name string) {
	e := entry{org: s.Parent, site: i, how: HowSite, tier: 1}
	hasFacility := anyIn(words, facilityWords)
	last := words[len(words)-1]
	generic := allIn(words, genericWords)
	if !hasFacility {
		if last == "royal" && len(words) >= 2 {
			// "Salford Royal" stands alone.
			b.add(words, entry{org: s.Parent, site: i, how: HowSite, tier: 2, need: needContext, bareOK: true})
		}
		// "St Thomas'" is written "St Thomas' hospital".
		words = append(append([]string{}, words...), "hospital")
		last = "hospital"
	} else if generic && !anyIn(words, hospitalWords) {
		return // "Child Development Centre"
	}
	if generic {
		e.need = needPlace
	}
	b.add(words, e)
	if len(words) > 1 && words[0] == "st" && strings.HasSuffix(words[1], "s") && len(words[1]) > 3 {
		// "St Georges Hospital" is also written "St George's".
		v := append([]string{"st", strings.TrimSuffix(words[1], "s")}, words[2:]...)
		b.add(v, e)
	}
	if last != "hospital" && last != "infirmary" {
		return
	}
	x := words[:len(words)-1]
	if len(x) == 0 {
		return
	}
	// "Sandwell General Hospital" -> "Sandwell hospital"; "Dewsbury and
	// District Hospital" -> "Dewsbury hospital", "Dewsbury District Hospital".
	var v, vAnd []string
	for j, w := range x {
		if siteFillers[w] {
			continue
		}
		if w == "and" && j+1 < len(x) && siteFillers[x[j+1]] {
			continue
		}
		v = append(v, w)
	}
	for j, w := range x {
		if w == "and" && j+1 < len(x) && siteFillers[x[j+1]] {
			continue
		}
		vAnd = append(vAnd, w)
	}
	for _, alt := range [][]string{v, vAnd} {
		if len(alt) > 0 && len(alt) < len(x) && !allIn(alt, genericWords) {
			b.add(append(append([]string{}, alt...), last), entry{org: s.Parent, site: i, how: HowSite, tier: 2})
		}
	}
	if in := initials(words); !generic && !acronymStop[in] && len(in) >= 3 && len(in) <= 5 {
		b.add([]string{in}, entry{org: s.Parent, site: i, how: HowAcronym, tier: 2, acronym: true, need: needDoc})
		b.countAcronym(in, s.Parent)
	}
	if generic || last != "hospital" || allIn(x, genericWords, directionWords) {
		return
	}
	b.addBare(i, s, x, name)
	// "Alder Hey Children's Hospital" is "Alder Hey".
	xs := x
	for len(xs) > 1 && descriptorWords[xs[len(xs)-1]] {
		xs = xs[:len(xs)-1]
	}
	if len(xs) < len(x) && !allIn(xs, genericWords, directionWords) {
		b.addBare(i, s, xs, name)
	}
}

// addBare adds a hospital's name without "hospital". It needs "hospital"
// after it unless it is telling: "the Royal Marsden", "the Chelsea and
// Westminster", "the John Radcliffe", "Addenbrooke's".
func (b *keyBuilder) addBare(i int, s nhs.Site, x []string, name string) {
	bare := entry{org: s.Parent, site: i, how: HowSite, tier: 3, need: needContext}
	switch {
	case len(x) >= 2 && x[0] == "royal" && !allIn(x[1:], genericWords):
		if b.placeOnly(x[1:]) {
			bare.theOK = true // "the Royal Derby"; "Royal London" alone is an insurer
		} else {
			bare.bareOK = true // "Royal Marsden"
		}
	case len(x) >= 2 && x[len(x)-1] == "general" && !allIn(x[:len(x)-1], genericWords, directionWords):
		bare.bareOK = true // "Furness General"
	case b.placeOnly(x) || allIn(x, genericWords, directionWords):
	case len(x) == 1:
		// One word is often an ordinary word ("the Manor", "the Chase"):
		// only "Addenbrooke's" written with its 's stands alone.
		bare.possOK = possessive(name, x[0]) && !personWords[x[0]]
	default:
		bare.theOK = true
	}
	b.add(x, bare)
}

// personWords name people as well as hospitals ("the Queen's", "St
// Mary's").
var personWords = set("queen", "king", "prince", "princess", "lady", "st", "god", "mother", "father", "children", "women", "men", "people", "duchess", "duke", "countess", "guy")

// possessive reports whether word is written with 's in name
// ("Addenbrooke's Hospital").
func possessive(name, word string) bool {
	for _, t := range tokenize(name, nil) {
		if t.norm == word && t.poss {
			return true
		}
	}
	return false
}

// addCurated adds the hand-listed bodies.
func (b *keyBuilder) addCurated() {
	for i, c := range curatedOrgs {
		b.add(normPhrase(c.name), entry{site: -1, curated: i + 1, how: HowNamed, tier: 1, unite: c.id == "unite"})
		for _, n := range c.names {
			b.add(normPhrase(n), entry{site: -1, curated: i + 1, how: HowAlias, tier: 1})
		}
		for _, a := range c.acros {
			b.add([]string{strings.ToLower(a)}, entry{site: -1, curated: i + 1, how: HowAcronym, tier: 1, acronym: true})
		}
	}
}
