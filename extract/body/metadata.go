package body

import (
	nurl "net/url"
	"regexp"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// pageMeta is the metadata read from a page before its body is extracted.
type pageMeta struct {
	title, site, canonical, language string
	description                      string
	authors                          []string
	published, modified              string
	// liveBlog is true when the page says it is a live blog.
	liveBlog bool
	// visibleDate is the first date shown in a dateline or byline.
	visibleDate string
	// ogType is the og:type value, e.g. "article" or "video.other".
	ogType string
	// articleLD is true when JSON-LD describes the page as an article.
	articleLD bool
	// videoLD is true when the page's main JSON-LD object is a video.
	videoLD bool
}

// needsFallback says whether the page leaves out metadata that
// go-trafilatura's search (and go-htmldate's) may find in its markup.
func (pm pageMeta) needsFallback() bool {
	return pm.title == "" || pm.site == "" || len(pm.authors) == 0 || pm.published == ""
}

// metaTags maps lower-cased meta name, property, itemprop and http-equiv
// values to the first non-empty content.
type metaTags map[string]string

// readMetaTags reads the page's <meta> elements.
func readMetaTags(ix *pageIndex) metaTags {
	m := metaTags{}
	for _, n := range ix.metas {
		s := ix.sel(n)
		content := strings.TrimSpace(s.AttrOr("content", ""))
		if content == "" {
			continue
		}
		for _, attr := range []string{"name", "property", "itemprop", "http-equiv"} {
			if k := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, ""))); k != "" {
				if _, seen := m[k]; !seen {
					m[k] = content
				}
			}
		}
	}
	return m
}

// first returns the first non-empty value among keys.
func (m metaTags) first(keys ...string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}

// canonicalLink selects the canonical URL's <link>.
var canonicalLink = cascadia.MustCompile(`link[rel="canonical"]`)

// readMetadata reads a page's metadata from its head, JSON-LD and visible
// bylines and datelines. pageURL may be empty.
func readMetadata(root *html.Node, pageURL string) pageMeta {
	ix := indexPage(root)
	tags := readMetaTags(ix)
	ld := readLinkedData(ix)
	var pm pageMeta
	pm.ogType = strings.ToLower(tags.first("og:type"))
	for _, t := range ld.Types {
		if strings.EqualFold(t, "LiveBlogPosting") {
			pm.liveBlog = true
		}
		if articleTypes[strings.ToLower(t)] >= 3 {
			pm.articleLD = true
		}
		if strings.EqualFold(t, "VideoObject") {
			pm.videoLD = true
		}
	}

	pm.site = cleanSpace(firstNonEmpty(tags.first("og:site_name"), ld.Publisher,
		tags.first("application-name", "al:android:app_name", "twitter:app:name:iphone")))

	pm.canonical = resolveURL(pageURL, firstNonEmpty(
		ix.sel(first(ix.links, canonicalLink)).AttrOr("href", ""),
		tags.first("og:url", "twitter:url"), ld.URL))
	if pm.canonical == "" {
		pm.canonical = pageURL
	}
	pm.language = normLanguage(firstNonEmpty(ix.sel(ix.html).AttrOr("lang", ""),
		ix.sel(ix.html).AttrOr("xml:lang", ""), tags.first("content-language", "language", "dc.language"),
		ld.Language, tags.first("og:locale")))

	pm.description = cleanSpace(tags.first("og:description", "description", "twitter:description"))
	host := hostOf(firstNonEmpty(pageURL, pm.canonical))
	pm.title = pickTitle(ix, tags, ld, pm.site, host)
	pm.authors = dropSiteAuthors(pickAuthors(ix, tags, ld), pm.site, host)
	pm.published, pm.modified = pickDates(ix, tags, ld)
	if pm.published == "" {
		pm.visibleDate = visibleDate(ix)
	}
	return pm
}

// firstNonEmpty returns the first of vals that is not blank.
func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// cleanSpace collapses white space in a metadata value.
func cleanSpace(s string) string { return collapseSpace(s) }

// resolveURL makes ref absolute against base where it can.
func resolveURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if r.IsAbs() {
		if r.Scheme != "http" && r.Scheme != "https" {
			return ""
		}
		return r.String()
	}
	b, err := nurl.Parse(base)
	if err != nil || !b.IsAbs() {
		if strings.HasPrefix(ref, "//") {
			return "https:" + ref
		}
		return ""
	}
	return b.ResolveReference(r).String()
}

// hostOf returns a URL's host name without "www.".
func hostOf(u string) string {
	p, err := nurl.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

var langCode = regexp.MustCompile(`^[a-zA-Z]{2,3}`)

// normLanguage turns "en-GB", "en_GB" or "English" into an ISO 639-1 code.
func normLanguage(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	switch strings.ToLower(s) {
	case "english":
		return "en"
	}
	code := langCode.FindString(s)
	if len(s) > len(code) && s[len(code)] != '-' && s[len(code)] != '_' && s[len(code)] != ',' {
		return ""
	}
	return strings.ToLower(code)
}

// isArticleType reports whether the page declares itself an article, by
// og:type or a JSON-LD article type.
func (pm pageMeta) isArticleType() bool {
	return pm.ogType == "article" || pm.articleLD
}

// isVideoPage reports whether the page declares itself a video rather than
// an article.
func (pm pageMeta) isVideoPage() bool {
	return !pm.articleLD && (pm.videoLD || strings.HasPrefix(pm.ogType, "video"))
}
