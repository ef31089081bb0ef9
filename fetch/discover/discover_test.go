package discover

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/fetch/web"
)

// server serves fixed files and records the paths asked for.
type server struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
}

func newServer(t *testing.T, files map[string]string) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.mu.Unlock()
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		body = strings.ReplaceAll(body, "BASE", "http://"+r.Host)
		switch {
		case strings.HasSuffix(r.URL.Path, ".gz"):
			w.Header().Set("Content-Type", "application/x-gzip")
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			_, _ = zw.Write([]byte(body))
			_ = zw.Close()
			_, _ = w.Write(b.Bytes())
			return
		case strings.HasSuffix(r.URL.Path, ".xml"), strings.HasSuffix(r.URL.Path, ".rss"):
			w.Header().Set("Content-Type", "application/xml")
		}
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) asked(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.paths {
		if p == path {
			return true
		}
	}
	return false
}

func testClient() *web.Client {
	return web.New(web.Config{AllowPrivate: true, Rate: 1000, Retries: -1, Timeout: 5 * time.Second})
}

func urls(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.URL)
	}
	return out
}

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local News</title><link>BASE/</link>
<item><title>Strike hits clinics</title><link>BASE/news/1</link><pubDate>Tue, 26 Sep 2023 10:02:11 +0100</pubDate></item>
<item><title>Older story</title><link>BASE/news/0</link><pubDate>Mon, 04 Sep 2023 08:00:00 +0100</pubDate></item>
<item><title>Relative link</title><link>/news/2</link><pubDate>Wed, 27 Sep 2023 09:00:00 +0000</pubDate></item>
<item><title>Guid only</title><guid isPermaLink="true">BASE/news/3</guid></item>
<item><title>Duplicate</title><link>BASE/news/1</link><pubDate>Tue, 26 Sep 2023 10:02:11 +0100</pubDate></item>
<item><title>Not a web link</title><link>mailto:desk@news.example</link></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Trust updates</title><id>urn:x</id><updated>2023-09-27T00:00:00Z</updated>
<entry><title>Operations postponed</title><link href="BASE/a/1"/><id>urn:1</id><published>2023-09-25T12:00:00Z</published><updated>2023-09-26T12:00:00Z</updated></entry>
<entry><title>Updated only</title><link href="BASE/a/2"/><id>urn:2</id><updated>2023-08-01T12:00:00Z</updated></entry>
</feed>`

func TestFeed(t *testing.T) {
	s := newServer(t, map[string]string{"/feed.rss": rss, "/atom.xml": atom, "/robots.txt": "User-agent: *\nAllow: /\n", "/page.html": "<html><body>no feed</body></html>",
		"/home.html": `<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/atom+xml" title="News" href="/atom.xml"></head><body></body></html>`})
	tests := []struct {
		name      string
		path      string
		since     time.Time
		wantURLs  []string
		wantTitle string
		wantErr   bool
	}{
		{name: "rss without since", path: "/feed.rss", wantURLs: []string{"/news/1", "/news/0", "/news/2", "/news/3"}, wantTitle: "Strike hits clinics"},
		{name: "rss since drops older dated items", path: "/feed.rss", since: time.Date(2023, 9, 20, 0, 0, 0, 0, time.UTC), wantURLs: []string{"/news/1", "/news/2", "/news/3"}},
		{name: "atom uses published then updated", path: "/atom.xml", since: time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC), wantURLs: []string{"/a/1"}, wantTitle: "Operations postponed"},
		{name: "not a feed", path: "/page.html", wantErr: true},
		{name: "home page advertising its feed", path: "/home.html", wantURLs: []string{"/a/1", "/a/2"}},
		{name: "missing feed", path: "/nope.rss", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := Feed(context.Background(), testClient(), s.URL+tt.path, tt.since)
			if tt.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			var want []string
			for _, p := range tt.wantURLs {
				want = append(want, s.URL+p)
			}
			assert.Equal(t, want, urls(items))
			if tt.wantTitle != "" {
				assert.Equal(t, tt.wantTitle, items[0].Title)
				assert.False(t, items[0].Published.IsZero())
			}
		})
	}
}

const index = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>BASE/sitemap-news.xml</loc><lastmod>2023-09-27T10:00:00+01:00</lastmod></sitemap>
<sitemap><loc>BASE/sitemap-2023-09.xml.gz</loc><lastmod>2023-09-30</lastmod></sitemap>
<sitemap><loc>BASE/sitemap-2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
<sitemap><loc>BASE/sitemap-nested.xml</loc></sitemap>
<sitemap><loc>BASE/sitemap-missing.xml</loc></sitemap>
<sitemap><loc>BASE/sitemap-index.xml</loc></sitemap>
</sitemapindex>`

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>BASE/news/strike-1</loc><news:news><news:publication><news:name>Local News</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2023-09-26T10:02:11+01:00</news:publication_date><news:title>Strike cancels 812 appointments</news:title></news:news></url>
<url><loc>BASE/news/old</loc><news:news><news:publication_date>2023-09-01</news:publication_date><news:title>Old</news:title></news:news></url>
</urlset>`

const monthSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>BASE/news/strike-1</loc><lastmod>2023-09-26</lastmod></url>
<url><loc>BASE/news/strike-2</loc><lastmod>2023-09-28T08:00Z</lastmod></url>
<url><loc>BASE/news/early</loc><lastmod>2023-09-02</lastmod></url>
<url><loc>/news/undated</loc></url>
</urlset>`

const nestedIndex = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>BASE/sitemap-deep.xml</loc></sitemap></sitemapindex>`

