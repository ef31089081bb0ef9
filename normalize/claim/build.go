package claim

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/normalize"
)

// england is the subject of national totals (read only).
var england = normalize.Subject{Name: "England"}

// Build returns the claims of a record whose Text, Organisations, People,
// Quotes, Dates and Counts are filled. It reads nothing else and changes
// nothing; a record without counts has no claims. A claim stated twice
// (the same subject and value, by the same speaker or in nearby
// paragraphs) is returned once, at its first statement.
func Build(rec *normalize.Record) []normalize.Claim {
	if rec == nil || len(rec.Counts) == 0 || rec.Text == "" {
		return nil
	}
	b := newBuilder(rec)
	var out []normalize.Claim
	var paras []int
	for _, c := range b.counts {
		cl, ok := b.claimFor(c)
		if !ok {
			continue
		}
		si := b.sentOf(c.Span.Start)
		para := b.sents[si].para
		if duplicateOf(out, paras, cl, para) >= 0 {
			continue
		}
		out = append(out, cl)
		paras = append(paras, para)
		b.prev = append(b.prev, prior{claim: cl, sent: si, para: para})
	}
	return out
}

// prior is a claim already made, for the sentences after it.
type prior struct {
	claim normalize.Claim
	sent  int
	para  int
}

// builder holds one record's indexes.
type builder struct {
	rec       *normalize.Record
	text      string
	sents     []sentence
	counts    []normalize.Count
	orgs      []orgMention
	places    []placeMention
	published string
	dates     []normalize.Date // dates with spans inside the text
	prev      []prior
	info      map[int]*sentInfo
	units     map[string]unitInfo
	// clauses caches the readings of clauses shorter than their sentence,
	// which several counts often share.
	clauses map[normalize.Span]*clauseInfo
	// national[i] reports whether rec.People[i] speaks for the country's
	// health service (see nationalPerson).
	national []bool
	// lower is the text lower-cased, made on first use by lowerAt;
	// lowerKept reports whether lowering kept every rune's length, so
	// that its slices are the slices' lower case.
	lower                string
	lowerMade, lowerKept bool
}

// sentInfo caches what a sentence says, for the counts it holds.
type sentInfo struct {
	pay, national bool
	// total: an explicit running-total cue; totalCue: a cue that makes one
	// for events.
	total, totalCue bool
	metric, cause   string
	strong          bool
	// cuts are the sentence's clauseCuts, once hasCuts is set.
	cuts    []int
	hasCuts bool
}

// clauseInfo caches what a clause says: its metric once hasMetric is set,
// its running-total cues once hasTotal is.
type clauseInfo struct {
	metric            string
	strong, hasMetric bool
	total, totalCue   bool
	hasTotal          bool
}

// clauseAt returns the cache entry of the clause text[cs:ce].
func (b *builder) clauseAt(cs, ce int) *clauseInfo {
	k := normalize.Span{Start: cs, End: ce}
	in, ok := b.clauses[k]
	if !ok {
		in = &clauseInfo{}
		b.clauses[k] = in
	}
	return in
}

// clauseMetric is metricOf(text[cs:ce]), cached.
func (b *builder) clauseMetric(cs, ce int) (string, bool) {
	in := b.clauseAt(cs, ce)
	if !in.hasMetric {
		in.metric, in.strong = metricOf(b.text[cs:ce], b.lowerAt(cs, ce))
		in.hasMetric = true
	}
	return in.metric, in.strong
}

// clauseTotal is totalCues(text[cs:ce]), cached.
func (b *builder) clauseTotal(cs, ce int) (bool, bool) {
	in := b.clauseAt(cs, ce)
	if !in.hasTotal {
		in.total, in.totalCue = totalCues(b.text[cs:ce], b.lowerAt(cs, ce))
		in.hasTotal = true
	}
	return in.total, in.totalCue
}

