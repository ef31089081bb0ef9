// Package body turns the raw bytes of a web page into an article's plain
// text, split into paragraph blocks, and its metadata (title, authors, dates,
// site, canonical URL, language).
//
// Boilerplate removal starts from go-trafilatura; before it runs, the page is
// cleaned with goquery of parts trafilatura tends to keep (comment sections,
// related-article lists, captions, cookie banners, share bars), and
// afterwards the result is checked against the page so that truncated bodies
// and live blogs are recovered. Metadata comes from JSON-LD, OpenGraph and
// article meta tags, bylines, <time> elements, the URL and go-htmldate.
package body
