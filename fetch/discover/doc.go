// Package discover enumerates article URLs from a news site's RSS or Atom
// feeds and its sitemaps (sitemap indexes, news sitemaps, gzipped
// sitemaps), keeping only items newer than a given time. It fetches through
// a web.Client, so robots.txt, rate limits and address guards apply.
package discover