// infoOf returns the cached reading of sentence si.
func (b *builder) infoOf(si int) *sentInfo {
	if in, ok := b.info[si]; ok {
		return in
	}
	t := b.text[b.sents[si].start:b.sents[si].end]
	lower := b.lowerAt(b.sents[si].start, b.sents[si].end)
	in := &sentInfo{pay: hasLowerWords(lower, payWords), national: isNational(t), cause: causeOf(t, lower)}
	in.total, in.totalCue = totalCues(t, lower)
	in.metric, in.strong = metricOf(t, lower)
	b.info[si] = in
	return in
}

// orgMention is a mention of a coded organisation.
type orgMention struct {
	start, end int
	subject    normalize.Subject
}

// placeMention is a place named in the text outside an organisation's name.
type placeMention struct {
	start, end int
	name       string
}

func newBuilder(rec *normalize.Record) *builder {
	b := &builder{rec: rec, text: rec.Text, sents: sentences(rec.Text), info: map[int]*sentInfo{}, units: map[string]unitInfo{}, clauses: map[normalize.Span]*clauseInfo{}}
	if p := string(rec.Published); len(p) >= 10 {
		b.published = p[:10]
	}
	b.national = make([]bool, len(rec.People))
	for i := range rec.People {
		b.national[i] = nationalPerson(&rec.People[i])
	}
	// Counts in order; a range written as two entries over one span is
	// one statement: keep its first entry.
	seen := map[normalize.Span]bool{}
	for _, c := range rec.Counts {
		if c.Span.Start < 0 || c.Span.End > len(rec.Text) || c.Span.Start >= c.Span.End || seen[c.Span] {
			continue
		}
		seen[c.Span] = true
		b.counts = append(b.counts, c)
	}
	sort.SliceStable(b.counts, func(i, j int) bool { return b.counts[i].Span.Start < b.counts[j].Span.Start })
	for _, d := range rec.Dates {
		if d.Span.Start >= 0 && d.Span.Start < d.Span.End && d.Span.End <= len(rec.Text) {
			b.dates = append(b.dates, d)
		}
	}
	var inOrg []normalize.Span
	for _, o := range rec.Organisations {
		for _, m := range o.Mentions {
			if m.Start < 0 || m.End > len(rec.Text) || m.Start >= m.End {
				continue
			}
			inOrg = append(inOrg, normalize.Span{Start: m.Start, End: m.End})
			if o.Code == "" || !(o.Kind == "nhs-trust" || o.Kind == "nhs-board" || o.Kind == "") {
				continue
			}
			b.orgs = append(b.orgs, orgMention{start: m.Start, end: m.End, subject: normalize.Subject{Name: o.Name, Code: string(o.Code)}})
		}
	}
	sort.Slice(b.orgs, func(i, j int) bool { return b.orgs[i].start < b.orgs[j].start })
	var placeSpans []normalize.Span
	for _, p := range places {
		for _, m := range findAllNear(rec.Text, p.re, p.lits) {
			if overlapsAny(inOrg, m[0], m[1]) || overlapsAny(placeSpans, m[0], m[1]) || isNational(rec.Text[max(0, m[0]-4):m[1]]) {
				continue // "NHS England", "Manchester University NHS FT", inside "England and Wales"
			}
			if inName(rec.Text, m[0], m[1]) {
				continue // "Royal Bank of Scotland", "the UK Government"
			}
			placeSpans = append(placeSpans, normalize.Span{Start: m[0], End: m[1]})
			name := p.name
			if name == "" {
				name = strings.TrimPrefix(rec.Text[m[0]:m[1]], "the ")
			}
			name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
			b.places = append(b.places, placeMention{start: m[0], end: m[1], name: name})
		}
	}
	sort.Slice(b.places, func(i, j int) bool { return b.places[i].start < b.places[j].start })
	return b
}

func overlapsAny(spans []normalize.Span, start, end int) bool {
	for _, s := range spans {
		if start < s.End && s.Start < end {
			return true
		}
	}
	return false
}

