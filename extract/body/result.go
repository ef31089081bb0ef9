package body

import "github.com/rs/zerolog"

// BlockKind says what kind of paragraph a Block is.
type BlockKind string

// The kinds of Block.
const (
	// KindParagraph is ordinary running text.
	KindParagraph BlockKind = "paragraph"
	// KindHeading is a heading (h1-h6) inside the body.
	KindHeading BlockKind = "heading"
	// KindQuote is the text of a <blockquote>, one block per paragraph.
	KindQuote BlockKind = "quote"
	// KindList is one list item.
	KindList BlockKind = "list"
)

// Block is one paragraph of Result.Text: Text[Start:End].
type Block struct {
	Kind       BlockKind
	Start, End int
}

// Result is an article's text and metadata.
type Result struct {
	// Text holds the body: paragraphs separated by "\n\n". Headings, block
	// quotes and list items are paragraphs of their own. It is valid UTF-8.
	Text string
	// Blocks has one entry per paragraph of Text, in order.
	Blocks []Block
	// Title is the headline.
	Title string
	// Description is the page's own summary (og:description or meta
	// description), which is often the standfirst.
	Description string
	// Site is the publication's name.
	Site string
	// Canonical is the page's canonical URL.
	Canonical string
	// Language is an ISO 639-1 code such as "en".
	Language string
	// Authors are the bylined people, without "By" and one name each.
	Authors []string
	// Published and Modified are ISO 8601 dates or date-times, "" if unknown.
	Published, Modified string
	// Warnings are problems with this page that did not stop extraction.
	Warnings []string
}

// Options says what is known about a page besides its bytes.
type Options struct {
	// URL is the page's address, if known.
	URL string
	// ContentType is the HTTP Content-Type, with its charset parameter, if known.
	ContentType string
	// Logger receives debug messages; the zero value logs nothing.
	Logger zerolog.Logger
}

// Warnings that Extract can give. Those starting "not an article" mark
// pages (index pages, video pages, stubs) that are not article bodies.
const (
	// WarnShort: the body is under 400 characters.
	WarnShort = "not an article: body suspiciously short"
	// WarnEmpty: no body text was found.
	WarnEmpty = "not an article: no body text found"
	// WarnIndexPage: the page is mostly links; its short text was dropped.
	WarnIndexPage = "not an article: page is mostly links"
	// WarnVideo: the page declares itself a video (JSON-LD VideoObject or
	// og:type video); Text is its summary, if any.
	WarnVideo = "not an article: video page"
	// WarnCharsetGuessed: no charset was declared and the page was not
	// plain ASCII, so its encoding was sniffed.
	WarnCharsetGuessed = "charset guessed"
	// WarnInvalidUTF8: byte sequences invalid in the page's charset were
	// dropped.
	WarnInvalidUTF8 = "invalid byte sequences dropped"
	// WarnTruncated: the page was longer than 4 MiB and was cut.
	WarnTruncated = "page truncated to size limit"
	// WarnTooManyTags: markup past the 50,000th tag was read as plain text.
	WarnTooManyTags = "markup beyond the element limit read as plain text"
	// WarnFlattened: elements nested too deeply were dropped, their text kept.
	WarnFlattened = "deeply nested markup flattened"
	// WarnNoDate: no publication date was found.
	WarnNoDate = "published date not found"
)
