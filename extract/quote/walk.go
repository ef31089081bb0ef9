package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// blockState follows a run of block-quote paragraphs in plain text.
type blockState struct {
	active     bool
	sp         speaker
	first      bool // the next paragraph is the first after the intro
	needFirst  bool // the block must speak in the first person
	bylineOnly bool // only a byline line may follow ("Here is a sample:")
	cue        string
}

// walk goes through the paragraphs in order, finding quotes and speakers.
func (d *doc) walk() {
	last := noSpeaker   // speaker of the latest quote
	lastPara := -10     // paragraph of the latest quote
	var openSp *speaker // speaker of a quote left open at the end of the previous paragraph
	bs := blockState{sp: noSpeaker}
	introSp := noSpeaker // speaker of the previous paragraph when it ended with ":"
	introPara := -10
	for pi := range d.paras {
		p := d.paras[pi]
		if d.blockSet[pi] {
			sp := last
			if bs.active {
				sp = bs.sp
			} else if introPara == pi-1 {
				sp = introSp
			}
			d.emitBlock(pi, sp)
			last, lastPara = sp, pi
			// the markup says where the block ends: keep its speaker for a
			// following <blockquote> paragraph only
			bs = blockState{sp: sp}
			introPara, introSp = pi, sp
			continue
		}
		raws := d.raws[pi]
		if bs.active && len(raws) == 0 {
			if !bs.bylineOnly && d.blockOK(pi, &bs) {
				d.emitBlock(pi, bs.sp)
				last, lastPara = bs.sp, pi
				bs.first, bs.needFirst = false, false
				continue
			}
			if sp, ok := d.byline(pi); ok {
				bs = blockState{active: true, sp: sp, first: true}
				continue
			}
		}
		prevBlock := bs
		bs.active = false
		// quotes in marks
		var paraQ []int
		for ri, r := range raws {
			s := d.text[r.start:r.end]
			if r.end <= r.start || wordCount(s) < d.e.minWords || titleLike(s) {
				continue
			}
			if d.isSign(pi, r) {
				continue
			}
			sp := d.attribute(pi, ri, false)
			// a closing mark with no opening one: a quote only when it
			// continues the paragraph before or is attributed here
			if r.open < 0 && !sp.known && openSp == nil && introPara != pi-1 && !(prevBlock.active && !prevBlock.bylineOnly) {
				continue
			}
			startsPara := r.open < 0 || r.open == p.Start
			if !sp.known && startsPara {
				switch {
				case openSp != nil:
					sp = *openSp
				case introPara == pi-1:
					sp = introSp
				case prevBlock.active && !prevBlock.bylineOnly:
					sp = prevBlock.sp
				case lastPara == pi-1:
					sp = last
				case pi > 0:
					if ps, ok := d.reportedSpeech(pi - 1); ok {
						sp = ps
					} else if ps, ok := d.lastSubject(pi - 1); ok {
						sp = ps
					}
				}
			}
			q := qrec{para: pi, sp: sp, raw: r, ri: ri}
			q.q = Quote{Text: s, Start: r.start, End: r.end, Kind: d.quoteKind(pi, r)}
			d.quotes = append(d.quotes, q)
			paraQ = append(paraQ, len(d.quotes)-1)
		}
		// split quotes: unattributed pieces take their neighbour's speaker,
		// unless a stretch of narration lies between them (lines joined
		// into one paragraph)
		for i, qi := range paraQ {
			if d.quotes[qi].sp.known {
				continue
			}
			for j := i - 1; j >= 0; j-- {
				if d.narrationBetween(pi, d.quotes[paraQ[j]].raw, d.quotes[qi].raw, 1) {
					break
				}
				if d.quotes[paraQ[j]].sp.known {
					d.quotes[qi].sp = d.quotes[paraQ[j]].sp
					break
				}
			}
			if d.quotes[qi].sp.known {
				continue
			}
			for j := i + 1; j < len(paraQ); j++ {
				// a later attribution reaches back over no sentence
				if d.narrationBetween(pi, d.quotes[qi].raw, d.quotes[paraQ[j]].raw, 0) {
					break
				}
				if d.quotes[paraQ[j]].sp.known {
					d.quotes[qi].sp = d.quotes[paraQ[j]].sp
					break
				}
			}
		}
		// still unknown: weaker clues elsewhere in the paragraph
		for _, qi := range paraQ {
			if !d.quotes[qi].sp.known {
				d.quotes[qi].sp = d.attribute(pi, d.quotes[qi].ri, true)
			}
		}
		for _, qi := range paraQ {
			d.finish(qi)
		}
		if len(paraQ) > 0 {
			last = d.quotes[paraQ[len(paraQ)-1]].sp
			lastPara = pi
		}
		openSp = nil
		if len(raws) > 0 && raws[len(raws)-1].close < 0 && len(paraQ) > 0 {
			sp := d.quotes[paraQ[len(paraQ)-1]].sp
			openSp = &sp
		}
		// a whole-paragraph quote inside a plain-text block keeps the block
		// going ("“Today’s action ..." between unmarked paragraphs)
		if prevBlock.active && !prevBlock.bylineOnly && !prevBlock.first && len(raws) == 1 && (raws[0].open < 0 || raws[0].open == p.Start) && (raws[0].close < 0 || raws[0].close+raws[0].closeLen >= p.End-1) {
			bs = prevBlock
			bs.first, bs.needFirst = false, false
			if len(paraQ) > 0 {
				bs.sp = d.quotes[paraQ[0]].sp
			}
			continue
		}
		// does this paragraph introduce a block?
		if d.lastRune(pi) == ':' {
			sp, cue, ok := d.introSpeaker(pi)
			introSp, introPara = sp, pi
			// without a speech verb only first-person words make a block
			bs = blockState{active: true, sp: sp, first: true, cue: cue, bylineOnly: !ok, needFirst: cue == ""}
			continue
		}
		if sp, ok := d.reportedSpeech(pi); ok {
			bs = blockState{active: true, sp: sp, first: true, needFirst: true}
			continue
		}
		// narration about the last block speaker may resume the block
		if prevBlock.active && prevBlock.sp.person >= 0 && d.mentionsPerson(pi, prevBlock.sp.person) && len(raws) == 0 && isTerminal(d.lastRune(pi)) && !strings.Contains(d.text[p.Start:p.End], "Photograph") {
			bs = blockState{active: true, sp: prevBlock.sp, first: true, needFirst: true}
		}
	}
}

