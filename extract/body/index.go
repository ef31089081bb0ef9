package body

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// pageIndex lists, in document order, the elements that readMetadata's
// searches can match, found in one walk of the page. Each search used to
// walk the whole tree with a cascadia selector (a dozen walks a page); now
// it runs the same selector on the elements of a list that holds every
// element it can match, so it finds the same elements in the same order.
type pageIndex struct {
	doc *goquery.Document
	// html is the first <html> element, or nil.
	html *html.Node
	// Elements by tag name, compared as cascadia does (Data, case and
	// namespace as parsed).
	metas, scripts, links, titles, h1s []*html.Node
	// elems are all the elements, for the searches by attribute, which
	// half the pages or fewer need: each filters them with a cheap test
	// of its own (dated, dateline, mightMatchByline) when it runs.
	elems []*html.Node
}

// indexPage walks the tree under root once and lists its elements for
// readMetadata's searches.
func indexPage(root *html.Node) *pageIndex {
	ix := &pageIndex{doc: goquery.NewDocumentFromNode(root)}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			ix.add(c)
			walk(c)
		}
	}
	walk(root)
	return ix
}

// add files one element in the lists it belongs to.
func (ix *pageIndex) add(n *html.Node) {
	ix.elems = append(ix.elems, n)
	switch n.Data {
	case "html":
		if ix.html == nil {
			ix.html = n
		}
	case "meta":
		ix.metas = append(ix.metas, n)
	case "script":
		ix.scripts = append(ix.scripts, n)
	case "link":
		ix.links = append(ix.links, n)
	case "title":
		ix.titles = append(ix.titles, n)
	case "h1":
		ix.h1s = append(ix.h1s, n)
	}
}

// dated reports whether an element may be one of pickDates' (a <time>, or
// one with an itemprop or property attribute).
func dated(n *html.Node) bool {
	if n.Data == "time" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "itemprop" || a.Key == "property" {
			return true
		}
	}
	return false
}

// datelineClassParts are the substrings that visibleDateSelector looks for
// in class attributes.
var datelineClassParts = []string{"date", "byline", "published", "timestamp", "posted", "meta"}

// dateline reports whether an element may be one of visibleDate's: a
// <time>, or one whose class holds one of datelineClassParts.
func dateline(n *html.Node) bool {
	if n.Data == "time" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, p := range datelineClassParts {
				if strings.Contains(a.Val, p) {
					return true
				}
			}
		}
	}
	return false
}

// first returns the first of nodes that m matches, or nil.
func first(nodes []*html.Node, m cascadia.Matcher) *html.Node {
	for _, n := range nodes {
		if m.Match(n) {
			return n
		}
	}
	return nil
}

// filter returns the nodes that m matches, in order.
func filter(nodes []*html.Node, m cascadia.Matcher) []*html.Node {
	var out []*html.Node
	for _, n := range nodes {
		if m.Match(n) {
			out = append(out, n)
		}
	}
	return out
}

// sel wraps nodes (nil for none) in a goquery selection of the page.
func (ix *pageIndex) sel(nodes ...*html.Node) *goquery.Selection {
	if len(nodes) == 1 && nodes[0] == nil {
		nodes = nil
	}
	return ix.doc.FindNodes(nodes...)
}
