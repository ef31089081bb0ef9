package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFetchFeed discovers articles from a feed, obeys robots.txt, stores
// them, and on a second fetch gets 304 Not Modified for unchanged pages.
func TestFetchFeed(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	page := func(title, body string) string {
		return fmt.Sprintf(`<html><head><title>%s</title><meta property="article:published_time" content="2023-09-26"></head>
<body><article><h1>%s</h1><p>%s</p><p>Second paragraph with enough words to look like an article body here.</p></article></body></html>`, title, title, body)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>A</title><link>%[1]s/news/a</link><pubDate>Tue, 26 Sep 2023 10:00:00 GMT</pubDate></item>
<item><title>B</title><link>%[1]s/private/b</link><pubDate>Tue, 26 Sep 2023 11:00:00 GMT</pubDate></item>
<item><title>Old</title><link>%[1]s/news/old</link><pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Trust cancels operations", "Bolton NHS Foundation Trust cancelled 736 operations last week, the trust said."))
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	db := filepath.Join(t.TempDir(), "f.db")
	r := cli(t, "", "fetch", "--db", db, "--allow-private", "--rate", "50", "--since", "2023-09-01", "--feed", srv.URL+"/feed.xml")
	require.Equal(t, 1, r.code, r.stderr)
	assert.Contains(t, r.stderr, "/private/b: fetch:")
	assert.Contains(t, r.stderr, "robots.txt")
	assert.Contains(t, r.stderr, "2 inputs, 1 records")
	assert.Equal(t, 1, countRows(t, db, "articles"))
	assert.Equal(t, 1, countRows(t, db, "raw_pages"))

	// A stored page is not requested again...
	r = cli(t, "", "fetch", "--db", db, "--allow-private", "--rate", "50", srv.URL+"/news/a")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "1 pages already stored")

	// ...unless --redo, and then a conditional GET answers 304.
	r = cli(t, "", "fetch", "--db", db, "--allow-private", "--rate", "50", "--redo", srv.URL+"/news/a")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "1 pages not modified")

	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, 0, hits["/private/b"], "robots.txt disallows it")
	assert.Equal(t, 0, hits["/news/old"], "older than --since")
	assert.Equal(t, 2, hits["/news/a"])

	// Without --allow-private a loopback address is refused.
	r = cli(t, "", "fetch", "--db", "none", srv.URL+"/news/a")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "non-public address")
}
