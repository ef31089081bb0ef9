package body

import (
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// minArticleRunes is the body length below which a page is reported as
// probably not an article.
const minArticleRunes = 400

// Extract reads a page's bytes (any charset, optionally gzip-compressed) and
// returns its article text and metadata. Pages that are not articles give a
// Result with little or no Text and a warning; errors (wrapping ErrEmpty,
// ErrNotHTML or ErrUnreadable) are only for input that cannot be read.
func Extract(raw []byte, opt Options) (*Result, error) {
	d, err := decode(raw, opt.ContentType)
	if err != nil {
		return nil, err
	}
	res := &Result{}
	res.Warnings = append(res.Warnings, d.warnings...)
	if d.guessed {
		res.Warnings = append(res.Warnings, WarnCharsetGuessed)
	}
	doc, flattened, err := parseHTML(emptyCode(d.text))
	if err != nil {
		return nil, err
	}
	if flattened {
		res.Warnings = append(res.Warnings, WarnFlattened)
	}
	log := opt.Logger
	log.Debug().Str("url", opt.URL).Str("charset", d.charset).Msg("decoded page")

	pm := readMetadata(doc, opt.URL)
	pruneBoilerplate(doc)
	// go-trafilatura's own metadata search and language check cost a
	// quarter of its time; they run below only when needed (the fork's
	// options, see third_party/README.md).
	topts := trafilatura.Options{ExcludeComments: true, SkipMetadata: true, SkipLanguageDetection: true}
	if u, err := nurl.ParseRequestURI(firstNonEmpty(opt.URL, pm.canonical)); err == nil {
		topts.OriginalURL = u
	}
	var tm trafilatura.Metadata
	if pm.needsFallback() {
		mopts := topts
		mopts.SkipTaxonomy = true
		if pm.published != "" {
			// The page declares its date, which wins over go-htmldate's
			// search (see fillMetadata): skip the search.
			mopts.HtmlDateOverride = &htmldate.Result{}
		}
		tm = trafilatura.ExtractMetadata(doc, mopts)
	}
	var paras []paragraph
	if tr, err := trafilatura.ExtractDocument(doc, topts); err != nil {
		log.Debug().Err(err).Msg("trafilatura found no body")
	} else if tr.ContentNode != nil {
		paras = recoverBody(doc, nodeParagraphs(tr.ContentNode))
	}
	if got := runeLen(paras); got < 2000 {
		alt := densestBlock(doc)
		if n := runeLen(alt); n > 2*got && n >= 500 {
			log.Debug().Int("trafilatura", got).Int("densest", n).Msg("using densest block")
			paras = alt
		}
	}

	fillMetadata(res, pm, tm, doc, opt.URL)
	paras = dropLeadingTitle(paras, res.Title)
	paras = dropStandfirstHeading(paras, pm.description)
	paras = dropPromotions(paras)
	paras = dropLeadingFurniture(paras, res.Authors)
	res.Text, res.Blocks = join(paras)
	// The language detected from a long body beats a template's lang
	// attribute.
	if res.Language == "" || utf8.RuneCountInString(res.Text) > 1000 {
		if lang := textLanguage(res.Text, res.Language); lang != "" {
			res.Language = lang
		}
	}
	classifyPage(res, pm, doc)
	return res, nil
}

// fillMetadata sets the Result's metadata from what the page declares,
// falling back on go-trafilatura's (and so go-htmldate's) findings, <time>
// elements and the URL.
func fillMetadata(res *Result, pm pageMeta, tm trafilatura.Metadata, doc *html.Node, pageURL string) {
	res.Title, res.Site, res.Canonical = pm.title, pm.site, pm.canonical
	res.Authors, res.Published, res.Modified = pm.authors, pm.published, pm.modified
	res.Language, res.Description = pm.language, pm.description
	if res.Title == "" {
		res.Title = cleanSpace(tm.Title)
	}
	if res.Site == "" {
		res.Site = cleanSpace(tm.Sitename)
	}
	if len(res.Authors) == 0 && tm.Author != "" {
		res.Authors = dropSiteAuthors(cleanAuthors(strings.Split(tm.Author, ";")), res.Site, hostOf(res.Canonical))
	}
	if res.Published == "" && !tm.Date.IsZero() {
		res.Published = tm.Date.Format("2006-01-02")
	}
	if res.Published == "" {
		res.Published = timeElementDate(goquery.NewDocumentFromNode(doc))
	}
	if res.Published == "" {
		res.Published = pm.visibleDate
	}
	if res.Published == "" {
		res.Published = urlDate(firstNonEmpty(pageURL, res.Canonical))
	}
	if res.Published == "" {
		res.Warnings = append(res.Warnings, WarnNoDate)
	}
}

// classifyPage warns about pages that are not articles: lists of links
// (whose short text is dropped), video pages, and short or empty bodies.
func classifyPage(res *Result, pm pageMeta, doc *html.Node) {
	n := utf8.RuneCountInString(res.Text)
	if n > 0 && n < minArticleRunes && !pm.isArticleType() && linkDensity(doc) > 0.4 {
		// A short text on a page of links is a list of headlines, not an
		// article body.
		res.Text, res.Blocks = "", nil
		res.Warnings = append(res.Warnings, WarnIndexPage)
		n = 0
	}
	if pm.isVideoPage() {
		res.Warnings = append(res.Warnings, WarnVideo)
	}
	if n == 0 {
		res.Warnings = append(res.Warnings, WarnEmpty)
	} else if n < minArticleRunes {
		res.Warnings = append(res.Warnings, WarnShort)
	}
}

// linkDensity is the share of the page's visible text that is link text.
func linkDensity(doc *html.Node) float64 {
	total, linked := textRunes(doc, false)
	if total == 0 {
		return 0
	}
	return float64(linked) / float64(total)
}
