package body

import (
	nurl "net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
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
	doc, flattened, err := parseHTML(d.text)
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
	topts := trafilatura.Options{ExcludeComments: true}
	if u, err := nurl.ParseRequestURI(firstNonEmpty(opt.URL, pm.canonical)); err == nil {
		topts.OriginalURL = u
	}
	tr, err := trafilatura.ExtractDocument(doc, topts)
	if err != nil {
		log.Debug().Err(err).Msg("trafilatura found no body")
		tr = nil
	}
	var paras []paragraph
	if tr != nil && tr.ContentNode != nil {
		paras = nodeParagraphs(tr.ContentNode)
		paras = recoverBody(doc, paras)
	}
	if got := runeLen(paras); got < 2000 {
		if alt := densestBlock(doc); runeLen(alt) > 2*got && runeLen(alt) >= 500 {
			log.Debug().Int("trafilatura", got).Int("densest", runeLen(alt)).Msg("using densest block")
			paras = alt
		}
	}
	paras = dropLeadingTitle(paras, pm.title)
	paras = dropStandfirstHeading(paras, pm.description)
	paras = dropPromotions(paras)
	res.Title, res.Site, res.Canonical = pm.title, pm.site, pm.canonical
	res.Authors, res.Published, res.Modified = pm.authors, pm.published, pm.modified
	res.Language, res.Description = pm.language, pm.description
	var tm trafilatura.Metadata
	if tr != nil {
		tm = tr.Metadata
	}
	if len(res.Authors) == 0 && tm.Author != "" {
		res.Authors = dropSiteAuthors(cleanAuthors(strings.Split(tm.Author, ";")), res.Site, hostOf(res.Canonical))
	}
	paras = dropLeadingFurniture(paras, res.Authors)
	res.Text, res.Blocks = join(paras)

	if res.Title == "" {
		res.Title = cleanSpace(tm.Title)
	}
	if res.Site == "" {
		res.Site = cleanSpace(tm.Sitename)
	}
	if res.Published == "" && !tm.Date.IsZero() {
		res.Published = tm.Date.Format("2006-01-02")
	}
	if res.Published == "" {
		res.Published = timeElementDate(goquery.NewDocumentFromNode(doc))
	}
	if res.Published == "" {
		res.Published = urlDate(firstNonEmpty(opt.URL, res.Canonical))
	}
	if res.Published == "" {
		res.Warnings = append(res.Warnings, WarnNoDate)
	}
	// The language detected from a long body beats a template's lang
	// attribute.
	if tm.Language != "" && (res.Language == "" || utf8.RuneCountInString(res.Text) > 1000) {
		res.Language = tm.Language
	}
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
	return res, nil
}

// dropLeadingTitle removes paragraphs among the first three that repeat
// the headline: Result.Title holds it, and the body is what follows.
func dropLeadingTitle(paras []paragraph, title string) []paragraph {
	nt := wordKey(title)
	if nt == "" {
		return paras
	}
	for i := 0; i < len(paras) && i < 3; i++ {
		if wordKey(paras[i].text) == nt {
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
}

// wordKey is s lower-cased with everything but letters and digits turned
// into single spaces, for comparing texts that differ in punctuation.
func wordKey(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(r)
		} else {
			space = true
		}
	}
	return sb.String()
}

// dropStandfirstHeading removes a heading among the first two paragraphs
// that repeats the page's description: a standfirst set as a sub-headline
// is page furniture, while one set as the first paragraph is body text.
func dropStandfirstHeading(paras []paragraph, desc string) []paragraph {
	nd := wordKey(desc)
	if nd == "" {
		return paras
	}
	for i := 0; i < len(paras) && i < 2; i++ {
		if paras[i].kind == KindHeading && wordKey(paras[i].text) == nd {
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
}

// linkDensity is the share of the page's visible text that is link text.
func linkDensity(doc *html.Node) float64 {
	total, linked := textRunes(doc, false)
	if total == 0 {
		return 0
	}
	return float64(linked) / float64(total)
}

// dropLeadingFurniture removes the page furniture that can precede the
// first real paragraph: bylines ("By A", an author's name or role), date
// and "Published" lines, and short link labels ("Login", "My Account").
// Headings are kept.
func dropLeadingFurniture(paras []paragraph, authors []string) []paragraph {
	i := 0
	for ; i < len(paras) && i < 8; i++ {
		p := paras[i]
		if p.kind == KindHeading || p.kind == KindQuote || !isFurniture(p.text, authors) {
			break
		}
	}
	paras = paras[i:]
	// A byline or date line a little further down, after a standfirst.
	out := paras[:0:0]
	for j, p := range paras {
		if j < 5 && p.kind == KindParagraph && isBylineOrDate(p.text) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// isBylineOrDate reports whether s is a short "By ..." line or a date line.
func isBylineOrDate(s string) bool {
	if wordCount(s) > 8 {
		return false
	}
	return byPrefix.MatchString(s) || normDate(s) != "" || datelineRE.MatchString(s)
}

// isFurniture reports whether a short leading line is page furniture.
func isFurniture(s string, authors []string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	if isBylineOrDate(s) {
		return true
	}
	for _, a := range authors {
		if strings.EqualFold(a, s) {
			return true
		}
	}
	if len(words) <= 3 && !strings.ContainsAny(s, ".!?:;\"“”") {
		return roleWords.MatchString(s) || furnitureWords.MatchString(s)
	}
	return false
}

var (
	datelineRE     = regexp.MustCompile(`(?i)^(published|updated|last updated|posted|first published)\b|^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \d{1,2} [a-z]+ \d{4}|^\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}`)
	furnitureWords = regexp.MustCompile(`(?i)^(my account|log ?in|log ?out|sign ?in|sign ?out|register|subscribe|share|share this|comments?|menu|search|close|advertisement|image caption|media caption|getty images|listen|print|email)$`)
)
