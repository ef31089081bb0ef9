package fetch

import (
	"mime"
	"net/http"
	"strings"
	"time"
)

// Kind says where a Document came from. Its values are the record contract's
// source.kind values.
type Kind string

// The kinds of source a Document can have.
const (
	KindHTTP  Kind = "http"
	KindFile  Kind = "file"
	KindWARC  Kind = "warc"
	KindJSONL Kind = "jsonl"
)

// Format says how a Document's Body is to be read.
type Format string

// The body formats the extractor understands.
const (
	FormatHTML Format = "html"
	FormatText Format = "text"
)

// Meta is what the input itself says about an article, apart from its body:
// a sidecar NAME.meta.json, the fields of a JSON Lines input, or a WARC
// header. Empty fields are unknown.
type Meta struct {
	ID        string   `json:"id,omitempty"`
	URL       string   `json:"url,omitempty"`
	Site      string   `json:"site,omitempty"`
	Title     string   `json:"title,omitempty"`
	Published string   `json:"published,omitempty"`
	Authors   []string `json:"authors,omitempty"`
}

// Document is one article's raw bytes and their provenance.
type Document struct {
	// URI names where the bytes came from: the URL, file:// plus an absolute
	// path (with #N for line N of a JSON Lines file), or the WARC file plus
	// "#" and the record id.
	URI  string
	Kind Kind
	// URL is the article's address where known: the final URL after
	// redirects, the WARC target URI, or the sidecar's url.
	URL          string
	FetchedAt    time.Time
	WARCRecordID string
	// Header holds the HTTP response headers where there were any.
	Header http.Header
	// ContentType is the media type with parameters (charset) if known.
	ContentType string
	Format      Format
	// Body is the article's bytes, transport encodings removed but character
	// set untouched.
	Body []byte
	// Gzip, when set, is the gzip stream Body was read from (a .gz file),
	// kept so that a store can keep the bytes as they arrived instead of
	// compressing Body again.
	Gzip []byte
	Meta Meta
}

// MediaType returns the media type of a Content-Type value, in lower case
// and without parameters; a value that does not parse is cut at its first
// ';'. It is "" for an empty value.
func MediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	return mt
}
