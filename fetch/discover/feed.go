package discover

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/cuttings/cuttings/fetch/web"
)

// Feed fetches the RSS, Atom or JSON feed at feedURL and returns its items
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
	return ParseFeed(doc.Body, base, since)
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