// attribute finds the speaker of raw quote ri in paragraph pi.
func (d *doc) attribute(pi, ri int, fallbacks bool) speaker {
	toks := d.toks[pi]
	r := d.raws[pi][ri]
	p := d.paras[pi]
	open := r.open
	if open < 0 {
		open = p.Start
	}
	closeEnd := p.End
	if r.close >= 0 {
		closeEnd = r.close + r.closeLen
	}
	// token ranges before and after the quote within the sentence
	firstIn, lastIn := len(toks), -1
	for ti, t := range toks {
		if t.start >= open && t.end <= closeEnd {
			if ti < firstIn {
				firstIn = ti
			}
			lastIn = ti
		}
	}
	if lastIn < 0 {
		// the quote spans no token (empty): nothing to attribute
		return noSpeaker
	}
	// pre clause
	lo := firstIn
	for lo > 0 {
		if !d.inQ[pi][lo-1] && d.sentEnd(pi, lo-1) {
			break
		}
		// a quoted sentence ends the clause: “Where is he tonight?” to which
		if d.inQ[pi][lo-1] && lo-2 >= 0 && !toks[lo-1].word && markKind(firstRune(d.tokText(toks[lo-1]))) != 0 {
			if prev := d.tokText(toks[lo-2]); prev == "?" || prev == "!" || prev == "." {
				break
			}
		}
		lo--
	}
	// post clause
	hi := lastIn + 1
	for hi < len(toks) {
		if d.inQ[pi][hi] {
			// a short quoted phrase stays in the clause ("... and help
			// bring the “grass-roots firepower” they need, Sroka said")
			if k, ok := d.shortQuoteEnd(pi, hi); ok {
				hi = k
				continue
			}
			break
		}
		if d.sentEnd(pi, hi) {
			break
		}
		hi++
	}
	// the pre clause first, for partial quotes and "X said: “..."
	preHasWords := false
	for k := lo; k < firstIn; k++ {
		if toks[k].word {
			preHasWords = true
		}
	}
	tryPre := func() (speaker, bool) {
		for c := firstIn - 1; c >= lo; c-- {
			cue, ok := d.isCue(pi, c)
			if !ok {
				continue
			}
			var sp speaker
			var found bool
			if cue == "according to" {
				sp, found = d.subjectAfter(pi, c, firstIn)
			} else {
				sp, found = d.subjectOf(pi, lo, c, firstIn)
				if !found && !d.wordsBetween(pi, lo, c) {
					// "Said the senator: “..."
					sp, found = d.subjectAfter(pi, c, firstIn)
				}
			}
			if found {
				sp.cue = cue
				return sp, true
			}
		}
		return noSpeaker, false
	}
	// a quote ending its sentence (“... here.” Gov. Ray Kasten said
	// he would ...) is followed by a new sentence, not its attribution,
	// unless the verb comes at once
	newSentence := false
	if lastIn+1 < len(toks) && toks[lastIn+1].word && toks[lastIn+1].cap {
		inner, _ := utf8.DecodeLastRuneInString(d.text[r.start:r.end])
		if inner == '.' || inner == '?' || inner == '!' {
			newSentence = true
			for c := lastIn + 1; c < hi && c < lastIn+5; c++ {
				if _, ok := d.isCue(pi, c); ok && !d.reportsClause(pi, c) {
					newSentence = false
				}
			}
			// “...” US Senator Jeff Sessions said
			if mi, ok := d.mentFirstAt(pi, lastIn+1); ok {
				k := d.mentions[mi].tokLast + 1
				for k < len(toks) && toks[k].word && auxSkip[toks[k].lower] {
					k++
				}
				if k < len(toks) {
					if _, ok := d.isCue(pi, k); ok && !d.reportsClause(pi, k) {
						newSentence = false
					}
				}
			}
		}
	}
	tryPost := func() (speaker, bool) {
		if newSentence {
			return noSpeaker, false
		}
		// "“...” ― Sonya Herridge"
		if lastIn+2 < len(toks) && !toks[lastIn+1].word {
			switch d.tokText(toks[lastIn+1]) {
			case "―", "—", "–", "-":
				if mi, ok := d.mentFirstAt(pi, lastIn+2); ok {
					return d.withApposition(d.mentionSpeaker(mi), pi, mi, -1), true
				}
			}
		}
		for c := lastIn + 1; c < hi && c < lastIn+32; c++ {
			cue, ok := d.isCue(pi, c)
			if !ok {
				continue
			}
			var sp speaker
			var found bool
			// words between the quote and the cue are the subject
			between := false
			for k := lastIn + 1; k < c; k++ {
				if toks[k].word {
					between = true
				}
			}
			if between && cue != "according to" {
				sp, found = d.subjectOf(pi, lastIn+1, c, hi)
			} else if strings.HasSuffix(toks[c].lower, "ing") && cue != "according to" {
				// “...,” promising the party would ...: a participle
				// has no subject after it; the clause before the
				// quote gives it
				continue
			} else {
				sp, found = d.subjectAfter(pi, c, hi)
			}
			if found {
				sp.cue = cue
				return sp, true
			}
		}
		return noSpeaker, false
	}
	// “...,” Roffman predicted: a comma inside the closing mark calls for
	// the attribution that follows, before any verb earlier on
	if r.end < len(d.text) && r.close >= 0 && strings.HasPrefix(d.text[r.end:r.close], ",") && d.cueWithin(pi, lastIn+1, 4) {
		if sp, ok := tryPost(); ok {
			return sp
		}
	}
	if preHasWords {
		if sp, ok := tryPre(); ok {
			return sp
		}
	}
	if sp, ok := tryPost(); ok {
		return sp
	}
	// "Obama's “if you like your plan” promise"
	if firstIn > 0 {
		if mi, ok := d.mentLastAt(pi, firstIn-1); ok && d.mentions[mi].poss && d.mentions[mi].kind != kindOther {
			return d.mentionSpeaker(mi)
		}
	}
	// words after a colon or comma with no speech verb ("Kasten resisted:
	// “...”", "Here’s Ortman in 1992: “...”"): the clause's subject
	if preHasWords && firstIn > 0 && !toks[firstIn-1].word && !d.inQ[pi][firstIn-1] {
		if s := d.tokText(toks[firstIn-1]); s == ":" || s == "," || s == "—" || s == "–" || s == "-" {
			if sp, ok := d.headSegment(pi, lo, firstIn, false); ok && sp.name != "" {
				return sp
			}
			if s == ":" {
				for k := lo; k < firstIn; k++ {
					if mi, ok := d.mentFirstAt(pi, k); ok && !d.inQ[pi][k] {
						if m := d.mentions[mi]; m.kind == kindPerson || (m.kind == kindSingle && m.person >= 0) {
							return d.mentionSpeaker(mi)
						}
					}
				}
			}
		}
	}
	if !fallbacks {
		return noSpeaker
	}
	// a fragment in a sentence without a speech verb ("Reid has called
	// Hale a “walking gaffe”"), or words after a colon ("The mayor
	// has a new slogan: “..."): the sentence's subject
	colon := firstIn > 0 && !toks[firstIn-1].word && d.tokText(toks[firstIn-1]) == ":"
	if preHasWords && (colon || d.quoteKind(pi, r) == "partial") {
		// the clause holding the quote: after ", while" or ", but"
		lo2 := lo
		for k := firstIn - 1; k > lo; k-- {
			if toks[k].word && !d.inQ[pi][k] && (toks[k].lower == "while" || toks[k].lower == "whereas" || toks[k].lower == "but") && !toks[k-1].word && d.tokText(toks[k-1]) == "," {
				lo2 = k + 1
				break
			}
		}
		if sp, ok := d.headSegment(pi, lo2, firstIn, false); ok && sp.name != "" {
			return sp
		}
	}
	// a quote opening a sentence after narration about a person
	// ("Rowe touted her record. “Every nurse ...”"): that sentence's subject
	if !preHasWords && lo == firstIn && lo > 0 && d.sentEnd(pi, lo-1) {
		s0 := d.clauseStart(pi, 0, lo-1)
		hasCue := false
		for k := s0; k < lo-1; k++ {
			if _, ok := d.isCue(pi, k); ok {
				hasCue = true
				break
			}
		}
		// a sentence with a speech verb of its own is left to the rule
		// below ("Or maybe Bush, consultant Phil Musser says. “...”")
		if !hasCue {
			if sp, ok := d.headSegment(pi, s0, lo-1, false); ok && sp.person >= 0 {
				return sp
			}
		}
	}
	// a cue elsewhere in the paragraph: the nearest before, then after
	for c := lo - 1; c >= 0; c-- {
		if d.inQ[pi][c] {
			continue
		}
		if cue, ok := d.isCue(pi, c); ok {
			if sp, ok := d.subjectOf(pi, d.clauseStart(pi, 0, c), c, len(toks)); ok {
				sp.cue = cue
				return sp
			}
		}
	}
	for c := hi; c < len(toks); c++ {
		if d.inQ[pi][c] {
			continue
		}
		if cue, ok := d.isCue(pi, c); ok {
			if sp, ok := d.subjectOf(pi, d.clauseStart(pi, hi, c), c, len(toks)); ok {
				sp.cue = cue
				return sp
			}
			break
		}
	}
	return noSpeaker
}

