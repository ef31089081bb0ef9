package body

import (
	nurl "net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// bylineSelectors find visible bylines, most specific first.
var bylineSelectors = []cascadia.Selector{
	cascadia.MustCompile(`[itemprop="author"] [itemprop="name"]`),
	cascadia.MustCompile(`[itemprop="author"]`),
	cascadia.MustCompile(`[rel="author"]`),
	cascadia.MustCompile(`.byline__name, .byline-name, .author-name, .author__name, .authorName, .byline-author, .article-author-name`),
	cascadia.MustCompile(`[class*="byline"] a[href*="author"], [class*="byline"] a[href*="profile"]`),
	cascadia.MustCompile(`.byline, .by-line, .article-byline, [class*="Byline"], [data-component="byline"]`),
	cascadia.MustCompile(`a[href*="/author/"], a[href*="/profile/"]`),
}

// Selectors of the parts of a page that are not the story: navigation,
// footers, asides, comments and links to related (or recent) stories. They
// are compiled once: compiling them for every element tested cost more
// than matching them.
var (
	outsideStory       = cascadia.MustCompile(`nav, footer, aside, [class*='comment'], [class*='related']`)
	outsideStoryRecent = cascadia.MustCompile(`nav, footer, aside, [class*='related'], [class*='comment'], [class*='recent']`)
)

// pickAuthors returns the article's authors from JSON-LD, meta tags or the
// visible byline, in that order of preference.
func pickAuthors(ix *pageIndex, tags metaTags, ld linkedData) []string {
	if a := cleanAuthors(ld.Authors); len(a) > 0 {
		// meta[name=author] sometimes lists co-authors that JSON-LD leaves
		// out; add them when the two agree on at least one name.
		if m := cleanAuthors([]string{tags["author"]}); overlaps(a, m) {
			a = cleanAuthors(append(a, m...))
		}
		return a
	}
	for _, k := range []string{"author", "article:author_name", "article:author", "byl", "dc.creator",
		"sailthru.author", "parsely-author", "twitter:creator:name", "cxenseparse:author"} {
		if v := tags[k]; v != "" {
			if a := cleanAuthors([]string{v}); len(a) > 0 {
				return a
			}
		}
	}
	// One walk finds the candidates of every selector, instead of a walk
	// per selector: the walks were most of pickAuthors' time.
	for _, hits := range bylineMatches(ix.elems) {
		var raw []string
		for _, n := range hits {
			if closest(n, outsideStory) != nil {
				continue
			}
			s := ix.sel(n)
			if t := spacedText(s); t != "" && len(t) < 200 {
				raw = append(raw, t)
			} else if c := s.AttrOr("content", ""); c != "" {
				raw = append(raw, c)
			}
			if len(raw) >= 6 {
				break
			}
		}
		if a := cleanAuthors(raw); len(a) > 0 {
			return a
		}
	}
	return nil
}

var (
	byPrefix = regexp.MustCompile(`(?i)^(?:(?:(?:written|words|reported|posted|photos?|story|analysis|opinion|commentary|review|interview)\s+)?by|текст|фото|автор)[:\s]+`)
	// sentenceStop splits "Name Surname. Agency Name" but not "Sarah E. Smith".
	sentenceStop = regexp.MustCompile(`(\p{Ll}{2,})\.\s+`)
	// credentials are post-nominal letters and single words that are not names.
	credentials = map[string]bool{
		"ms": true, "rd": true, "rdn": true, "phd": true, "md": true, "mph": true, "ma": true,
		"msc": true, "bsc": true, "rn": true, "np": true, "mba": true, "cpa": true, "esq": true,
		"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true,
		"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
		"admin": true, "administrator": true, "editorial": true, "webmaster": true, "guest": true,
		"anonymous": true, "unknown": true, "editor": true, "staff": true,
	}
	// nameParticles may be written in lower case inside a name.
	nameParticles = map[string]bool{
		"de": true, "da": true, "di": true, "do": true, "dos": true, "das": true, "del": true,
		"della": true, "der": true, "den": true, "van": true, "von": true, "la": true, "le": true,
		"du": true, "bin": true, "bint": true, "al": true, "el": true, "ibn": true, "y": true, "e": true,
		"ter": true, "ten": true, "zu": true,
	}
	// bylineTail drops "For The Mail On Sunday", "| Reporter", dates and
	// similar tails from a byline.
	bylineTail    = regexp.MustCompile(`(?i)\s+(?:for\s+(?:the\s+)?[A-Z]|in\s+[A-Z][a-z]+$|[|•·]\s|\d{1,2}\s+\w+\s+\d{4}|published|updated|\d{1,2}:\d{2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}).*$`)
	authorSplit   = regexp.MustCompile(`(?i)\s+(?:and|&|und|et|e|y)\s+|\s*[,;|/]\s*|\s+•\s+`)
	emailOrHandle = regexp.MustCompile(`\S+@\S+|^@\w+`)
	// roleWords mark a byline part that is a job title or organisation.
	roleWords = regexp.MustCompile(`(?i)\b(?:editor|correspondent|reporter|writer|staff|news|agency|agencies|press|contributor|columnist|team|desk|online|media|published|updated|bbc|reuters|associated|afp|pa|ap|bureau|service|digital|international|times|post|guardian|telegraph|daily|mail|sun|express|independent|standard|magazine|journal|herald|group|ltd|inc|com|co\.uk|www)\b`)
)

// bylineMatches returns, for each of bylineSelectors, the elements of
// elems that it matches, in order. Given a page's elements
// (pageIndex.elems), it finds what goquery's FindMatcher finds for each
// selector, running the selectors only on the few elements that
// mightMatchByline.
func bylineMatches(elems []*html.Node) [][]*html.Node {
	out := make([][]*html.Node, len(bylineSelectors))
	for _, c := range elems {
		if !mightMatchByline(c) {
			continue
		}
		for i, sel := range bylineSelectors {
			if sel.Match(c) {
				out[i] = append(out[i], c)
			}
		}
	}
	return out
}

// mightMatchByline reports whether an element has an attribute that one
// of bylineSelectors tests for its subject (the last compound selector):
// itemprop, rel or data-component at all, a class holding "byline",
// "Byline", "by-line" or "author", or an href holding "author" or
// "profile". Selectors compare values case-sensitively, as these tests do.
// An element failing this matches none of them.
func mightMatchByline(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "itemprop", "rel", "data-component":
			return true
		case "class":
			if strings.Contains(a.Val, "yline") || strings.Contains(a.Val, "by-line") || strings.Contains(a.Val, "author") {
				return true
			}
		case "href":
			if strings.Contains(a.Val, "author") || strings.Contains(a.Val, "profile") {
				return true
			}
		}
	}
	return false
}

