package warc

import (
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// Record types named by the WARC-Type header.
const (
	TypeWarcinfo     = "warcinfo"
	TypeResponse     = "response"
	TypeResource     = "resource"
	TypeRequest      = "request"
	TypeMetadata     = "metadata"
	TypeRevisit      = "revisit"
	TypeConversion   = "conversion"
	TypeContinuation = "continuation"
)

// Record is one WARC record: its header and a reader over its block. The
// block is valid only until the next call to Reader.Next.
type Record struct {
	// Version is the version line, such as "WARC/1.0".
	Version string
	// Header holds the named fields with canonical keys (use Get).
	Header textproto.MIMEHeader
	// Offset is the byte offset in the file of the record or, for a
	// compressed file, of the gzip member holding it.
	Offset int64
	// Number is the 1-based position of the record in the file.
	Number int
	// ContentLength is the declared length of the block in bytes.
	ContentLength int64
	// Block reads the record's block, at most ContentLength bytes. A read
	// error from it is a *ParseError.
	Block io.Reader
}

// Type returns the WARC-Type field in lower case.
func (r *Record) Type() string {
	return strings.ToLower(strings.TrimSpace(r.Header.Get("WARC-Type")))
}

// ID returns the WARC-Record-ID field as written, usually "<urn:uuid:...>".
func (r *Record) ID() string { return strings.TrimSpace(r.Header.Get("WARC-Record-ID")) }

// TargetURI returns the WARC-Target-URI field without the angle brackets
// that WARC/1.1 writers put around it.
func (r *Record) TargetURI() string {
	u := strings.TrimSpace(r.Header.Get("WARC-Target-URI"))
	if len(u) >= 2 && u[0] == '<' && u[len(u)-1] == '>' {
		u = u[1 : len(u)-1]
	}
	return u
}

// Date parses the WARC-Date field (RFC 3339, possibly with fractional
// seconds). It returns the zero time if the field is missing or bad.
func (r *Record) Date() time.Time {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(r.Header.Get("WARC-Date")))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// parseContentLength reads a Content-Length field value.
func parseContentLength(v string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}