// shortQuoteEnd returns the token after the quoted run starting at token
// k of paragraph pi when the run is too short to be a quote of its own.
func (d *doc) shortQuoteEnd(pi, k int) (int, bool) {
	toks := d.toks[pi]
	words := 0
	e := k
	for e < len(toks) && d.inQ[pi][e] {
		if toks[e].word {
			words++
		}
		e++
	}
	if words >= d.e.minWords || e >= len(toks) {
		return k, false
	}
	return e, true
}

// narrationBetween reports whether narration stands between quotes a and
// b of paragraph pi: more than max sentence ends outside quotes (one ends
// the sentence that attributes a).
func (d *doc) narrationBetween(pi int, a, b rawQuote, max int) bool {
	from := a.close
	if from < 0 {
		return false
	}
	to := b.open
	if to < 0 {
		to = d.paras[pi].End
	}
	n := 0
	for k, t := range d.toks[pi] {
		if t.start >= to {
			break
		}
		if t.start > from && !d.inQ[pi][k] && d.sentEnd(pi, k) {
			n++
		}
	}
	return n > max
}

// clauseStarters open a reported clause after a speech verb ("Hale said
// he does support ...").
var clauseStarters = set("he", "she", "they", "it", "we", "i", "you", "that", "the", "a", "an", "his", "her",
	"their", "its", "there", "this", "those", "these")

