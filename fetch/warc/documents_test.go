package warc

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/fetch"
)

func collect(t testing.TB, it func(func(*fetch.Document, error) bool)) ([]*fetch.Document, []error) {
	t.Helper()
	var docs []*fetch.Document
	var errs []error
	for d, err := range it {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func chunk(body string, size int) string {
	var b strings.Builder
	for len(body) > 0 {
		n := min(size, len(body))
		b.WriteString(strings.ToUpper(strconvHex(n)) + "\r\n" + body[:n] + "\r\n")
		body = body[n:]
	}
	b.WriteString("0\r\n\r\n")
	return b.String()
}

func strconvHex(n int) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0"
	}
	var s []byte
	for ; n > 0; n >>= 4 {
		s = append([]byte{digits[n&15]}, s...)
	}
	return string(s)
}

func deflateBytes(t testing.TB, p []byte, wrap bool) []byte {
	var b bytes.Buffer
	var w io.WriteCloser
	if wrap {
		w = zlib.NewWriter(&b)
	} else {
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	}
	_, err := w.Write(p)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

func TestReadDocuments(t *testing.T) {
	page := htmlPage("Cancelled")
	resp := func(headers map[string]string, body string) []byte {
		return warcRecord("response", "aaaa", "https://news.example/story", "application/http; msgtype=response", httpResponse("200 OK", headers, body))
	}
	tests := []struct {
		name     string
		record   []byte
		wantBody string // "" means no Document
		wantErr  error
	}{
		{name: "plain html", record: resp(map[string]string{"Content-Type": "text/html; charset=iso-8859-1"}, page), wantBody: page},
		{name: "chunked", record: resp(map[string]string{"Content-Type": "text/html", "Transfer-Encoding": "chunked"}, chunk(page, 17)), wantBody: page},
		{name: "chunked header but stored de-chunked", record: resp(map[string]string{"Content-Type": "text/html", "Transfer-Encoding": "chunked"}, page), wantBody: page},
		{name: "gzip content encoding", record: resp(map[string]string{"Content-Type": "text/html", "Content-Encoding": "gzip"}, string(gzipBytes(t, []byte(page)))), wantBody: page},
		{name: "gzip header but stored decoded", record: resp(map[string]string{"Content-Type": "text/html", "Content-Encoding": "gzip"}, page), wantBody: page},
		{name: "deflate zlib", record: resp(map[string]string{"Content-Type": "text/html", "Content-Encoding": "deflate"}, string(deflateBytes(t, []byte(page), true))), wantBody: page},
		{name: "deflate raw", record: resp(map[string]string{"Content-Type": "text/html", "Content-Encoding": "deflate"}, string(deflateBytes(t, []byte(page), false))), wantBody: page},
		{name: "chunked and gzip", record: resp(map[string]string{"Content-Type": "text/html", "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}, chunk(string(gzipBytes(t, []byte(page))), 10)), wantBody: page},
		{name: "no content type sniffed as html", record: resp(map[string]string{}, page), wantBody: page},
		{name: "xhtml", record: resp(map[string]string{"Content-Type": "application/xhtml+xml"}, page), wantBody: page},
		{name: "image skipped", record: resp(map[string]string{"Content-Type": "image/png"}, "\x89PNG\r\n\x1a\n")},
		{name: "plain text body skipped", record: resp(map[string]string{"Content-Type": "text/plain"}, "just words")},
		{name: "not found skipped", record: warcRecord("response", "bbbb", "https://news.example/x", "application/http; msgtype=response", httpResponse("404 Not Found", map[string]string{"Content-Type": "text/html"}, page))},
		{name: "redirect skipped", record: warcRecord("response", "cccc", "https://news.example/x", "application/http; msgtype=response", httpResponse("301 Moved Permanently", map[string]string{"Location": "/y"}, ""))},
		{name: "request skipped", record: warcRecord("request", "dddd", "https://news.example/x", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n")},
		{name: "http/2 status line", record: warcRecord("response", "h2h2", "https://news.example/h2", "application/http; msgtype=response", "HTTP/2 200\r\ncontent-type: text/html\r\n\r\n"+page), wantBody: page},
		{name: "resource html", record: warcRecord("resource", "eeee", "https://news.example/r", "text/html", page), wantBody: page},
		{name: "unknown content encoding", record: resp(map[string]string{"Content-Type": "text/html", "Content-Encoding": "zstd"}, page), wantErr: fetch.ErrUnsupported},
		{name: "not http", record: warcRecord("response", "ffff", "https://news.example/x", "application/http; msgtype=response", "garbage\r\n\r\n"), wantErr: ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := collect(t, ReadDocuments(bytes.NewReader(gzipBytes(t, tt.record)), "warc:/data/x.warc.gz", Options{}))
			if tt.wantErr != nil {
				require.Len(t, errs, 1)
				var pe *ParseError
				require.ErrorAs(t, errs[0], &pe)
				if tt.wantErr != ErrMalformed {
					assert.ErrorIs(t, errs[0], tt.wantErr)
				}
				assert.Empty(t, docs)
				return
			}
			require.Empty(t, errs)
			if tt.wantBody == "" {
				assert.Empty(t, docs)
				return
			}
			require.Len(t, docs, 1)
			d := docs[0]
			assert.Equal(t, tt.wantBody, string(d.Body))
			assert.Equal(t, fetch.KindWARC, d.Kind)
			assert.Equal(t, fetch.FormatHTML, d.Format)
			assert.Equal(t, time.Date(2023, 9, 26, 10, 2, 11, 0, time.UTC), d.FetchedAt)
			assert.True(t, strings.HasPrefix(d.URI, "warc:/data/x.warc.gz#<urn:uuid:"), d.URI)
			assert.Equal(t, strings.TrimPrefix(d.URI, "warc:/data/x.warc.gz#"), d.WARCRecordID)
			assert.True(t, strings.HasPrefix(d.URL, "https://news.example/"))
		})
	}
}

func TestReadDocumentsLimits(t *testing.T) {
	big := strings.Repeat("<p>words</p>", 200_000) // 2.4 MB
	bomb := gzipBytes(t, make([]byte, 20<<20))     // 20 MiB of zeros in about 20 KB
	tests := []struct {
		name   string
		record []byte
	}{
		{name: "body over the limit", record: warcRecord("response", "big1", "https://news.example/big", "application/http; msgtype=response",
			httpResponse("200 OK", map[string]string{"Content-Type": "text/html"}, big))},
		{name: "content encoding bomb", record: warcRecord("response", "bomb", "https://news.example/bomb", "application/http; msgtype=response",
			httpResponse("200 OK", map[string]string{"Content-Type": "text/html", "Content-Encoding": "gzip"}, string(bomb)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after := warcRecord("response", "next", "https://news.example/next", "application/http; msgtype=response",
				httpResponse("200 OK", map[string]string{"Content-Type": "text/html"}, htmlPage("Next")))
			file, offs := perMember(t, tt.record, after)
			docs, errs := collect(t, ReadDocuments(bytes.NewReader(file), "warc:x", Options{MaxRecordSize: 1 << 20}))
			require.Len(t, errs, 1)
			assert.ErrorIs(t, errs[0], fetch.ErrTooLarge)
			var pe *ParseError
			require.ErrorAs(t, errs[0], &pe)
			assert.Equal(t, offs[0], pe.Offset)
			assert.Equal(t, 1, pe.Record)
			require.Len(t, docs, 1)
			assert.Equal(t, "https://news.example/next", docs[0].URL)
		})
	}
}

func TestDocumentsFile(t *testing.T) {
	file, _ := perMember(t, sampleRecords()...)
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	require.NoError(t, os.WriteFile(path, file, 0o644))
	docs, errs := collect(t, Documents(path, Options{}))
	require.Empty(t, errs)
	require.Len(t, docs, 2)
	assert.Equal(t, "warc:"+path+"#<urn:uuid:22222222-2222-2222-2222-222222222222>", docs[0].URI)
	assert.Equal(t, "http://news.example/b", docs[1].URL)

	_, errs = collect(t, Documents(filepath.Join(t.TempDir(), "missing.warc"), Options{}))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], os.ErrNotExist)
}

// TestSharedSamples reads the real WARC samples in ../shared/data/warc.
func TestSharedSamples(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "warc")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared WARC samples not present at %s", dir)
	}
	tests := []struct {
		file      string
		wantDocs  int
		wantErrIs error
	}{
		{file: "cc-main-2020-34-sample.warc.gz", wantDocs: 16},
		{file: "cc-single-response-commoncrawl-org.warc.gz", wantDocs: 1},
		{file: "cc-news-2016-10-clipped-truncated.warc.gz", wantDocs: 0, wantErrIs: ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			docs, errs := collect(t, Documents(filepath.Join(dir, tt.file), Options{}))
			assert.Len(t, docs, tt.wantDocs)
			if tt.wantErrIs == nil {
				assert.Empty(t, errs)
			} else {
				require.Len(t, errs, 1)
				assert.ErrorIs(t, errs[0], tt.wantErrIs)
				t.Logf("%s: %v", tt.file, errs[0])
			}
			for _, d := range docs {
				assert.NotEmpty(t, d.URL)
				assert.False(t, d.FetchedAt.IsZero())
				assert.Contains(t, strings.ToLower(string(d.Body[:min(2000, len(d.Body))])), "<html")
			}
		})
	}
}
