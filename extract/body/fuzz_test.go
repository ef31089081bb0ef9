package body

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that no input makes Extract panic and that every
// Result keeps its invariants: valid UTF-8, blocks in order inside the
// text, each block one trimmed paragraph.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"",
		"<p>x</p>",
		"<html><head><meta charset=iso-8859-1><title>\xa3 t</title></head><body><p>\xa3100</p></body></html>",
		"<div><div><div><blockquote><p>quoted</p></blockquote></div></div></div>",
		`<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"By A and B"},"datePublished":"2020-01-02"}</script><p>body</p>`,
		"<ul><li>one<li>two</ul><br><br><pre>a\nb</pre>",
		"\x1f\x8b\x08\x00",
		"<table><tr><td>a<td>b</table>\x00\xff\xfe",
		"<title>A - B | C</title><h1>A</h1>",
	}
	for _, name := range []string{"local_news.html", "live_blog.html", "index_page.html"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			seeds = append(seeds, string(b))
		}
	}
	for _, s := range seeds {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("<p>caf\xe9</p>"), "text/html; charset=latin1")
	f.Fuzz(func(t *testing.T, raw []byte, contentType string) {
		r, err := Extract(raw, Options{ContentType: contentType})
		if err != nil {
			if r != nil {
				t.Fatalf("result with error %v", err)
			}
			return
		}
		fuzzInvariants(t, r)
	})
}

// FuzzFromText checks FromText's invariants.
func FuzzFromText(f *testing.F) {
	for _, s := range []string{"", "a\r\n\r\nb", " \n \n", "x\xffy\n\n\n z "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fuzzInvariants(t, FromText(s))
	})
}

func fuzzInvariants(t *testing.T, r *Result) {
	t.Helper()
	if !utf8.ValidString(r.Text) || !utf8.ValidString(r.Title) {
		t.Fatalf("invalid UTF-8")
	}
	prev := 0
	for i, b := range r.Blocks {
		if b.Start < prev || b.End <= b.Start || b.End > len(r.Text) {
			t.Fatalf("block %d [%d,%d) bad (prev end %d, len %d)", i, b.Start, b.End, prev, len(r.Text))
		}
		p := r.Text[b.Start:b.End]
		if strings.TrimSpace(p) != p || strings.Contains(p, "\n\n") {
			t.Fatalf("block %d is not one trimmed paragraph: %q", i, p)
		}
		prev = b.End
	}
	if r.Text != "" && len(r.Blocks) != strings.Count(r.Text, "\n\n")+1 {
		t.Fatalf("%d blocks for %d paragraphs", len(r.Blocks), strings.Count(r.Text, "\n\n")+1)
	}
	for _, a := range r.Authors {
		if strings.HasPrefix(strings.ToLower(a), "by ") {
			t.Fatalf("author with By: %q", a)
		}
	}
}