// reportsClause reports whether the speech verb at token c goes on to
// report a clause of its own ("Kasten said he would have sacked ..."): a
// quote ending its sentence before it is then not what it attributes.
func (d *doc) reportsClause(pi, c int) bool {
	toks := d.toks[pi]
	switch toks[c].lower {
	case "told", "tells", "asked", "asks", "according", "called", "calls", "described", "describes":
		return false
	}
	k := c + 1
	if k >= len(toks) || !toks[k].word || d.inQ[pi][k] {
		return false
	}
	if clauseStarters[toks[k].lower] {
		return true
	}
	if mi, ok := d.mentFirstAt(pi, k); ok && !toks[k].poss {
		m := d.mentions[mi]
		return m.kind == kindPerson || m.kind == kindSingle || m.kind == kindOrg
	}
	return false
}

// sentEnd reports whether token k of paragraph pi ends a sentence: a full
// stop, question or exclamation mark or semicolon not followed by a
// bracket or comma ("(D-Wis.) said", "R-Ky., said").
func (d *doc) sentEnd(pi, k int) bool {
	toks := d.toks[pi]
	t := toks[k]
	if t.word {
		return false
	}
	switch d.tokText(t) {
	case ".", "!", "?", ";":
	default:
		return false
	}
	if k+1 < len(toks) && !toks[k+1].word {
		switch d.tokText(toks[k+1]) {
		case ")", ",", "]":
			return false
		}
	}
	return true
}

