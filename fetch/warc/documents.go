package warc

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cuttings/cuttings/fetch"
)

// Documents streams the HTML responses in the WARC file at path as
// Documents, one record in memory at a time. Errors are yielded in place
// and reading goes on: a file that cannot be opened yields one error; a
// damaged record yields a *ParseError and the records after it follow.
// Request, metadata, warcinfo and revisit records, non-2xx responses and
// non-HTML payloads are skipped without error.
//
// Each Document's URI is "warc:" + the absolute path + "#" + the record's
// WARC-Record-ID (or "#record-N" when it has none).
func Documents(path string, opt Options) iter.Seq2[*fetch.Document, error] {
	return func(yield func(*fetch.Document, error) bool) {
		abs, err := filepath.Abs(path)
		if err != nil {
			abs = path
		}
		f, err := os.Open(path)
		if err != nil {
			yield(nil, fmt.Errorf("warc: %w", err))
			return
		}
		defer f.Close()
		for d, err := range ReadDocuments(f, "warc:"+abs, opt) {
			if !yield(d, err) {
				return
			}
		}
	}
}

// ReadDocuments is Documents over an open stream; base is the URI prefix
// the record id is appended to.
func ReadDocuments(r io.Reader, base string, opt Options) iter.Seq2[*fetch.Document, error] {
	return func(yield func(*fetch.Document, error) bool) {
		rd := NewReader(r, opt)
		dec := new(decoder)
		for {
			rec, err := rd.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			t := rec.Type()
			if t != TypeResponse && t != TypeResource {
				continue
			}
			doc, err := document(rec, base, opt, dec)
			if err != nil {
				if !yield(nil, err) {
					return
				}
				continue
			}
			if doc == nil {
				opt.Logger.Debug().Int("record", rec.Number).Str("uri", rec.TargetURI()).Msg("warc: skipping a record that is not an HTML page")
				continue
			}
			if !yield(doc, nil) {
				return
			}
		}
	}
}

// Document turns a response or resource record into a Document, reading
// its block. It returns nil and no error for a record that is not a
// successful HTML page. Errors are *ParseErrors.
func Document(rec *Record, base string, opt Options) (*fetch.Document, error) {
	return document(rec, base, opt, new(decoder))
}

func document(rec *Record, base string, opt Options, dec *decoder) (*fetch.Document, error) {
	limit := opt.maxRecord()
	perr := func(err error) error {
		if pe, ok := err.(*ParseError); ok {
			return pe
		}
		return &ParseError{Offset: rec.Offset, Record: rec.Number, Err: err}
	}
	isHTTP := false
	if rec.Type() == TypeResponse {
		ct := strings.ToLower(rec.Header.Get("Content-Type"))
		isHTTP = ct == "" || strings.HasPrefix(ct, "application/http")
	}
	if rec.ContentLength > limit {
		if isHTTP {
			// Look at the headers only: a large video is no error.
			resp, err := http.ReadResponse(bufio.NewReaderSize(rec.Block, 64<<10), nil)
			if err == nil {
				resp.Body.Close()
				if !wanted(resp.StatusCode, resp.Header.Get("Content-Type"), nil) {
					return nil, nil
				}
			}
		} else if !wanted(200, rec.Header.Get("Content-Type"), nil) {
			return nil, nil
		}
		return nil, perr(fmt.Errorf("%s record of %d bytes over the %d byte limit: %w", rec.Type(), rec.ContentLength, limit, fetch.ErrTooLarge))
	}
	block := make([]byte, rec.ContentLength)
	n, err := io.ReadFull(rec.Block, block)
	block = block[:n]
	if err != nil {
		return nil, perr(err)
	}
	doc := &fetch.Document{
		URI:          base + "#" + recordName(rec),
		Kind:         fetch.KindWARC,
		URL:          rec.TargetURI(),
		FetchedAt:    rec.Date(),
		WARCRecordID: rec.ID(),
		Format:       fetch.FormatHTML,
	}
	if !isHTTP {
		doc.ContentType = rec.Header.Get("Content-Type")
		if !wanted(200, doc.ContentType, block) {
			return nil, nil
		}
		doc.Body = block
		return doc, nil
	}
	header, body, status, err := parseHTTP(block, limit, dec)
	if err != nil {
		return nil, perr(fmt.Errorf("http response: %w", err))
	}
	ct := header.Get("Content-Type")
	if ct == "" {
		ct = rec.Header.Get("WARC-Identified-Payload-Type")
	}
	if !wanted(status, ct, body) {
		return nil, nil
	}
	doc.Header, doc.ContentType, doc.Body = header, ct, body
	return doc, nil
}

// recordName is the record's id for a URI fragment.
func recordName(rec *Record) string {
	if id := rec.ID(); id != "" {
		return id
	}
	return "record-" + strconv.Itoa(rec.Number)
}

// parseHTTP splits an HTTP response block into headers and decoded body.
// Chunked transfer coding is undone (falling back to the raw bytes when
// the chunks are malformed, as when a crawler stored them de-chunked), and
// so is the content coding.
func parseHTTP(block []byte, limit int64, dec *decoder) (http.Header, []byte, int, error) {
	// net/http wants "HTTP/major.minor"; archivers of HTTP/2 and 3
	// traffic write "HTTP/2 200".
	var in io.Reader = bytes.NewReader(block)
	shift := 0
	for _, v := range []string{"HTTP/2 ", "HTTP/3 "} {
		if bytes.HasPrefix(block, []byte(v)) {
			in = io.MultiReader(strings.NewReader(v[:6]+".0 "), bytes.NewReader(block[7:]))
			shift = 2
		}
	}
	cr := &countingReader{r: in}
	bu := bufio.NewReader(cr)
	resp, err := http.ReadResponse(bu, nil)
	if err != nil {
		return nil, nil, 0, err
	}
	var body []byte
	if len(resp.TransferEncoding) == 0 {
		// The body is the rest of the block: slice it instead of copying.
		body = block[int(cr.n)-bu.Buffered()-shift:]
		if resp.ContentLength >= 0 && resp.ContentLength < int64(len(body)) {
			body = body[:resp.ContentLength]
		}
	} else if body, err = io.ReadAll(resp.Body); err != nil {
		// Malformed chunks or a short body: keep the bytes after the header.
		if i := bytes.Index(block, []byte("\r\n\r\n")); i >= 0 {
			body = block[i+4:]
		} else if i := bytes.Index(block, []byte("\n\n")); i >= 0 {
			body = block[i+2:]
		}
	}
	if len(resp.TransferEncoding) > 0 {
		resp.Header.Set("Transfer-Encoding", strings.Join(resp.TransferEncoding, ", "))
	}
	body, err = dec.decode(resp.Header.Get("Content-Encoding"), body, limit)
	if err != nil {
		return nil, nil, 0, err
	}
	return resp.Header, body, resp.StatusCode, nil
}

// wanted reports whether a payload is a successful HTML page: its media
// type is HTML, or it is missing or generic and the bytes sniff as HTML.
func wanted(status int, contentType string, body []byte) bool {
	if status < 200 || status > 299 {
		return false
	}
	switch fetch.MediaType(contentType) {
	case "text/html", "application/xhtml+xml":
		return true
	case "", "text/plain", "application/octet-stream", "unknown/unknown", "application/unknown":
		if body == nil {
			return true // cannot tell from the headers alone
		}
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	return false
}
