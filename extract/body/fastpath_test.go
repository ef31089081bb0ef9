package body

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// fastPathSeeds are pages whose elements exercise the fast paths that
// replace goquery and cascadia searches: bylines of every kind, near
// misses in case and attribute name, nested and foreign elements.
var fastPathSeeds = []string{
	"",
	"<p>x</p>",
	`<div itemprop="author"><span itemprop="name">A B</span></div>`,
	`<span itemprop="Author">A</span><span itemprop="name">C</span><a rel="author" href="/x">D</a>`,
	`<div class="byline"><a href="/author/jo-bloggs">Jo</a><a href="https://x/profile/y">Y</a></div>`,
	`<p class="Byline By-line by-line article-byline byline__name byline-name"><b class="author-name authorName AUTHOR">Z</b></p>`,
	`<div data-component="byline">By Q</div><div data-component="Byline">R</div>`,
	`<nav><a href="/author/x">X</a></nav><footer class="byline">F</footer><div class="comments"><span rel="author">C</span></div>`,
	`<svg><a href="/profile/p" class="byline">s</a></svg><math itemprop="author">m</math>`,
	`<a HREF="/AUTHOR/x">u</a><a href="/authors/x">v</a><a href="profile">w</a>`,
	`<meta itemprop="author" content="M N"><link rel="author" href="/a">`,
	`<html lang="en"><head><link rel="canonical" href="/c"><title>T</title><meta property="og:title" content="O"></head>` +
		`<body><svg><title>S</title></svg><h1>H</h1><time datetime="2020-01-02" pubdate>x</time>` +
		`<span itemprop="datePublished" content="2020">y</span><i property="datePublished">z</i><b itemprop="dateModified">m</b>` +
		`<div class="meta-Date updated"><p class="posted-on">p</p><p class="DATE">q</p></div>` +
		`<script type="application/ld+json">{}</script><script type="application/LD+json">{}</script><html lang="fr"></html></body></html>`,
	`<title>no head</title><template><title>t</title><h1>in template</h1></template><h1>a</h1>`,
}

// fastPathPages returns the seeds and this package's HTML fixtures.
func fastPathPages(tb testing.TB) []string {
	pages := slices.Clone(fastPathSeeds)
	names, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, string(b))
	}
	return pages
}

// checkPageIndex compares the searches readMetadata runs on a pageIndex
// with goquery's searches of the whole tree, which they replace.
func checkPageIndex(t *testing.T, page string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return
	}
	doc := goquery.NewDocumentFromNode(root)
	ix := indexPage(root)
	firstOrNil := func(nodes []*html.Node) *html.Node {
		if len(nodes) == 0 {
			return nil
		}
		return nodes[0]
	}
	same := func(what string, got, want []*html.Node) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Fatalf("%s: %d nodes, want %d, in %q", what, len(got), len(want), page)
		}
	}
	one := func(what string, got *html.Node, sel string) {
		t.Helper()
		if want := firstOrNil(doc.FindMatcher(goquery.Single(sel)).Nodes); got != want {
			t.Fatalf("%s: got %v, want %v, in %q", what, got, want, page)
		}
	}
	for i, m := range bylineMatches(ix.elems) {
		same(fmt.Sprintf("byline selector %d", i), m, doc.FindMatcher(bylineSelectors[i]).Nodes)
	}
	same("meta", ix.metas, doc.Find("meta").Nodes)
	same("h1", ix.h1s, doc.Find("h1").Nodes)
	same("JSON-LD", filter(ix.scripts, jsonLDScript), doc.Find(`script[type="application/ld+json"]`).Nodes)
	same("published", filter(filterFunc(ix.elems, dated), publishedSelector), doc.FindMatcher(publishedSelector).Nodes)
	same("modified", filter(filterFunc(ix.elems, dated), modifiedSelector), doc.FindMatcher(modifiedSelector).Nodes)
	same("dateline", filter(filterFunc(ix.elems, dateline), visibleDateSelector), doc.FindMatcher(visibleDateSelector).Nodes)
	one("canonical", first(ix.links, canonicalLink), `link[rel="canonical"]`)
	one("html", ix.html, "html")
	one("head title", first(ix.titles, headTitle), "head title")
	one("title", firstOrNil(ix.titles), "title")
}

// filterFunc returns the nodes for which keep is true.
func filterFunc(nodes []*html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for _, n := range nodes {
		if keep(n) {
			out = append(out, n)
		}
	}
	return out
}