// clauseStart returns the first token, not before lo, of the clause that
// ends at token c of paragraph pi: the token after the nearest sentence end
// or quoted token before c.
func (d *doc) clauseStart(pi, lo, c int) int {
	for k := c - 1; k >= lo; k-- {
		if d.inQ[pi][k] || d.sentEnd(pi, k) {
			return k + 1
		}
	}
	return lo
}

// quoteKind says whether a quote is a full sentence or a fragment.
func (d *doc) quoteKind(pi int, r rawQuote) string {
	s := d.text[r.start:r.end]
	fr, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(fr) {
		return "partial"
	}
	p := d.paras[pi]
	if r.open < 0 || r.open == p.Start {
		return "direct"
	}
	// what precedes the opening mark
	pre := strings.TrimRightFunc(d.text[p.Start:r.open], unicode.IsSpace)
	lr, _ := utf8.DecodeLastRuneInString(pre)
	lastC, _ := utf8.DecodeLastRuneInString(s)
	if (unicode.IsLetter(lr) || unicode.IsDigit(lr)) && !(lastC == '.' || lastC == '!' || lastC == '?') {
		return "partial"
	}
	return "direct"
}

// isSign reports whether the quote is written on a placard, banner or the
// like, or is a title ("a book called “...”").
func (d *doc) isSign(pi int, r rawQuote) bool {
	toks := d.toks[pi]
	open := r.open
	if open < 0 {
		return false
	}
	n := 0
	for k := len(toks) - 1; k >= 0 && n < 5; k-- {
		t := toks[k]
		if t.end > open {
			continue
		}
		if !t.word {
			s := d.tokText(t)
			if s == "." || s == "!" || s == "?" {
				break
			}
			continue
		}
		n++
		if writtenSigns[t.lower] {
			return true
		}
	}
	return false
}

