package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/extract/body"
	"github.com/cuttings/cuttings/extract/number"
	"github.com/cuttings/cuttings/extract/org"
	"github.com/cuttings/cuttings/extract/quote"
	"github.com/cuttings/cuttings/extract/timex"
	"github.com/cuttings/cuttings/fetch"
)

// ErrNoText reports a document in which no text at all was found.
var ErrNoText = errors.New("no text found")

// Config sets up an Extractor.
type Config struct {
	// DefaultPublished is the publication date assumed for inputs that give
	// none (the CLI's --published). Zero means none: relative dates in such
	// articles are left unresolved, with a warning.
	DefaultPublished time.Time
	// RefData is a folder of NHS reference data written by nhs.Update; nil
	// means the data embedded in the binary.
	RefData fs.FS
	Logger  zerolog.Logger
}

// Extractor runs the extract stage. It is built once (the organisation
// automaton and the quote rules are compiled at New) and is safe for
// concurrent use.
type Extractor struct {
	cfg    Config
	orgs   *org.Linker
	quotes *quote.Extractor
}

// New builds an Extractor.
func New(cfg Config) (*Extractor, error) {
	l, err := org.NewLinker(org.Config{Logger: cfg.Logger, Data: cfg.RefData})
	if err != nil {
		return nil, fmt.Errorf("extract: organisations: %w", err)
	}
	q, err := quote.New(quote.Config{Logger: cfg.Logger})
	if err != nil {
		return nil, fmt.Errorf("extract: quotes: %w", err)
	}
	return &Extractor{cfg: cfg, orgs: l, quotes: q}, nil
}

// Extract reads one document. It fails only when the document holds no
// readable article text at all; lesser problems become Article.Warnings.
func (e *Extractor) Extract(doc *fetch.Document) (*Article, error) {
	var res *body.Result
	if doc.Format == fetch.FormatHTML {
		r, err := body.Extract(doc.Body, body.Options{URL: doc.URL, ContentType: doc.ContentType, Logger: e.cfg.Logger})
		if err != nil {
			return nil, fmt.Errorf("body: %w", err)
		}
		res = r
	} else {
		res = body.FromText(cleanText(doc.Body))
	}
	a := &Article{
		Doc: doc, Text: res.Text, Blocks: res.Blocks,
		URL: firstOf(doc.Meta.URL, doc.URL, res.Canonical), Canonical: res.Canonical,
		Site: firstOf(doc.Meta.Site, res.Site), Title: firstOf(doc.Meta.Title, res.Title),
		Authors: doc.Meta.Authors, Modified: res.Modified, Language: res.Language,
		Warnings: append([]string(nil), res.Warnings...),
	}
	if strings.TrimSpace(a.Text) == "" && doc.Format != fetch.FormatHTML {
		return nil, ErrNoText
	}
	if len(a.Authors) == 0 {
		a.Authors = res.Authors
	}
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	e.date(a, doc.Meta.Published, res.Published)
	e.mine(a)
	return a, nil
}

// date settles the publication date: the input's own metadata first, then
// the page's, then the configured default.
func (e *Extractor) date(a *Article, fromMeta, fromPage string) {
	for _, s := range []string{fromMeta, fromPage} {
		if s == "" {
			continue
		}
		t, iso, ok := ParseDate(s)
		if !ok {
			a.Warnings = append(a.Warnings, fmt.Sprintf("published date %q not understood", s))
			continue
		}
		a.Published, a.PublishedTime = iso, t
		return
	}
	if !e.cfg.DefaultPublished.IsZero() {
		a.PublishedTime = e.cfg.DefaultPublished
		a.Published = e.cfg.DefaultPublished.Format(time.DateOnly)
		a.Warnings = append(a.Warnings, "published date not found; relative dates resolved against --published")
		return
	}
	a.Warnings = append(a.Warnings, "published date not found; only absolute dates resolved")
}

// mine finds organisations, quotes, dates and counts in the text.
func (e *Extractor) mine(a *Article) {
	if a.Text == "" {
		return
	}
	ms, warns := e.orgs.Find(a.Text, a.PublishedTime)
	a.Orgs = ms
	a.Warnings = append(a.Warnings, warns...)

	opt := quote.Options{}
	for _, b := range a.Blocks {
		sp := quote.Span{Start: b.Start, End: b.End}
		opt.Paragraphs = append(opt.Paragraphs, sp)
		if b.Kind == body.KindQuote {
			opt.BlockQuotes = append(opt.BlockQuotes, sp)
		}
	}
	for _, m := range ms {
		opt.Orgs = append(opt.Orgs, quote.OrgRef{Start: m.Start, End: m.End, Name: m.Name, Kind: m.Kind})
	}
	qr := e.quotes.Extract(a.Text, opt)
	a.Quotes, a.People = qr.Quotes, qr.People
	a.Warnings = append(a.Warnings, qr.Warnings...)

	a.Dates = timex.Find(a.Text, a.PublishedTime)
	a.Counts = number.Find(a.Text)
}

// detectLanguage names the language of a text as an ISO 639-1 code, or ""
// when the text is too short or mixed to tell.
func detectLanguage(text string) string {
	info := whatlanggo.Detect(body.LanguageSample(text))
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// cleanText makes plain-text input valid UTF-8 without NUL bytes or a BOM.
func cleanText(b []byte) string {
	s := string(b)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	return strings.ReplaceAll(s, "\x00", "")
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
