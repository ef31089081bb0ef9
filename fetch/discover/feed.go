package discover

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/cuttings/cuttings/fetch/web"
)

// Feed fetches the RSS, Atom or JSON feed at feedURL (or, given an HTML
// page, the feed it advertises) and returns its items
// published (or, lacking that, updated) at or after since; a zero since
// keeps all. Items without a usable http(s) link are left out; relative
// links are resolved against the feed's URL.
func Feed(ctx context.Context, c *web.Client, feedURL string, since time.Time) ([]Item, error) {
	doc, err := c.Fetch(ctx, feedURL)
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	base, err := url.Parse(doc.URL)
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", feedURL, err)
	}
	items, err := ParseFeed(doc.Body, base, since)
	if err == nil {
		return items, nil
	}
	// A site's home page: follow the feed it advertises, once.
	alt, ok := FeedLink(doc.Body, base)
	if !ok {
		return nil, err
	}
	if doc, err = c.Fetch(ctx, alt); err != nil {
		return nil, fmt.Errorf("feed advertised by %s: %w", feedURL, err)
	}
	if base, err = url.Parse(doc.URL); err != nil {
		return nil, fmt.Errorf("feed %s: %w", alt, err)
	}
	return ParseFeed(doc.Body, base, since)
}

// FeedLink finds the first RSS or Atom feed an HTML page advertises with
// <link rel="alternate" type="application/rss+xml" href="...">.
func FeedLink(page []byte, base *url.URL) (string, bool) {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "", false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return "", false
			}
			if string(name) != "link" || !hasAttr {
				continue
			}
			var rel, typ, href string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "type":
					typ = strings.ToLower(strings.TrimSpace(string(v)))
				case "href":
					href = string(v)
				}
				if !more {
					break
				}
			}
			if !slices.Contains(strings.Fields(rel), "alternate") {
				continue
			}
			if typ == "application/rss+xml" || typ == "application/atom+xml" || typ == "application/feed+json" {
				if u, ok := resolve(base, href); ok {
					return u, true
				}
			}
		}
	}
}

// ParseFeed reads a feed's bytes; base resolves relative links.
func ParseFeed(body []byte, base *url.URL, since time.Time) ([]Item, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", base, err)
	}
	var items []Item
	seen := make(map[string]bool)
	for _, fi := range feed.Items {
		if fi == nil {
			continue
		}
		link, ok := feedLink(base, fi)
		if !ok || seen[link] {
			continue
		}
		it := Item{URL: link, Title: strings.TrimSpace(fi.Title)}
		if fi.PublishedParsed != nil {
			it.Published = fi.PublishedParsed.UTC()
		}
		if fi.UpdatedParsed != nil {
			it.Modified = fi.UpdatedParsed.UTC()
		}
		if !it.newer(since) {
			continue
		}
		seen[link] = true
		items = append(items, it)
	}
	return items, nil
}

// feedLink picks an item's article URL: its link, another link, or a GUID
// that is a URL.
func feedLink(base *url.URL, fi *gofeed.Item) (string, bool) {
	for _, cand := range append([]string{fi.Link}, append(fi.Links, fi.GUID)...) {
		if u, ok := resolve(base, cand); ok {
			if cand == fi.GUID && !strings.Contains(cand, "://") {
				continue // a bare id, not a link
			}
			return u, true
		}
	}
	return "", false
}
