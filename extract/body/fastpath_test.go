package body

import (
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

// checkBylineMatches compares bylineMatches with goquery's FindMatcher
// run once per selector, the search it replaces.
func checkBylineMatches(t *testing.T, page string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return
	}
	doc := goquery.NewDocumentFromNode(root)
	got := bylineMatches(root)
	for i, sel := range bylineSelectors {
		want := doc.FindMatcher(sel).Nodes
		if !slices.Equal(got[i], want) {
			t.Fatalf("selector %d: %d nodes, want %d, in %q", i, len(got[i]), len(want), page)
		}
	}
}

// TestBylineMatches checks the one-walk byline search on every seed and
// fixture, and on the benchmark's pages when they are present.
func TestBylineMatches(t *testing.T) {
	for _, page := range fastPathPages(t) {
		checkBylineMatches(t, page)
	}
	t.Run("benchmark", func(t *testing.T) {
		for _, p := range loadBenchmark(t) {
			checkBylineMatches(t, string(p.html))
		}
	})
}

// FuzzBylineMatches checks the one-walk byline search against a walk per
// selector on arbitrary markup.
func FuzzBylineMatches(f *testing.F) {
	for _, page := range fastPathPages(f) {
		f.Add(page)
	}
	f.Fuzz(checkBylineMatches)
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
