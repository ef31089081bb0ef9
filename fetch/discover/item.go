package discover

import (
	"net/url"
	"strings"
	"time"
)

// Item is one article URL found in a feed or sitemap.
type Item struct {
	URL string
	// Published is the publication time the feed or news sitemap gives,
	// zero if unknown.
	Published time.Time
	// Modified is the last modification time (a sitemap's lastmod, a
	// feed's updated), zero if unknown.
	Modified time.Time
	Title    string
}

// newer reports whether an item passes the since filter: an item with a
// known time before since is dropped; one with no time is kept. The
// publication time decides if known, else the modification time (a page
// modified before since was published before it too).
func (it Item) newer(since time.Time) bool {
	if since.IsZero() {
		return true
	}
	switch {
	case !it.Published.IsZero():
		return !it.Published.Before(since)
	case !it.Modified.IsZero():
		return !it.Modified.Before(since)
	}
	return true
}

// resolve makes ref absolute against base and keeps only http(s) URLs.
func resolve(base *url.URL, ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", false
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	u.Fragment = ""
	return u.String(), true
}
