package discover

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// FuzzParseSitemap checks that any bytes parse without panic and yield only
// absolute http(s) URLs.
func FuzzParseSitemap(f *testing.F) {
	for _, s := range []string{newsSitemap, monthSitemap, index, nestedIndex, "https://a.example/x\n", "", "<urlset><url><loc>"} {
		f.Add([]byte(strings.ReplaceAll(s, "BASE", "https://news.example")))
	}
	base, _ := url.Parse("https://news.example/sitemap.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := ParseSitemap(data, base)
		if err != nil {
			return
		}
		for _, it := range append(sm.Items, sm.Children...) {
			if !strings.HasPrefix(it.URL, "http://") && !strings.HasPrefix(it.URL, "https://") {
				t.Fatalf("not an http(s) URL: %q", it.URL)
			}
		}
	})
}

// FuzzParseFeed checks the same for feeds and advertised feed links.
func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{rss, atom, `{"version":"https://jsonfeed.org/version/1","items":[{"url":"/x"}]}`, ""} {
		f.Add([]byte(strings.ReplaceAll(s, "BASE", "https://news.example")))
	}
	base, _ := url.Parse("https://news.example/feed")
	f.Add([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if u, ok := FeedLink(data, base); ok && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			t.Fatalf("feed link not http(s): %q", u)
		}
		items, err := ParseFeed(data, base, time.Time{})
		if err != nil {
			return
		}
		for _, it := range items {
			if !strings.HasPrefix(it.URL, "http://") && !strings.HasPrefix(it.URL, "https://") {
				t.Fatalf("not an http(s) URL: %q", it.URL)
			}
		}
	})
}