// closest returns n or its nearest ancestor that m matches, or nil, as
// goquery's ClosestMatcher does.
func closest(n *html.Node, m cascadia.Matcher) *html.Node {
	for ; n != nil; n = n.Parent {
		if m.Match(n) {
			return n
		}
	}
	return nil
}

// cleanAuthors normalises author strings: removes "By", splits "A and B"
// and "A, B", drops job titles, organisations, e-mail addresses and URLs
// (a profile URL's last path segment is turned into a name), and
// deduplicates.
func cleanAuthors(raw []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range raw {
		r = cleanSpace(r)
		if r == "" {
			continue
		}
		if strings.HasPrefix(r, "http://") || strings.HasPrefix(r, "https://") {
			r = nameFromProfileURL(r)
		}
		r = byPrefix.ReplaceAllString(r, "")
		r = bylineTail.ReplaceAllString(r, "")
		r = sentenceStop.ReplaceAllString(r, "$1|")
		for _, p := range authorSplit.Split(r, -1) {
			p = strings.Trim(byPrefix.ReplaceAllString(strings.TrimSpace(p), ""), " .:-–—")
			if !looksLikeName(p) {
				continue
			}
			if words := strings.Fields(p); len(words) == 1 {
				w := strings.ToLower(strings.Trim(words[0], "."))
				// PTI, AP, MS, RD, WASHINGTON: agencies, credentials and
				// datelines in capitals.
				if credentials[w] || p == strings.ToUpper(p) {
					continue
				}
			}
			p = fixCase(p)
			k := strings.ToLower(p)
			if !seen[k] {
				seen[k] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// looksLikeName reports whether s could be a person's name: one to five
// words, mostly letters, starting with a capital, no job title.
func looksLikeName(s string) bool {
	if s == "" || len(s) > 60 || emailOrHandle.MatchString(s) || roleWords.MatchString(s) {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 1 || len(words) > 5 {
		return false
	}
	first := []rune(words[0])[0]
	if !unicode.IsUpper(first) && !unicode.IsLetter(first) {
		return false
	}
	if strings.EqualFold(words[0], "the") {
		return false
	}
	if s != strings.ToLower(s) {
		// Mixed case: every word but a particle starts with a capital.
		for _, w := range words {
			if r := []rune(w)[0]; !unicode.IsUpper(r) && !nameParticles[strings.ToLower(w)] {
				return false
			}
		}
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			return false
		case strings.ContainsRune(" .'’-", r):
		default:
			return false
		}
	}
	return letters >= 2 && (len(words) >= 2 || unicode.IsUpper(first))
}

// fixCase title-cases a name written all in capitals or all in lower case.
func fixCase(s string) string {
	if s != strings.ToUpper(s) && s != strings.ToLower(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		for j := 1; j < len(r); j++ {
			if r[j-1] == '-' || r[j-1] == '\'' {
				r[j] = unicode.ToUpper(r[j])
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// nameFromProfileURL turns ".../profile/richard-adams" into "richard adams".
func nameFromProfileURL(u string) string {
	p, err := nurl.Parse(u)
	if err != nil {
		return ""
	}
	segs := strings.Split(strings.Trim(p.Path, "/"), "/")
	if len(segs) < 2 {
		return ""
	}
	parent := strings.ToLower(segs[len(segs)-2])
	if parent != "profile" && parent != "author" && parent != "authors" && parent != "people" && parent != "by" && parent != "writers" {
		return ""
	}
	return strings.ReplaceAll(segs[len(segs)-1], "-", " ")
}

// overlaps reports whether a and b share a name, ignoring case.
func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if strings.EqualFold(x, y) {
				return true
			}
		}
	}
	return false
}

// dropSiteAuthors removes author names that are the publication itself
// ("CNN", "Business Insider") rather than people.
func dropSiteAuthors(authors []string, site, host string) []string {
	var out []string
	for _, a := range authors {
		if siteLike(a, site, host) && (site != "" || host != "") {
			continue
		}
		out = append(out, a)
	}
	return out
}

// spacedText returns the text of a selection with a space between text
// nodes, so that "<span>Jeff Foust</span><span>Monday</span>" does not run
// together as goquery's Text would.
func spacedText(sel *goquery.Selection) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range sel.Nodes {
		walk(n)
	}
	return cleanSpace(sb.String())
}
