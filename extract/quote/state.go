package quote

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cuttings/cuttings/extract/internal/ascii"
)

// speaker is who a quote is attributed to.
type speaker struct {
	name   string // canonical person or organisation name; "" when anonymous
	person int    // index into doc.people, -1 otherwise
	org    bool
	title  string
	orgOf  string
	cue    string
	known  bool // an attribution was found (it may be anonymous)
}

var noSpeaker = speaker{person: -1}

// qrec is a quote being built.
type qrec struct {
	q    Quote
	para int
	sp   speaker
	raw  rawQuote
	ri   int // index of raw in its paragraph
}

// doc holds the state of one Extract call.
type doc struct {
	e         *Extractor
	text      string
	opt       Options
	paras     []Span
	toks      [][]token
	inQ       [][]bool
	raws      [][]rawQuote
	mentions  []mention
	mentLast  [][]int32 // per paragraph and token: the mention ending there, or -1
	mentFirst [][]int32 // per paragraph and token: the mention starting there, or -1
	people    []person
	quotes    []qrec
	blockSet  []bool
	// lowerWords are the words the text writes in lower case
	lowerWords map[string]bool
	// unattributed counts quotes without a speaker
	unattributed int
	warnings     []string
}

func newDoc(e *Extractor, text string, opt Options) *doc {
	d := &doc{e: e, text: text, opt: opt}
	if !utf8.ValidString(text) {
		d.warnings = append(d.warnings, "quote: text is not valid UTF-8; invalid bytes ignored")
	}
	d.paras = d.validParagraphs()
	return d
}

// validParagraphs returns the caller's paragraphs clamped, trimmed and
// sorted, or the text split at line breaks.
func (d *doc) validParagraphs() []Span {
	if d.opt.Paragraphs == nil {
		return splitParagraphs(d.text)
	}
	var out []Span
	for _, p := range d.opt.Paragraphs {
		s, e := max(0, p.Start), min(len(d.text), p.End)
		if s >= e {
			continue
		}
		for s < e && !utf8.RuneStart(d.text[s]) {
			s++
		}
		for e < len(d.text) && e > s && !utf8.RuneStart(d.text[e]) {
			e--
		}
		// a caller's paragraph may still hold line breaks: split them
		for _, sp := range splitParagraphs(d.text[s:e]) {
			out = append(out, Span{sp.Start + s, sp.End + s})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	// drop overlaps
	w := 0
	for i, p := range out {
		if i > 0 && w > 0 && p.Start < out[w-1].End {
			continue
		}
		out[w] = p
		w++
	}
	return out[:w]
}

// run does the work.
func (d *doc) run() {
	n := len(d.paras)
	d.toks = make([][]token, n)
	d.inQ = make([][]bool, n)
	d.raws = make([][]rawQuote, n)
	d.mentLast = make([][]int32, n)
	d.mentFirst = make([][]int32, n)
	d.blockSet = make([]bool, n)
	// sized for the distinct words of a long article, so that filling
	// them does not rehash
	d.lowerWords = make(map[string]bool, min(len(d.text)/16, 4096))
	capMid := map[string]bool{}
	lowered := ascii.Lower(d.text)
	for pi, p := range d.paras {
		toks := tokenize(d.text, lowered, p.Start, p.End)
		d.toks[pi] = toks
		for ti, t := range toks {
			if t.word && !t.cap && t.end-t.start > 1 {
				d.lowerWords[d.text[t.start:t.end]] = true
			}
			if t.word && t.cap && !sentenceStartAt(toks, ti, d.text, p.Start) {
				capMid[t.lower] = true
			}
		}
	}
	// a word written capitalised inside a sentence somewhere is a name
	for w := range capMid {
		delete(d.lowerWords, w)
	}
	for pi, p := range d.paras {
		toks := d.toks[pi]
		raws := scanMarks(d.text, pi, p.Start, p.End)
		d.raws[pi] = raws
		inq := make([]bool, len(toks))
		for ti, t := range toks {
			for _, r := range raws {
				lo, hi := r.open, r.close
				if lo < 0 {
					lo = p.Start
				}
				if hi < 0 {
					hi = p.End
				}
				if t.start >= lo && t.end <= hi+r.closeLen {
					inq[ti] = true
				}
			}
		}
		d.inQ[pi] = inq
		ms := d.scanNames(toks, p.Start)
		for i := range ms {
			ms[i].inQuote = inq[ms[i].tokFirst]
		}
		d.mentions = append(d.mentions, ms...)
		for _, b := range d.opt.BlockQuotes {
			if b.Start < p.End && p.Start < b.End {
				d.blockSet[pi] = true
			}
		}
	}
	d.applyOrgs()
	d.resolvePeople()
	d.indexMentions()
	d.walk()
}

// applyOrgs marks mentions the org linker found as organisations.
func (d *doc) applyOrgs() {
	for _, o := range d.opt.Orgs {
		if o.Start < 0 || o.End > len(d.text) || o.Start >= o.End || o.Name == "" {
			continue
		}
		hit := false
		for i := range d.mentions {
			m := &d.mentions[i]
			if m.start < o.End && o.Start < m.end {
				m.kind = kindOrg
				m.orgName, m.orgKind = o.Name, o.Kind
				m.titles = nil
				m.linked = true
				hit = true
			}
		}
		if !hit {
			// a lower-case mention ("the trust"): add it
			pi := d.paraAt(o.Start)
			if pi < 0 {
				continue
			}
			toks := d.toks[pi]
			f, l := -1, -1
			for ti, t := range toks {
				if t.start >= o.Start && t.end <= o.End {
					if f < 0 {
						f = ti
					}
					l = ti
				}
			}
			if f < 0 {
				continue
			}
			d.mentions = append(d.mentions, mention{start: o.Start, end: o.End, nameStart: o.Start, nameEnd: o.End,
				kind: kindOrg, orgName: o.Name, orgKind: o.Kind, linked: true, person: -1, tokFirst: f, tokLast: l, inQuote: d.inQ[pi][f], poss: toks[l].poss})
		}
	}
	sort.SliceStable(d.mentions, func(i, j int) bool { return d.mentions[i].start < d.mentions[j].start })
}

func (d *doc) paraAt(pos int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return d.paras[i].End > pos })
	if i < len(d.paras) && d.paras[i].Start <= pos {
		return i
	}
	return -1
}

