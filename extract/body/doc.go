// Package body turns the raw bytes of a web page into an article's plain
// text, split into paragraph blocks, and its metadata (title, authors, dates,
// site, canonical URL, language).
//
// Boilerplate removal starts from go-trafilatura. Before it runs, the page
// is decoded to UTF-8 (Content-Type, then <meta>, then sniffing), flattened
// if it nests too deeply for the HTML parser, and cleaned of elements that
// are hidden or named as boilerplate (comment sections, related and popular
// lists, captions, cookie banners, share bars, newsletter boxes, adverts).
// Afterwards the result is checked against the page: paragraphs of a body
// split across several containers, or cut short at an inline link, are put
// back; pages trafilatura cannot read (old table layouts) fall back to the
// element with the densest prose; the repeated headline, a standfirst set as
// a sub-headline and leading bylines and date lines are dropped. Block
// quotes, headings and list items are kept as their own blocks, so a
// <blockquote> in a live blog is known to be a quote.
//
// Metadata comes from JSON-LD, OpenGraph and article meta tags, visible
// bylines, the <title> and <h1>, <time> elements and the URL. Only when a
// page leaves some of it out does go-trafilatura's own metadata search run
// (with go-htmldate for a missing date). The language is the page's own
// unless a long body reads otherwise; English declared and read is taken
// without the statistical check.
//
// go-trafilatura is used through a fork in third_party/go-trafilatura that
// adds options to skip its metadata search and language check, which cost
// a quarter of its time on every page.
//
// # Evaluation
//
// With the shared evaluation data checked out beside the repository
// (../shared/data), these commands measure the package; without it the
// tests say they skipped:
//
//	go test ./extract/body -run Zyte -v -zyte-out /tmp/zyte.jsonl
//	python3 ../shared/tools/score.py zyte --truth ../shared/data/article-extraction-benchmark/ground-truth.json --pred /tmp/zyte.jsonl
//	go test ./extract/body -run Manifest -v
//	go test ./extract/body -run XXX -bench ExtractVsTrafilatura -benchtime 3x
package body