const deepSitemap = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>BASE/news/deep</loc></url></urlset>`

func TestSitemapIndex(t *testing.T) {
	s := newServer(t, map[string]string{
		"/sitemap-index.xml":      index,
		"/sitemap-news.xml":       newsSitemap,
		"/sitemap-2023-09.xml.gz": monthSitemap,
		"/sitemap-2019.xml":       `<urlset><url><loc>BASE/news/ancient</loc></url></urlset>`,
		"/sitemap-nested.xml":     nestedIndex,
		"/sitemap-deep.xml":       deepSitemap,
	})
	since := time.Date(2023, 9, 20, 0, 0, 0, 0, time.UTC)
	items, err := Sitemap(context.Background(), testClient(), s.URL+"/sitemap-index.xml", since)
	require.Error(t, err, "the missing child sitemap is reported")
	assert.Contains(t, err.Error(), "sitemap-missing.xml")
	assert.Contains(t, err.Error(), "404")
	want := []string{"/news/strike-1", "/news/strike-2", "/news/undated", "/news/deep"}
	var wantURLs []string
	for _, p := range want {
		wantURLs = append(wantURLs, s.URL+p)
	}
	assert.Equal(t, wantURLs, urls(items))
	assert.Equal(t, "Strike cancels 812 appointments", items[0].Title)
	assert.Equal(t, time.Date(2023, 9, 26, 9, 2, 11, 0, time.UTC), items[0].Published)
	assert.False(t, s.asked("/sitemap-2019.xml"), "a child last modified before since is not fetched")

	all, err := Sitemap(context.Background(), testClient(), s.URL+"/sitemap-index.xml", time.Time{})
	require.Error(t, err)
	assert.Len(t, all, 7)
}

func TestSitemapTopLevelFailure(t *testing.T) {
	s := newServer(t, map[string]string{"/bad.xml": "<html><body>not a sitemap</body></html>"})
	for _, p := range []string{"/bad.xml", "/missing.xml"} {
		items, err := Sitemap(context.Background(), testClient(), s.URL+p, time.Time{})
		assert.Error(t, err)
		assert.Empty(t, items)
	}
}

func TestParseSitemap(t *testing.T) {
	base, _ := url.Parse("https://news.example/sitemap.xml")
	tests := []struct {
		name         string
		body         string
		wantItems    []string
		wantChildren []string
		wantModified time.Time
		wantErr      bool
	}{
		{name: "urlset with relative loc", body: `<urlset><url><loc>/a</loc><lastmod>2024-01-02T03:04:05.678+02:00</lastmod></url></urlset>`,
			wantItems: []string{"https://news.example/a"}, wantModified: time.Date(2024, 1, 2, 1, 4, 5, 678e6, time.UTC)},
		{name: "byte order mark and whitespace", body: "\xef\xbb\xbf\n  <urlset><url><loc>https://news.example/b</loc></url></urlset>", wantItems: []string{"https://news.example/b"}},
		{name: "text sitemap", body: "https://news.example/c\n\nnot a url\nftp://news.example/x\nhttps://news.example/d\n", wantItems: []string{"https://news.example/c", "https://news.example/d"}},
		{name: "index", body: `<sitemapindex><sitemap><loc>https://news.example/s1.xml</loc></sitemap></sitemapindex>`, wantChildren: []string{"https://news.example/s1.xml"}},
		{name: "latin-1 declared", body: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><urlset><url><loc>https://news.example/caf\xe9</loc></url></urlset>", wantItems: []string{"https://news.example/caf%C3%A9"}},
		{name: "javascript loc dropped", body: `<urlset><url><loc>javascript:alert(1)</loc></url></urlset>`},
		{name: "wrong root", body: `<rss><channel/></rss>`, wantErr: true},
		{name: "empty", body: "  ", wantErr: true},
		{name: "broken xml", body: `<urlset><url><loc>https://news.example/a`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sm, err := ParseSitemap([]byte(tt.body), base)
			if tt.wantErr {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantItems, urls(sm.Items))
			assert.Equal(t, tt.wantChildren, urls(sm.Children))
			if !tt.wantModified.IsZero() {
				assert.Equal(t, tt.wantModified, sm.Items[0].Modified)
			}
		})
	}
}

func TestParseSitemapGzipBomb(t *testing.T) {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, _ = zw.Write([]byte("<urlset>"))
	zeros := make([]byte, 1<<20)
	for range 60 {
		_, _ = zw.Write(zeros)
	}
	require.NoError(t, zw.Close())
	base, _ := url.Parse("https://news.example/")
	_, err := ParseSitemap(b.Bytes(), base)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "over")
}

func TestSitemapFromSiteRoot(t *testing.T) {
	s := newServer(t, map[string]string{
		"/":                 "<html><body>Front page</body></html>",
		"/robots.txt":       "User-agent: *\nDisallow: /admin/\nSitemap: BASE/sitemap-news.xml\nSitemap: BASE/sitemap-gone.xml\n",
		"/sitemap-news.xml": newsSitemap,
	})
	items, err := Sitemap(context.Background(), testClient(), s.URL+"/", time.Date(2023, 9, 20, 0, 0, 0, 0, time.UTC))
	require.Error(t, err, "the listed sitemap that is missing is reported")
	assert.Contains(t, err.Error(), "sitemap-gone.xml")
	assert.Equal(t, []string{s.URL + "/news/strike-1"}, urls(items))

	bare := newServer(t, map[string]string{"/": "<html><body>Front page</body></html>"})
	_, err = Sitemap(context.Background(), testClient(), bare.URL, time.Time{})
	require.Error(t, err, "a home page without listed sitemaps is an error")
}