// sentOf returns the sentence holding pos (the nearest one before it when
// pos falls between sentences).
func (b *builder) sentOf(pos int) int {
	if i := sentenceAt(b.sents, pos); i >= 0 {
		return i
	}
	for i := len(b.sents) - 1; i >= 0; i-- {
		if b.sents[i].start <= pos {
			return i
		}
	}
	return 0
}

// claimFor joins a count with its subject, metric, period, cause and
// speaker, or reports that the count is not a claim.
func (b *builder) claimFor(c normalize.Count) (normalize.Claim, bool) {
	if len(b.sents) == 0 || !countable(c) {
		return normalize.Claim{}, false
	}
	si := b.sentOf(c.Span.Start)
	s := b.sents[si]
	sentText := b.text[s.start:s.end]
	info := b.infoOf(si)
	if (c.Kind == "percent" || c.Kind == "money") && info.pay || hasWords(c.Unit, payWords) {
		return normalize.Claim{}, false
	}
	cs, ce := b.clause(si, c)
	// The metric named in the count's clause; else, when the count names
	// what it counts, that ("45,000 junior doctors, and 98% voted to
	// strike": the 45,000 are not on strike); else the sentence's.
	metric, strong := info.metric, info.strong
	if m, st := b.unitMetric(c.Unit); m != "" {
		// The thing counted names what happened: "100 picket lines",
		// "3,400 of the cancellations".
		metric, strong = m, st
	} else if cs != s.start || ce != s.end {
		if m, st := b.clauseMetric(cs, ce); m != "" {
			metric, strong = m, st
		} else if c.Unit != "" {
			metric, strong = "", false
		}
	}
	q := b.quoteAt(c.Span.Start)
	speaker := ""
	if q != nil {
		speaker = string(q.Speaker)
	}

	subj, how := b.subjectFor(si, c, cs, ce, q)
	switch how {
	case "":
		return normalize.Claim{}, false
	case "explicit", "preceding":
		if metric == "" && c.Unit == "" {
			return normalize.Claim{}, false
		}
	case "running":
		if !strong {
			return normalize.Claim{}, false
		}
	default: // coreference, speaker, national source
		if metric == "" {
			return normalize.Claim{}, false
		}
	}
	if metric == "" {
		metric = c.Unit
	}
	if how == "preceding" || how == "running" {
		// A figure given again later ("98% of us voted") with only a loose
		// subject restates the claim made before, not a new one.
		for _, p := range b.prev {
			if p.claim.Value == c.Value && p.claim.Kind == c.Kind && p.claim.Metric == metric {
				return normalize.Claim{}, false
			}
		}
	}
	cl := normalize.Claim{
		Subject: subj, Metric: metric, What: c.Unit, Value: c.Value, Approx: c.Approx, Kind: c.Kind,
		Speaker: normalize.OptString(speaker), Evidence: strings.TrimSpace(sentText),
		Span: normalize.Span{Start: s.start, End: s.end},
	}
	if cl.Approx == "" {
		cl.Approx = "exact"
	}
	total, totalCue := info.total, info.totalCue
	if cs != s.start || ce != s.end {
		// "148,951 were rearranged, bringing the total to 835,000": the
		// total is the second figure's.
		total, totalCue = b.clauseTotal(cs, ce)
	}
	cl.Cumulative = total || strong && totalCue
	cl.Cause = normalize.OptString(info.cause)
	cl.Period = b.periodFor(si, c, cs, ce, cl.Cumulative)
	if cl.Period == nil && !cl.Cumulative {
		// "Just over 4,000 were postponed ...": the period of the claim
		// just before, in the same paragraph, with the same metric.
		if p := b.lastPrior(); p != nil && p.para == s.para && p.claim.Metric == metric && si-p.sent <= 1 && p.claim.Period != nil &&
			!(si == p.sent && b.dateInSentence(si)) {
			// In the same sentence only a period carried from the sentence
			// before is shared: a date here belongs to the figure it follows.
			per := *p.claim.Period
			cl.Period = &per
		}
	}
	if cl.What == "" {
		if p := b.lastPrior(); p != nil && p.para == s.para && p.claim.Metric == metric && p.claim.Kind == cl.Kind && si-p.sent <= 1 {
			cl.What = p.claim.What
		}
	}
	return cl, true
}

