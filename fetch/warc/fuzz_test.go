package warc

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"unicode/utf8"
)

// FuzzReader checks that any input, plain or gzip, is read to the end
// without panics or endless loops, that every failure is a *ParseError
// inside the input, and that Documents' URIs are valid UTF-8 when the
// input is.
func FuzzReader(f *testing.F) {
	recs := sampleRecords()
	plain := bytes.Join(recs, nil)
	members, offs := perMember(f, recs...)
	f.Add(plain)
	f.Add(members)
	f.Add(members[:len(members)-7])
	f.Add(corruptMiddle(members, offs, 2))
	f.Add(gzipBytes(f, plain))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, r := range []io.Reader{bytes.NewReader(data), onlyReader{bytes.NewReader(data)}} {
			rd := NewReader(r, Options{MaxRecordSize: 1 << 16})
			for i := 0; ; i++ {
				if i > len(data)+10 {
					t.Fatalf("more than %d results from %d bytes", i, len(data))
				}
				rec, err := rd.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					var pe *ParseError
					if !errors.As(err, &pe) {
						t.Fatalf("error is not a *ParseError: %v", err)
					}
					if pe.Offset < 0 || pe.Offset > int64(len(data)) {
						t.Fatalf("offset %d outside input of %d bytes", pe.Offset, len(data))
					}
					continue
				}
				if rec.Offset < 0 || rec.Offset > int64(len(data)) {
					t.Fatalf("record offset %d outside input of %d bytes", rec.Offset, len(data))
				}
				if i%2 == 0 {
					_, _ = io.Copy(io.Discard, rec.Block)
				}
			}
		}
		n := 0
		for d, err := range ReadDocuments(bytes.NewReader(data), "warc:f", Options{MaxRecordSize: 1 << 16}) {
			n++
			if n > len(data)+10 {
				t.Fatalf("too many results")
			}
			if err == nil && utf8.Valid(data) && !utf8.ValidString(d.URI) {
				t.Fatalf("invalid UTF-8 URI %q", d.URI)
			}
		}
	})
}

// FuzzDecodeContent checks that any body under any coding decodes without
// panic and never past the limit.
func FuzzDecodeContent(f *testing.F) {
	page := []byte(htmlPage("x"))
	f.Add("gzip", gzipBytes(f, page))
	f.Add("deflate", deflateBytes(f, page, true))
	f.Add("deflate", deflateBytes(f, page, false))
	f.Add("br", []byte{0x1b, 0x03, 0x00, 0xf8, 0x25, 0x00, 0xa2, 0x10})
	f.Add("gzip, identity", page)
	f.Add("", page)
	f.Fuzz(func(t *testing.T, coding string, body []byte) {
		const limit = 1 << 16
		out, err := DecodeContent(coding, body, limit)
		if err == nil && len(out) > limit {
			t.Fatalf("%d bytes out, over the %d limit", len(out), limit)
		}
	})
}
