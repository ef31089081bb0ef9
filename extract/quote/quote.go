package quote

import (
	"github.com/rs/zerolog"
)

// Span is a byte range of the text, end exclusive.
type Span struct {
	Start, End int
}

// OrgRef is an organisation mention already found in the text by another
// stage. Name is the canonical name ("British Medical Association") and Kind
// its kind ("union", "nhs-trust", ...).
type OrgRef struct {
	Start, End int
	Name, Kind string
}

// Options carries what other stages know about one article.
type Options struct {
	// BlockQuotes are byte ranges of HTML <blockquote> paragraphs: each
	// paragraph inside one is a quote even without quote marks.
	BlockQuotes []Span
	// Paragraphs are optional paragraph ranges; when nil the text is split
	// into paragraphs at line breaks.
	Paragraphs []Span
	// Orgs are organisation mentions; they turn "the BMA said" or "a
	// spokesperson for the trust said" into the organisation's canonical
	// name. May be nil.
	Orgs []OrgRef
}

// Quote is one paragraph of direct speech.
type Quote struct {
	// Text is the quoted words without the marks; text[Start:End] == Text.
	Text       string
	Start, End int
	// Speaker is the resolved canonical name of the person (fullest form,
	// no honorifics) or organisation; "" when unknown or anonymous.
	Speaker             string
	SpeakerTitle        string
	SpeakerOrganisation string
	// Cue is the speech verb that introduced the quote ("said", "told").
	Cue string
	// Kind is "direct", "partial" or "block".
	Kind string
}

// Mention is one place in the text where a person is named.
type Mention struct {
	Text       string
	Start, End int
}

// Person is one distinct person the article names.
type Person struct {
	// Name is the fullest form the article gives, without honorifics.
	Name string
	// Titles are roles and honorifics ("Health Secretary", "Sir").
	Titles []string
	// Organisation is the organisation the article ties the person to.
	Organisation string
	Mentions     []Mention
}

// Result is what Extract finds in one article.
type Result struct {
	Quotes   []Quote
	People   []Person
	Warnings []string
}

// Config configures an Extractor.
type Config struct {
	// Logger receives debug messages; the zero value (like zerolog.Nop())
	// logs nothing.
	Logger zerolog.Logger
	// MinWords is the least number of words a quote must have; 0 means 4.
	MinWords int
}

// Extractor finds quotes and people. Build it once with New; it is safe for
// concurrent use.
type Extractor struct {
	log      zerolog.Logger
	minWords int
}

// New returns an Extractor.
func New(cfg Config) (*Extractor, error) {
	mw := cfg.MinWords
	if mw <= 0 {
		mw = 4
	}
	return &Extractor{log: cfg.Logger, minWords: mw}, nil
}

// Extract finds the quotes and people in text. Bad input never panics: the
// worst case is an empty Result.
func (e *Extractor) Extract(text string, opt Options) Result {
	d := newDoc(e, text, opt)
	d.run()
	res := d.result()
	e.log.Debug().Int("paragraphs", len(d.paras)).Int("quotes", len(res.Quotes)).Int("people", len(res.People)).
		Int("warnings", len(res.Warnings)).Msg("quotes extracted")
	return res
}