// countable reports counts that can carry a claim: digits, or words for
// a thousand or more ("one million"); not small words ("two children")
// nor loose head counts ("the 20-odd doctors", "40 or so").
func countable(c normalize.Count) bool {
	if c.Value < 1000 && strings.IndexFunc(c.Text, unicode.IsDigit) < 0 {
		return false
	}
	if t := strings.ToLower(c.Text); strings.HasSuffix(t, "-odd") || strings.HasSuffix(t, " or so") {
		return false
	}
	return !math.IsNaN(c.Value) && !math.IsInf(c.Value, 0)
}

// clause returns the span of the clause around a count inside its
// sentence: cut at semicolons, colons, unpaired dashes, and at ", and",
// ", but", ", while", ", which", ", who", ", that" and ", of whom".
func (b *builder) clause(si int, c normalize.Count) (int, int) {
	s := b.sents[si]
	text := b.text[s.start:s.end]
	pos := c.Span.Start - s.start
	in := b.infoOf(si)
	if !in.hasCuts {
		in.cuts, in.hasCuts = clauseCuts(text, b.lowerAt(s.start, s.end)), true
	}
	cuts := in.cuts
	start, end := 0, len(text)
	for _, k := range cuts {
		if k <= pos && k > start {
			start = k
		}
		if k > pos && k < end && k >= c.Span.End-s.start {
			end = k
		}
	}
	return s.start + start, s.start + end
}

// clauseCuts lists the offsets where clauses start in a sentence. A pair
// of dashes around a breakdown ("654 – 192 inpatients and 462 day cases –
// are in London") is kept inside its clause.
func clauseCuts(text, lower string) []int {
	var cuts []int
	for _, sep := range []string{"; ", ": ", ", and ", ", but ", ", while ", ", which ", ", who ", ", that ", ", of whom ", ", although ", ", whereas ",
		", bringing ", ", taking ", ", meaning ", ", making ", ", leaving ", ", pushing ", ", raising "} {
		for i := 0; ; {
			k := strings.Index(lower[i:], sep)
			if k < 0 {
				break
			}
			cuts = append(cuts, i+k+1)
			i += k + len(sep)
		}
	}
	var dashes []int
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], " – ")
		if k < 0 {
			break
		}
		dashes = append(dashes, i+k+1)
		i += k + len(" – ")
	}
	if len(dashes) == 1 {
		cuts = append(cuts, dashes[0])
	}
	sort.Ints(cuts)
	return cuts
}

// metricOf returns the first metric cue in text (lower is
// strings.ToLower(text)) and whether it is strong.
func metricOf(text, lower string) (string, bool) {
	for _, m := range metricCues {
		if anyIn(lower, m.stems) && m.re.MatchString(text) {
			return m.metric, m.strong
		}
	}
	return "", false
}

// quoteAt returns the quote holding pos, or nil.
func (b *builder) quoteAt(pos int) *normalize.Quote {
	for i := range b.rec.Quotes {
		q := &b.rec.Quotes[i]
		if q.Start <= pos && pos < q.End {
			return q
		}
	}
	return nil
}

// runningPrior returns the claim that sets the article's running subject:
// the first claim of the paragraph of the latest claim (a breakdown at the
// end of a paragraph, "654 ... are in London", does not carry over).
func (b *builder) runningPrior() *prior {
	last := b.lastPrior()
	if last == nil {
		return nil
	}
	for i := range b.prev {
		if b.prev[i].para == last.para {
			return &b.prev[i]
		}
	}
	return last
}

// lastPrior returns the latest claim made so far, or nil.
func (b *builder) lastPrior() *prior {
	if len(b.prev) == 0 {
		return nil
	}
	return &b.prev[len(b.prev)-1]
}