// TestPageIndex checks readMetadata's one-walk searches on every seed and
// fixture, and on the benchmark's pages when they are present.
func TestPageIndex(t *testing.T) {
	for _, page := range fastPathPages(t) {
		checkPageIndex(t, page)
	}
	t.Run("benchmark", func(t *testing.T) {
		for _, p := range loadBenchmark(t) {
			checkPageIndex(t, string(p.html))
		}
	})
}

// FuzzPageIndex checks readMetadata's one-walk searches against goquery's
// searches on arbitrary markup.
func FuzzPageIndex(f *testing.F) {
	for _, page := range fastPathPages(f) {
		f.Add(page)
	}
	f.Fuzz(checkPageIndex)
}

// parsedBenchPages decodes and parses the benchmark's pages as Extract
// does.
func parsedBenchPages(b *testing.B) []*html.Node {
	b.Helper()
	var docs []*html.Node
	for _, p := range benchPages(b) {
		d, err := decode(p, "")
		if err != nil {
			continue
		}
		doc, _, err := parseHTML(emptyCode(d.text))
		if err != nil {
			continue
		}
		docs = append(docs, doc)
	}
	return docs
}

// BenchmarkReadMetadata times readMetadata, which leaves the tree as it
// finds it, over the parsed benchmark pages.
func BenchmarkReadMetadata(b *testing.B) {
	docs := parsedBenchPages(b)
	b.ResetTimer()
	for b.Loop() {
		for _, doc := range docs {
			readMetadata(doc, "")
		}
	}
}

// boilerNameSlow is boilerName as first written, a strings.Contains per
// part: the definition that boilerName's one-pass scan must agree with.
func boilerNameSlow(val string) bool {
	v := strings.ToLower(val)
	toks := strings.Fields(v)
	for _, tok := range toks {
		if tok == "d-none" && shownAtSomeWidth(toks) {
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
		return false
	}
	v = strings.ReplaceAll(v, "commentary", "")
	for _, p := range boilerParts {
		if strings.Contains(v, p) {
			return true
		}
	}
	return false
}

// boilerNameSeeds are class and id values near the edges of boilerName's
// rules.
var boilerNameSeeds = []string{
	"", " ", "ad", "AD-slot", "masthead__logo", "d-none", "d-none d-md-block", "d-none x-none",
	"commentary", "commentary-box", "comcommentaryment", "social-embed", "share", "share-bar",
	"x-share", "Newsletter-Signup", "readmore", "read-mor", "further-reading", "also_read",
	"byline", "author-bio", "sign-up", "caption", "İstanbul related", "\u212a-related",
}

// TestBoilerName checks boilerName against boilerNameSlow on the seeds and
// every class and id of the fixtures.
func TestBoilerName(t *testing.T) {
	vals := slices.Clone(boilerNameSeeds)
	for _, page := range fastPathPages(t) {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			continue
		}
		for _, n := range indexPage(root).elems {
			for _, a := range n.Attr {
				if a.Key == "class" || a.Key == "id" {
					vals = append(vals, a.Val)
				}
			}
		}
	}
	for _, v := range vals {
		if got, want := boilerName(v), boilerNameSlow(v); got != want {
			t.Errorf("boilerName(%q) = %v, want %v", v, got, want)
		}
	}
}

// FuzzBoilerName checks boilerName against boilerNameSlow.
func FuzzBoilerName(f *testing.F) {
	for _, v := range boilerNameSeeds {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if got, want := boilerName(v), boilerNameSlow(v); got != want {
			t.Fatalf("boilerName(%q) = %v, want %v", v, got, want)
		}
	})
}

// classAndIDValues returns the distinct class and id values of the
// benchmark pages, as pruneBoilerplate's cache passes them to boilerName.
func classAndIDValues(b *testing.B) []string {
	var vals []string
	for _, doc := range parsedBenchPages(b) {
		seen := map[string]bool{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			for _, a := range n.Attr {
				if (a.Key == "class" || a.Key == "id") && !seen[a.Val] {
					seen[a.Val] = true
					vals = append(vals, a.Val)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	return vals
}

// BenchmarkBoilerName times boilerName on every distinct class and id
// value of each benchmark page.
func BenchmarkBoilerName(b *testing.B) {
	vals := classAndIDValues(b)
	b.ResetTimer()
	for b.Loop() {
		for _, v := range vals {
			boilerName(v)
		}
	}
}