// finish copies the speaker into the quote.
func (d *doc) finish(qi int) {
	q := &d.quotes[qi]
	q.q.Speaker = q.sp.name
	q.q.SpeakerTitle = q.sp.title
	q.q.SpeakerOrganisation = q.sp.orgOf
	q.q.Cue = q.sp.cue
	if q.sp.person >= 0 && q.sp.person < len(d.people) {
		p := &d.people[q.sp.person]
		p.speaker = true
		q.q.Speaker = p.name
		if q.q.SpeakerTitle == "" || isHonorific(q.q.SpeakerTitle) {
			if r := p.role(); r != "" {
				q.q.SpeakerTitle = r
			}
		}
		if q.q.SpeakerOrganisation == "" {
			q.q.SpeakerOrganisation = p.org
		}
	}
	if q.q.Speaker == "" {
		d.unattributed++
	}
}

// emitBlock records the whole of paragraph pi as a block quote, without
// surrounding quote marks.
func (d *doc) emitBlock(pi int, sp speaker) {
	p := d.paras[pi]
	s, e := p.Start, p.End
	for s < e {
		r, n := utf8.DecodeRuneInString(d.text[s:e])
		if markKind(r) == 0 && !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(d.text[s:e])
		if markKind(r) == 0 && !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	if e <= s || wordCount(d.text[s:e]) < d.e.minWords {
		return
	}
	d.quotes = append(d.quotes, qrec{para: pi, sp: sp, q: Quote{Text: d.text[s:e], Start: s, End: e, Kind: "block"}})
	// names inside the block are quoted words, not the narration's
	for i := range d.mentions {
		if m := &d.mentions[i]; m.start >= s && m.end <= e {
			m.inQuote = true
		}
	}
	d.finish(len(d.quotes) - 1)
}

// blockOK decides whether paragraph pi continues a plain-text block quote.
func (d *doc) blockOK(pi int, bs *blockState) bool {
	p := d.paras[pi]
	s := d.text[p.Start:p.End]
	if d.hasMarks(pi) || d.lastRune(pi) == ':' || !isTerminal(d.lastRune(pi)) {
		return false
	}
	if wordCount(s) < d.e.minWords || letterWords(s) < 3 || strings.Contains(s, "Photograph:") {
		return false
	}
	// a picture caption repeated with its credit on the next line
	if pi+1 < len(d.paras) {
		n := d.paras[pi+1]
		if strings.HasPrefix(d.text[n.Start:n.End], s) {
			return false
		}
	}
	for _, pre := range []string{"Here is ", "Here are ", "Here’s ", "Here's "} {
		if strings.HasPrefix(s, pre) {
			return false
		}
	}
	fp := d.hasFirstPerson(pi)
	if bs.needFirst && !fp {
		return false
	}
	if bs.first {
		return true
	}
	if fp {
		return true
	}
	// narration: the reporter names the speaker or reports speech
	if bs.sp.person >= 0 && d.mentionsPerson(pi, bs.sp.person) {
		return false
	}
	for ti, t := range d.toks[pi] {
		if t.word && !d.inQ[pi][ti] && narrativeCues[t.lower] {
			return false
		}
	}
	w := strings.Fields(s)
	if len(w) > 0 && (w[0] == "He" || w[0] == "She") {
		return false
	}
	return true
}

// mentionsPerson reports whether paragraph pi names person idx outside quotes.
func (d *doc) mentionsPerson(pi, idx int) bool {
	p := d.paras[pi]
	for _, m := range d.mentions {
		if m.start >= p.Start && m.end <= p.End && m.person == idx && !m.inQuote {
			return true
		}
	}
	return false
}

// byline reads a short line naming the writer of the next block ("Dr Nina
// Beck, Bristol").
func (d *doc) byline(pi int) (speaker, bool) {
	p := d.paras[pi]
	s := d.text[p.Start:p.End]
	if wordCount(s) > 10 || isTerminal(d.lastRune(pi)) || d.lastRune(pi) == ':' || pi+1 >= len(d.paras) {
		return noSpeaker, false
	}
	toks := d.toks[pi]
	mi, ok := d.mentFirstAt(pi, 0)
	if !ok || len(toks) == 0 {
		return noSpeaker, false
	}
	m := d.mentions[mi]
	if m.kind != kindPerson {
		return noSpeaker, false
	}
	// the name is the whole line or followed by a comma
	if m.tokLast+1 < len(toks) && d.tokText(toks[m.tokLast+1]) != "," {
		return noSpeaker, false
	}
	if !(len(d.raws[pi+1]) == 0 && isTerminal(d.lastRune(pi+1)) && wordCount(d.text[d.paras[pi+1].Start:d.paras[pi+1].End]) >= 12) {
		return noSpeaker, false
	}
	return d.withApposition(d.mentionSpeaker(mi), pi, mi, -1), true
}

// introSpeaker finds who speaks after a paragraph ending with ":". ok is
// false when the paragraph names no one (then only a byline may follow).
func (d *doc) introSpeaker(pi int) (speaker, string, bool) {
	toks := d.toks[pi]
	for c := len(toks) - 1; c >= 0; c-- {
		cue, ok := d.isCue(pi, c)
		if !ok {
			continue
		}
		lo := d.clauseStart(pi, 0, c)
		if sp, ok := d.subjectOf(pi, lo, c, len(toks)); ok {
			sp.cue = cue
			return sp, cue, true
		}
		if sp, ok := d.subjectAfter(pi, c, len(toks)); ok {
			sp.cue = cue
			return sp, cue, true
		}
		return speaker{person: -1, known: true}, cue, true
	}
	// no cue: "In his view:", "... at the South London and Maudsley NHS Foundation Trust:"
	for ti, t := range toks {
		if t.word && (t.lower == "his" || t.lower == "her") && ti <= 2 {
			return d.resolvePronoun(t.start, t.lower), "view", true
		}
	}
	p := d.paras[pi]
	for i := len(d.mentions) - 1; i >= 0; i-- {
		m := d.mentions[i]
		if m.start < p.Start || m.end > p.End || m.inQuote || m.poss {
			continue
		}
		if m.kind == kindOrg || m.kind == kindPerson || (m.kind == kindSingle && m.person >= 0) {
			return d.mentionSpeaker(i), "", true
		}
	}
	return noSpeaker, "", false
}

// reportedSpeech finds a person reported as speaking in paragraph pi ("X
// said the approach was wrong"), whose words may follow without marks.
func (d *doc) reportedSpeech(pi int) (speaker, bool) {
	toks := d.toks[pi]
	for c := len(toks) - 1; c >= 0; c-- {
		if _, ok := d.isCue(pi, c); !ok {
			continue
		}
		// the clause of the verb, after any quote before it ("Sanders
		// “is tapping ...,” Rosenberg told the magazine")
		lo := d.clauseStart(pi, 0, c)
		sp, ok := d.subjectOf(pi, lo, c, len(toks))
		if ok && sp.person >= 0 {
			return sp, true
		}
		return noSpeaker, false
	}
	return noSpeaker, false
}

// letterWords counts words that start with a letter.
func letterWords(s string) int {
	n := 0
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// lastSubject finds the person a paragraph is about: the subject of its
// last sentence that names a person.
func (d *doc) lastSubject(pi int) (speaker, bool) {
	toks := d.toks[pi]
	end := len(toks)
	for end > 0 {
		lo := end - 1
		for lo > 0 && !d.sentEnd(pi, lo-1) {
			lo--
		}
		if sp, ok := d.headSegment(pi, lo, end, false); ok && sp.name != "" {
			return sp, true
		}
		end = lo - 1
	}
	return noSpeaker, false
}

// wordsBetween reports whether tokens lo..hi-1 of paragraph pi hold a word
// outside quotes.
func (d *doc) wordsBetween(pi, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if d.toks[pi][k].word && !d.inQ[pi][k] {
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// cueWithin reports whether a speech verb stands among the n words from
// token k of paragraph pi.
func (d *doc) cueWithin(pi, k, n int) bool {
	toks := d.toks[pi]
	words := 0
	for ; k < len(toks) && words < n; k++ {
		if !toks[k].word {
			continue
		}
		words++
		if _, ok := d.isCue(pi, k); ok {
			return true
		}
		if conjunctions[toks[k].lower] {
			return false
		}
	}
	return false
}