// causeOf reads the cause after "due to", "as a result of", ...: a short
// noun phrase ("strike action", "strikes"). lower is
// strings.ToLower(sentText).
func causeOf(sentText, lower string) string {
	if !anyIn(lower, causeStems) {
		return ""
	}
	m := causeRe.FindStringIndex(sentText)
	if m == nil {
		return ""
	}
	rest := sentText[m[1]:]
	var words []string
	for _, w := range strings.Fields(rest) {
		clean := strings.TrimRight(w, ",.;:!?”\"’)")
		lw := strings.ToLower(clean)
		if len(words) == 0 && (lw == "the" || lw == "a" || lw == "an") {
			continue
		}
		if causeStop[lw] || clean == "" {
			break
		}
		words = append(words, clean)
		if clean != w || len(words) == 5 {
			break
		}
	}
	return strings.Join(words, " ")
}

var causeStop = map[string]bool{
	"by": true, "from": true, "across": true, "in": true, "on": true, "at": true, "over": true,
	"following": true, "with": true, "which": true, "that": true, "who": true, "since": true,
	"after": true, "before": true, "last": true, "this": true, "next": true, "between": true,
	"during": true, "for": true, "to": true, "and": true, "or": true, "is": true, "are": true,
	"was": true, "were": true, "has": true, "have": true, "had": true, "will": true, "said": true,
	"earlier": true, "today": true, "yesterday": true, "as": true,
}

// duplicateOf returns the index of an earlier claim that states the same
// thing, or -1: the same subject and value, said by the same speaker or
// within two paragraphs.
func duplicateOf(out []normalize.Claim, paras []int, cl normalize.Claim, para int) int {
	for i, o := range out {
		if o.Subject.Key() != cl.Subject.Key() || math.Abs(o.Value-cl.Value) > 1e-9 || o.Kind != cl.Kind {
			continue
		}
		if o.Speaker == cl.Speaker || para-paras[i] <= 2 {
			return i
		}
	}
	return -1
}

// dateInSentence reports whether sentence si holds a resolved date.
func (b *builder) dateInSentence(si int) bool {
	s := b.sents[si]
	for _, d := range b.dates {
		if d.Start != "" && d.Span.Start >= s.start && d.Span.End <= s.end {
			return true
		}
	}
	return false
}

// inName reports a place written as part of a proper name: after a
// capitalised "X of" ("Royal Bank of Scotland") or before a capitalised
// word ("London Ambulance Service", "the UK Government").
func inName(text string, start, end int) bool {
	if nameOfRe.MatchString(text[max(0, start-40):start]) {
		return true
	}
	rest := text[end:]
	if len(rest) < 2 || rest[0] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return unicode.IsUpper(r)
}

// totalCues reads the running-total cues of a stretch of text, rates
// ("the normal daily total") aside. lower is strings.ToLower(t).
func totalCues(t, lower string) (explicit, cue bool) {
	if strings.Contains(lower, "total") && rateTotalRe.MatchString(t) {
		t = rateTotalRe.ReplaceAllString(t, " ")
		lower = strings.ToLower(t)
	}
	explicit = anyIn(lower, explicitTotalStems) && explicitTotalRe.MatchString(t)
	cue = explicit || anyIn(lower, cumulativeStems) && cumulativeRe.MatchString(t)
	return explicit, cue
}

// anyIn reports whether s holds one of the stems (as written: pass s
// lower-cased for lower-case stems).
func anyIn(s string, stems []string) bool {
	for _, stem := range stems {
		if strings.Contains(s, stem) {
			return true
		}
	}
	return false
}

// unitMetric returns the metric a unit names ("picket lines" → pickets),
// cached per unit.
func (b *builder) unitMetric(unit string) (string, bool) {
	if unit == "" {
		return "", false
	}
	if m, ok := b.units[unit]; ok {
		return m.metric, m.strong
	}
	m, st := metricOf(unit, strings.ToLower(unit))
	b.units[unit] = unitInfo{m, st}
	return m, st
}

// unitInfo is a cached unitMetric answer.
type unitInfo struct {
	metric string
	strong bool
}
