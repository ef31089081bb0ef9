package discover

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/net/html/charset"

	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/fetch/web"
)

// Bounds on a sitemap crawl.
const (
	// MaxSitemapDepth is how many levels of sitemap indexes are followed.
	MaxSitemapDepth = 4
	// MaxSitemaps is the most sitemap files read for one Sitemap call.
	MaxSitemaps = 2000
	// MaxSitemapBytes is the largest sitemap accepted after gunzipping;
	// the sitemap protocol allows 50 MB.
	MaxSitemapBytes = 50 << 20
)

// ErrTooManySitemaps reports a sitemap index tree past MaxSitemaps files
// or MaxSitemapDepth levels; the items found so far are still returned.
var ErrTooManySitemaps = errors.New("sitemap index too large")

// Sitemap fetches the sitemap or sitemap index at sitemapURL, follows
// nested indexes (up to MaxSitemapDepth levels and MaxSitemaps files),
// gunzips .gz sitemaps, and returns the page URLs published (news
// sitemaps' publication_date) or, lacking that, modified (lastmod) at or
// after since; a zero since keeps all. Given a site's home page instead,
// it reads the sitemaps that the site's robots.txt lists. Child sitemaps
// whose lastmod is
// before since are not fetched. If some child sitemaps fail, the items of
// the others are returned with an error naming the failures.
func Sitemap(ctx context.Context, c *web.Client, sitemapURL string, since time.Time) ([]Item, error) {
	type job struct {
		url   string
		depth int
	}
	queue := []job{{url: sitemapURL}}
	visited := map[string]bool{sitemapURL: true}
	seen := make(map[string]bool)
	var items []Item
	var errs []error
	for n := 0; len(queue) > 0; n++ {
		j := queue[0]
		queue = queue[1:]
		if n >= MaxSitemaps {
			errs = append(errs, fmt.Errorf("%w: more than %d files", ErrTooManySitemaps, MaxSitemaps))
			break
		}
		sm, err := fetchSitemap(ctx, c, j.url)
		if err != nil && j.depth == 0 && isSiteRoot(j.url) {
			// A site's home page: use the sitemaps its robots.txt lists.
			if listed, lerr := c.Sitemaps(ctx, j.url); lerr == nil && len(listed) > 0 {
				sm, err = &SitemapFile{}, nil
				for _, l := range listed {
					sm.Children = append(sm.Children, Item{URL: l})
				}
			}
		}
		if err != nil {
			if j.depth == 0 {
				return nil, err
			}
			errs = append(errs, err)
			if ctx.Err() != nil {
				break
			}
			continue
		}
		for _, it := range sm.Items {
			if !seen[it.URL] && it.newer(since) {
				seen[it.URL] = true
				items = append(items, it)
			}
		}
		for _, child := range sm.Children {
			if visited[child.URL] || !child.newer(since) {
				continue
			}
			if j.depth+1 > MaxSitemapDepth {
				errs = append(errs, fmt.Errorf("%w: %s is nested deeper than %d levels", ErrTooManySitemaps, child.URL, MaxSitemapDepth))
				continue
			}
			visited[child.URL] = true
			queue = append(queue, job{url: child.URL, depth: j.depth + 1})
		}
	}
	if len(errs) > 0 {
		return items, fmt.Errorf("sitemap %s: %d problems: %w", sitemapURL, len(errs), errors.Join(errs...))
	}
	return items, nil
}

// isSiteRoot reports whether u is a site's home page.
func isSiteRoot(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Path == "" || p.Path == "/") && p.RawQuery == ""
}

func fetchSitemap(ctx context.Context, c *web.Client, u string) (*SitemapFile, error) {
	doc, err := c.Fetch(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	base, err := url.Parse(doc.URL)
	if err != nil {
		return nil, fmt.Errorf("sitemap %s: %w", u, err)
	}
	sm, err := ParseSitemap(doc.Body, base)
	if err != nil {
		return nil, fmt.Errorf("sitemap %s: %w", u, err)
	}
	return sm, nil
}

// SitemapFile is the content of one sitemap file: page items for a
// urlset, child sitemaps (with Modified from lastmod) for an index.
type SitemapFile struct {
	Items    []Item
	Children []Item
}

type xmlSitemap struct {
	XMLName  xml.Name
	URLs     []xmlURL `xml:"url"`
	Sitemaps []xmlURL `xml:"sitemap"`
}

type xmlURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod"`
	News    []xmlNews `xml:"news"`
}

type xmlNews struct {
	PublicationDate string `xml:"publication_date"`
	Title           string `xml:"title"`
}

// ParseSitemap reads one sitemap file: XML urlset or sitemapindex (with
// news extensions), or a plain text list of URLs, gzipped or not. base
// resolves relative locations.
func ParseSitemap(body []byte, base *url.URL) (*SitemapFile, error) {
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		body, err = io.ReadAll(io.LimitReader(zr, MaxSitemapBytes+1))
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		if len(body) > MaxSitemapBytes {
			return nil, fmt.Errorf("gunzipped sitemap over %d bytes: %w", MaxSitemapBytes, fetch.ErrTooLarge)
		}
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("sitemap: %w", fetch.ErrEmpty)
	}
	if trimmed[0] != '<' {
		return parseTextSitemap(trimmed, base), nil
	}
	dec := xml.NewDecoder(bytes.NewReader(trimmed))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	var x xmlSitemap
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("parse xml: %w", err)
	}
	sm := &SitemapFile{}
	switch strings.ToLower(x.XMLName.Local) {
	case "urlset", "sitemapindex":
	default:
		return nil, fmt.Errorf("root element <%s> is neither urlset nor sitemapindex", x.XMLName.Local)
	}
	for _, e := range x.URLs {
		loc, ok := resolve(base, e.Loc)
		if !ok {
			continue
		}
		it := Item{URL: loc, Modified: parseW3CTime(e.LastMod)}
		if len(e.News) > 0 {
			it.Published = parseW3CTime(e.News[0].PublicationDate)
			it.Title = strings.TrimSpace(e.News[0].Title)
		}
		sm.Items = append(sm.Items, it)
	}
	for _, e := range x.Sitemaps {
		if loc, ok := resolve(base, e.Loc); ok {
			sm.Children = append(sm.Children, Item{URL: loc, Modified: parseW3CTime(e.LastMod)})
		}
	}
	return sm, nil
}

// parseTextSitemap reads a sitemap written as one URL per line.
func parseTextSitemap(body []byte, base *url.URL) *SitemapFile {
	sm := &SitemapFile{}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.Contains(line, "://") || strings.ContainsAny(line, " \t") {
			continue // the protocol wants one full URL per line
		}
		if loc, ok := resolve(base, line); ok {
			sm.Items = append(sm.Items, Item{URL: loc})
		}
	}
	return sm
}

// w3cLayouts are the W3C Datetime forms sitemaps use, plus a few seen in
// the wild.
var w3cLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006-01",
	"2006",
	time.RFC1123Z,
	time.RFC1123,
}

// parseW3CTime parses a sitemap date; it returns zero if it cannot.
func parseW3CTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range w3cLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
