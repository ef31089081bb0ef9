// Package extract is the second stage of the cuttings pipeline: from one
// fetch.Document it takes the article body and metadata (HTML or plain
// text), then finds in the text the organisations, quotes and their
// speakers, dates and counts. Its output is an Article.
//
// The work is done by sub-packages, one per kind of thing found: body (HTML
// to text and metadata), org (NHS trusts, hospitals and other
// organisations), quote (quotes, speakers and people), timex (dates) and
// number (counts).
package extract
