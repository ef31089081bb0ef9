package body

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// boilerTokens are class names that, as a whole class token, mark an
// element that is not article text.
var boilerTokens = map[string]bool{
	"hide": true, "hidden": true, "d-none": true, "is-hidden": true, "sr-only": true,
	"visually-hidden": true, "visuallyhidden": true, "screen-reader-text": true,
	"ad": true, "ads": true, "advert": true, "advertisement": true, "adsbygoogle": true,
	"share": true, "tags": true, "caption": true, "credit": true, "similar": true,
	"print-header": true, "print-only": true, "print-footer": true,
}

// boilerPrefixes begin class names and ids of adverts ("ad-slot",
// "ad__container"); as substrings they would match "masthead__logo".
var boilerPrefixes = []string{"ad-", "ad_", "ads-", "ads_", "dfp-", "dfp_", "gpt-ad", "google-ad"}

// boilerParts are substrings of class names and ids that mark boilerplate.
var boilerParts = []string{
	"newsletter", "outbrain", "taboola", "recirc", "related", "recommend",
	"rollover", "cookie", "consent", "gdpr", "subscribe", "signup", "sign-up",
	"social", "sharing", "share-", "-share", "share_", "disqus", "comment",
	"promo", "sponsor", "breadcrumb", "popular", "trending", "latest-news",
	"latest-box", "read-more", "readmore", "more-stories", "morestories",
	"paywall", "scrim", "modal", "popup", "adslot", "adunit", "advert", "byline", "author-bio",
	"authorbio", "caption", "newsfeed", "further-reading", "also-read",
}

// boilerPartsByByte lists boilerParts by their first byte, so that
// containsBoilerPart reads a name once instead of once per part.
var boilerPartsByByte = func() (t [256][]string) {
	for _, p := range boilerParts {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

// containsBoilerPart reports whether v contains one of boilerParts, as
// testing each with strings.Contains would.
func containsBoilerPart(v string) bool {
	for i := 0; i < len(v); i++ {
		for _, p := range boilerPartsByByte[v[i]] {
			if strings.HasPrefix(v[i:], p) {
				return true
			}
		}
	}
	return false
}

// pruneBoilerplate removes from the tree elements that are hidden or whose
// class or id names them as adverts, share bars, newsletter boxes, related
// or popular links, comments, cookie banners, captions and the like. An
// element holding a large share of the page's paragraph text is kept
// whatever its name, since sites put such names on whole-page wrappers.
func pruneBoilerplate(doc *html.Node) {
	// The paragraph text under an element is counted only for the few
	// elements named as boilerplate, not recorded for every element.
	total := paragraphTextLen(doc, false)
	var remove []*html.Node
	names := map[string]bool{}
	named := func(v string) bool {
		b, ok := names[v]
		if !ok {
			b = boilerName(v)
			names[v] = b
		}
		return b
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isBoilerplate(c, named) && (total == 0 || elementParagraphLen(c)*10 < total*4) {
				remove = append(remove, c)
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	for _, n := range remove {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// paragraphTextLen returns the length of the text of the paragraphs (<p>)
// under n, all of n's text when inP.
func paragraphTextLen(n *html.Node, inP bool) int {
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if inP {
				sum += len(strings.TrimSpace(c.Data))
			}
		case html.ElementNode:
			if c.DataAtom == atom.Script || c.DataAtom == atom.Style {
				continue
			}
			sum += paragraphTextLen(c, inP || c.DataAtom == atom.P)
		}
	}
	return sum
}

// elementParagraphLen returns what a walk of the whole tree from the root
// counts for element n: the length of the paragraph text under n,
// counting all of its text when n is in or is a <p>, and 0 when n is in or
// is a <script> or <style> (which the walk skips).
func elementParagraphLen(n *html.Node) int {
	inP := false
	for a := n; a != nil; a = a.Parent {
		if a.Type != html.ElementNode {
			continue
		}
		switch a.DataAtom {
		case atom.Script, atom.Style:
			return 0
		case atom.P:
			inP = true
		}
	}
	return paragraphTextLen(n, inP)
}

// isBoilerplate reports whether an element is hidden or named as
// boilerplate, named deciding its class and id values (boilerName, or as
// pruneBoilerplate passes it, boilerName cached: a page repeats the same
// few class names on hundreds of elements).
func isBoilerplate(n *html.Node, named func(string) bool) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Head, atom.Main, atom.Article:
		return false
	case atom.Figcaption:
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" && n.DataAtom != atom.Span && n.DataAtom != atom.I {
				return true
			}
		case "style":
			v := strings.ToLower(a.Val)
			if strings.Contains(strings.ReplaceAll(v, " ", ""), "display:none") {
				return true
			}
		case "class", "id":
			if named(a.Val) {
				return true
			}
		}
	}
	return false
}

// boilerName reports whether a class or id value names boilerplate.
func boilerName(val string) bool {
	v := strings.ToLower(val)
	for tok := range strings.FieldsSeq(v) {
		if tok == "d-none" && shownAtSomeWidth(strings.Fields(v)) {
			continue
		}
		if boilerTokens[tok] {
			return true
		}
		for _, p := range boilerPrefixes {
			if strings.HasPrefix(tok, p) {
				return true
			}
		}
	}
	if strings.Contains(v, "embed") {
		// Embedded posts (tweets and the like) quoted in the story.
		return false
	}
	// "commentary" is an opinion piece, not reader comments.
	return containsBoilerPart(strings.ReplaceAll(v, "commentary", ""))
}

// shownAtSomeWidth reports whether Bootstrap-style classes show an element
// hidden by "d-none" at some screen width ("d-md-block").
func shownAtSomeWidth(toks []string) bool {
	for _, t := range toks {
		if strings.HasPrefix(t, "d-") && t != "d-none" && !strings.HasSuffix(t, "-none") {
			return true
		}
	}
	return false
}
