package trafilatura

import (
	"sort"
	"strings"
	"testing"

	"github.com/go-shiori/dom"
	"github.com/markusmobius/go-trafilatura/internal/etree"
	"golang.org/x/net/html"
)

// cleanTagByTag is the cleaning docCleaning did before the patch: a walk of
// the tree for every tag, stripping (with copies of the children) and then
// deleting. Upstream visits the tags in map order, so an element nested in
// another of a different stripped tag was sometimes left in; this reference
// repeats the stripping until none is left, the result the patch gives
// every time.
func cleanTagByTag(doc *html.Node, strip, clean map[string]struct{}) {
	stripTags := sortedTags(strip)
	for left := true; left; {
		for _, tag := range stripTags {
			etree.StripTags(doc, tag)
		}
		left = false
		for _, tag := range stripTags {
			left = left || len(dom.GetElementsByTagName(doc, tag)) > 0
		}
	}
	for _, tag := range sortedTags(clean) {
		etree.StripElements(doc, false, tag)
	}
}

func sortedTags(m map[string]struct{}) []string {
	tags := make([]string, 0, len(m))
	for tag := range m {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	return tags
}

// cleanOneWalk is the patched cleaning.
func cleanOneWalk(doc *html.Node, strip, clean map[string]struct{}) {
	stripping := elementsByTag(doc, strip)
	for i := len(stripping) - 1; i >= 0; i-- {
		unwrapElement(stripping[i])
	}
	removeElementsByTag(doc, clean)
}

func render(t *testing.T, n *html.Node) string {
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// FuzzDocCleaning checks that one walk per list cleans a page as walking
// it tag by tag does.
func FuzzDocCleaning(f *testing.F) {
	for _, s := range []string{
		`<p>a <small>b <img src=x> c</small> d</p>`,
		`<div><small><abbr>x</abbr> y</small><script>z</script> tail <p>kept</p></div>`,
		`<p>one<time>t</time> tail text<b>bold</b><nav><ins>i</ins></nav> after</p>`,
		`<font><font><span>deep</span></font> mid</font><aside>gone</aside><!-- c --> tail`,
		`<table><tbody><tr><td>cell</td></tr></tbody></table><form><label>l</label></form>`,
		`text only`, ``,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		want := dom.Clone(doc, true)
		cleanTagByTag(want, tagsToStrip, tagsToClean)
		got := dom.Clone(doc, true)
		cleanOneWalk(got, tagsToStrip, tagsToClean)
		if g, w := render(t, got), render(t, want); g != w {
			t.Fatalf("page %q:\n got %s\nwant %s", page, g, w)
		}
	})
}

// FuzzTrimmedTextLen checks trimmedTextLen against the length of the
// trimmed text it replaces, capped and not.
func FuzzTrimmedTextLen(f *testing.F) {
	for _, s := range []string{
		`<div> a  <b>b</b>c <i> </i> d </div>`, `<p>\u00a0x\u2003y</p>`, ``, `<div><a>link</a> text</div>`,
		"<p>broken \xe2\x80</p><p>\x94 joined</p>", `<div>` + strings.Repeat("word ", 100) + `</div>`,
	} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, page string, limit int) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		limit = max(limit%400, -1)
		for _, n := range dom.GetElementsByTagName(doc, "*") {
			want := len([]rune(trim(dom.TextContent(n))))
			if got := trimmedTextLen(n, -1); got != want {
				t.Fatalf("%q: %d, want %d", page, got, want)
			}
			got := trimmedTextLen(n, limit)
			if want <= limit && got != want || want > limit && got <= limit {
				t.Fatalf("%q limit %d: %d, want %d", page, limit, got, want)
			}
		}
	})
}