func (d *doc) indexMentions() {
	for pi := range d.paras {
		n := len(d.toks[pi])
		buf := make([]int32, 2*n)
		for i := range buf {
			buf[i] = -1
		}
		d.mentLast[pi], d.mentFirst[pi] = buf[:n], buf[n:]
	}
	for i, m := range d.mentions {
		pi := d.paraAt(m.start)
		if pi < 0 || m.tokLast >= len(d.toks[pi]) {
			continue
		}
		d.mentLast[pi][m.tokLast] = int32(i)
		d.mentFirst[pi][m.tokFirst] = int32(i)
	}
}

// mentLastAt returns the mention ending at token k of paragraph pi.
func (d *doc) mentLastAt(pi, k int) (int, bool) {
	if k < 0 || k >= len(d.mentLast[pi]) || d.mentLast[pi][k] < 0 {
		return -1, false
	}
	return int(d.mentLast[pi][k]), true
}

// mentFirstAt returns the mention starting at token k of paragraph pi.
func (d *doc) mentFirstAt(pi, k int) (int, bool) {
	if k < 0 || k >= len(d.mentFirst[pi]) || d.mentFirst[pi][k] < 0 {
		return -1, false
	}
	return int(d.mentFirst[pi][k]), true
}

// tokText returns the text of token t.
func (d *doc) tokText(t token) string { return d.text[t.start:t.end] }

// lastRune of paragraph pi.
func (d *doc) lastRune(pi int) rune {
	p := d.paras[pi]
	r, _ := utf8.DecodeLastRuneInString(d.text[p.Start:p.End])
	return r
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '"', '”', '’', '\'', ')', ']':
		return true
	}
	return false
}

// hasFirstPerson reports whether paragraph pi has first-person words outside quotes.
func (d *doc) hasFirstPerson(pi int) bool {
	for ti, t := range d.toks[pi] {
		if !t.word || d.inQ[pi][ti] {
			continue
		}
		// t.lower already covers text[start:possEnd] unless a possessive was cut off
		if firstPerson[t.lower] || t.poss && firstPerson[strings.ToLower(d.text[t.start:t.possEnd])] {
			return true
		}
	}
	return false
}

// hasMarks reports whether paragraph pi holds a double quote mark.
func (d *doc) hasMarks(pi int) bool {
	p := d.paras[pi]
	s := d.text[p.Start:p.End]
	return strings.ContainsAny(s, "\"“”„«»") || strings.Contains(s, "''") || strings.Contains(s, "``")
}

// titleSmallWords may stay lower case in a title.
var titleSmallWords = set("a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "&", "-", "–", "—")

// titleSmallLen is the byte length of the longest ASCII word of
// titleSmallWords ("with").
const titleSmallLen = 4

// titleLike reports whether s reads as a name or title ("Meet the Doctors").
func titleLike(s string) bool {
	nw := 0
	for range strings.FieldsSeq(s) {
		nw++
	}
	if nw > 12 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == '!' || r == '?' || (r == '.' && nw > 8) {
		return false
	}
	for w := range strings.FieldsSeq(s) {
		// an ASCII word longer than titleSmallLen is no small word
		// lowered, so it need not be lowered
		if (len(w) <= titleSmallLen || !ascii.Is(w)) && titleSmallWords[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func (d *doc) result() Result {
	if d.unattributed > 0 {
		d.warnings = append(d.warnings, fmt.Sprintf("quote: %d of %d quotes left unattributed", d.unattributed, len(d.quotes)))
	}
	res := Result{Warnings: d.warnings}
	for _, q := range d.quotes {
		res.Quotes = append(res.Quotes, q.q)
	}
	res.People = d.outPeople()
	return res
}
