package body

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/andybalholm/cascadia"
)

// titleSeparator splits a <title> into headline, section and site parts.
var titleSeparator = regexp.MustCompile(`\s+(?:\||-|–|—|::|»|·|•)\s+`)

// headTitle selects a <title> in the page's head.
var headTitle = cascadia.MustCompile("head title")

// pickTitle chooses the headline: an <h1> that the <title> repeats, else
// the <title> without its site and section parts, else JSON-LD headline,
// og:title or the first <h1>.
func pickTitle(ix *pageIndex, tags metaTags, ld linkedData, site, host string) string {
	titleTag := cleanSpace(ix.sel(first(ix.titles, headTitle)).Text())
	if titleTag == "" && len(ix.titles) > 0 {
		titleTag = cleanSpace(ix.sel(ix.titles[0]).Text())
	}
	normTag := normHeadline(titleTag)
	var h1s []string
	// The first nine <h1>s.
	for i, n := range ix.h1s {
		if t := spacedText(ix.sel(n)); t != "" {
			h1s = append(h1s, t)
		}
		if i >= 8 {
			break
		}
	}
	stripped := stripSiteParts(titleTag, site, host)
	for _, h := range h1s {
		nh := normHeadline(h)
		if wordCount(h) >= 2 && len(h) < 400 && strings.Contains(normTag, nh) &&
			!siteLike(h, site, host) && 2*len(nh) >= len(stripped) {
			return h
		}
	}
	if wordCount(stripped) >= 2 && !siteLike(stripped, site, host) {
		return stripped
	}
	return firstNonEmpty(cleanSpace(ld.Headline), cleanSpace(tags.first("og:title", "twitter:title", "title")),
		stripped, firstOf(h1s))
}

// firstOf returns the first element of s, or "".
func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// headlineQuotes unifies curly quotes and no-break spaces.
var headlineQuotes = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`, "\u00a0", " ")

// normHeadline lower-cases a title and unifies quotes and spaces so that
// two renderings of one headline compare equal.
func normHeadline(s string) string {
	return strings.ToLower(cleanSpace(headlineQuotes.Replace(s)))
}

// stripSiteParts removes the site name and trailing section or author parts
// from a <title>: "Headline | Section | The Paper" becomes "Headline".
func stripSiteParts(title, site, host string) string {
	seps := titleSeparator.FindAllStringIndex(title, -1)
	if len(seps) == 0 {
		return title
	}
	// parts[i] spans bounds[i][0]:bounds[i][1].
	var bounds [][2]int
	start := 0
	for _, s := range seps {
		bounds = append(bounds, [2]int{start, s[0]})
		start = s[1]
	}
	bounds = append(bounds, [2]int{start, len(title)})
	part := func(i int) string { return title[bounds[i][0]:bounds[i][1]] }
	lo, hi := 0, len(bounds)-1
	for lo < hi {
		switch {
		case siteLike(part(hi), site, host):
			hi--
		case siteLike(part(lo), site, host):
			lo++
		case wordCount(part(hi)) <= 3 && wordCount(part(lo)) >= 4:
			hi--
		case wordCount(part(lo)) <= 3 && wordCount(part(hi)) >= 4:
			lo++
		default:
			return title[bounds[lo][0]:bounds[hi][1]]
		}
	}
	return title[bounds[lo][0]:bounds[hi][1]]
}

// siteLike reports whether a title part names the site: it matches the
// site name or contains the host's main label ("bbc" for bbc.co.uk).
func siteLike(p, site, host string) bool {
	np := normHeadline(p)
	if np == "" {
		return true
	}
	if ns := normHeadline(site); ns != "" && (np == ns || strings.Contains(np, ns) || strings.Contains(ns, np)) {
		return true
	}
	label := mainLabel(host)
	if len(label) < 3 || wordCount(p) > 5 {
		return false
	}
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, p)
	return strings.Contains(letters, label)
}

// wordCount counts white-space separated words.
func wordCount(s string) int { return len(strings.Fields(s)) }

// publicSuffixLabels are host labels that never name the site.
var publicSuffixLabels = map[string]bool{
	"com": true, "co": true, "org": true, "net": true, "gov": true, "ac": true, "edu": true,
	"uk": true, "us": true, "au": true, "br": true, "in": true, "de": true, "fr": true,
	"it": true, "jp": true, "kr": true, "ru": true, "es": true, "nz": true, "ca": true,
	"ie": true, "info": true, "io": true, "eu": true, "ne": true, "or": true,
}

// mainLabel returns the label that names the site in a host:
// "bbc" for news.bbc.co.uk, "cnn" for edition.cnn.com.
func mainLabel(host string) string {
	labels := strings.Split(host, ".")
	for len(labels) > 1 && publicSuffixLabels[labels[len(labels)-1]] {
		labels = labels[:len(labels)-1]
	}
	return labels[len(labels)-1]
}
