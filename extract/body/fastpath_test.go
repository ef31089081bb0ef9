package body

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

// collapseSpaceSlow is collapseSpace as first written, decoding every
// rune: the definition its ASCII paths must agree with.
func collapseSpaceSlow(s string) string {
	var sb strings.Builder
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			continue
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = sb.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// compactKeySlow is compactKey as first written, ranging over runes.
func compactKeySlow(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			sb.WriteByte(byte(r))
		case 'A' <= r && r <= 'Z':
			sb.WriteByte(byte(r - 'A' + 'a'))
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// nodeParagraphsSlow is nodeParagraphs with every text node outside <pre>
// passed through strings.Map, as writeText did before it skipped the call
// for valid text without line breaks.
func nodeParagraphsSlow(n *html.Node) []paragraph {
	var walk func(n *html.Node, inPre bool)
	walk = func(n *html.Node, inPre bool) {
		if n.Type == html.TextNode && !inPre {
			n.Data = strings.Map(func(r rune) rune { return r }, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inPre || c.Data == "pre")
		}
	}
	walk(n, false)
	return nodeParagraphs(n)
}

// textSeeds are strings at the edges of the text clean-up rules: ASCII
// and not, spaces of every kind, controls and invalid UTF-8.
var textSeeds = []string{
	"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\x00b", "a\x7fb", "\x1f",
	"Ünïcödé  wörds", "a\u00a0b", "a\u0085b", "a\u200bb", "\ufeffa", "a\u2028b", "\u3000x",
	"bad\xffbyte", "\xe2\x80", "x\xc3", "ﬁne ΣΑΣ İı", "A1-b2_C3", "\uFFFD",
}

// TestTextFastPaths checks collapseSpace, compactKey and writeText's
// skipped mapping against their former definitions.
func TestTextFastPaths(t *testing.T) {
	for _, s := range textSeeds {
		checkTextFastPaths(t, s)
	}
}

// checkTextFastPaths compares the fast and former text clean-ups on s.
func checkTextFastPaths(t *testing.T, s string) {
	t.Helper()
	if got, want := collapseSpace(s), collapseSpaceSlow(s); got != want {
		t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := compactKey(s), compactKeySlow(s); got != want {
		t.Fatalf("compactKey(%q) = %q, want %q", s, got, want)
	}
	for _, markup := range []string{"<p>" + html.EscapeString(s) + "<b>" + s + "</b>x</p>", "<pre>" + s + "</pre>"} {
		a, err := html.Parse(strings.NewReader(markup))
		if err != nil {
			continue
		}
		b, _ := html.Parse(strings.NewReader(markup))
		if got, want := nodeParagraphs(a), nodeParagraphsSlow(b); !slices.Equal(got, want) {
			t.Fatalf("nodeParagraphs(%q) = %q, want %q", markup, got, want)
		}
	}
}

// FuzzTextFastPaths checks the text clean-ups against their former
// definitions.
func FuzzTextFastPaths(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(checkTextFastPaths)
}

// BenchmarkNodeParagraphs times nodeParagraphs and compactKey on whole
// benchmark pages, the text clean-up that recoverBody and Extract run.
func BenchmarkNodeParagraphs(b *testing.B) {
	docs := parsedBenchPages(b)
	b.ResetTimer()
	for b.Loop() {
		for _, doc := range docs {
			for _, p := range nodeParagraphs(doc) {
				compactKey(p.text)
			}
		}
	}
}

// recordParagraphTextLen is the walk pruneBoilerplate made before
// elementParagraphLen: it records in lens, for each element, the length of
// the text of the paragraphs under it, and returns that of n.
func recordParagraphTextLen(n *html.Node, lens map[*html.Node]int, inP bool) int {
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
			sum += recordParagraphTextLen(c, lens, inP || c.DataAtom == atom.P)
		}
	}
	if n.Type == html.ElementNode {
		lens[n] = sum
	}
	return sum
}

// checkElementParagraphLen compares elementParagraphLen with the lengths
// recordParagraphTextLen records in one walk of the page, for every
// element.
func checkElementParagraphLen(t *testing.T, page string) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return
	}
	lens := map[*html.Node]int{}
	recordParagraphTextLen(root, lens, false)
	for _, n := range indexPage(root).elems {
		if got, want := elementParagraphLen(n), lens[n]; got != want {
			t.Fatalf("<%s>: %d, want %d, in %q", n.Data, got, want, page)
		}
	}
}

// TestElementParagraphLen checks elementParagraphLen on the seeds,
// fixtures and benchmark pages.
func TestElementParagraphLen(t *testing.T) {
	pages := append(fastPathPages(t),
		"<p>a<b>bc<i>d</i></b><p>e</p></p><div>x<p> y </p><script>s</script></div>",
		"<svg><style><p>in style</p><a>t</a></style></svg><p><svg><script><g>z</g></script></svg></p>")
	for _, page := range pages {
		checkElementParagraphLen(t, page)
	}
	t.Run("benchmark", func(t *testing.T) {
		for _, p := range loadBenchmark(t) {
			checkElementParagraphLen(t, string(p.html))
		}
	})
}

// FuzzElementParagraphLen checks elementParagraphLen on arbitrary markup.
func FuzzElementParagraphLen(f *testing.F) {
	for _, page := range fastPathPages(f) {
		f.Add(page)
	}
	f.Fuzz(checkElementParagraphLen)
}

// BenchmarkPruneBoilerplate times pruneBoilerplate on freshly parsed
// benchmark pages (the parsing is not timed).
func BenchmarkPruneBoilerplate(b *testing.B) {
	var texts []string
	for _, p := range benchPages(b) {
		if d, err := decode(p, ""); err == nil {
			texts = append(texts, emptyCode(d.text))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		docs := make([]*html.Node, 0, len(texts))
		for _, s := range texts {
			if doc, _, err := parseHTML(s); err == nil {
				docs = append(docs, doc)
			}
		}
		b.StartTimer()
		for _, doc := range docs {
			pruneBoilerplate(doc)
		}
	}
}
