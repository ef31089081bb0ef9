package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/fetch"
)

// warcRecord builds one uncompressed WARC record.
func warcRecord(typ, id, uri, contentType, block string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Date: 2023-09-26T10:02:11Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n", typ, id)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.Bytes()
}

// httpResponse builds an HTTP/1.1 response block.
func httpResponse(status string, headers map[string]string, body string) string {
	var b strings.Builder
	b.WriteString("HTTP/1.1 " + status + "\r\n")
	for k, v := range headers {
		b.WriteString(k + ": " + v + "\r\n")
	}
	b.WriteString("\r\n" + body)
	return b.String()
}

func gzipBytes(t testing.TB, p []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write(p)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

// perMember gzips each record as its own member, returning the file and
// the offset of each member.
func perMember(t testing.TB, recs ...[]byte) ([]byte, []int64) {
	t.Helper()
	var file []byte
	var offs []int64
	for _, r := range recs {
		offs = append(offs, int64(len(file)))
		file = append(file, gzipBytes(t, r)...)
	}
	return file, offs
}

func htmlPage(title string) string {
	return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>Strike action at the trust led to 812 cancelled appointments.</p></body></html>"
}

func sampleRecords() [][]byte {
	return [][]byte{
		warcRecord("warcinfo", "00000000-0000-0000-0000-000000000000", "", "application/warc-fields", "software: test\r\n"),
		warcRecord("request", "11111111-1111-1111-1111-111111111111", "http://news.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
		warcRecord("response", "22222222-2222-2222-2222-222222222222", "http://news.example/a", "application/http; msgtype=response",
			httpResponse("200 OK", map[string]string{"Content-Type": "text/html; charset=utf-8"}, htmlPage("First"))),
		warcRecord("metadata", "33333333-3333-3333-3333-333333333333", "http://news.example/a", "application/warc-fields", "fetchTimeMs: 12\r\n"),
		warcRecord("response", "44444444-4444-4444-4444-444444444444", "http://news.example/b", "application/http; msgtype=response",
			httpResponse("200 OK", map[string]string{"Content-Type": "text/html"}, htmlPage("Second"))),
	}
}

type readResult struct {
	types  []string
	ids    []string
	blocks []string
	errs   []error
}

func readAll(t testing.TB, r io.Reader, opt Options) readResult {
	t.Helper()
	rd := NewReader(r, opt)
	var res readResult
	for i := 0; i < 10000; i++ {
		rec, err := rd.Next()
		if err == io.EOF {
			return res
		}
		if err != nil {
			res.errs = append(res.errs, err)
			continue
		}
		block, err := io.ReadAll(rec.Block)
		if err != nil {
			res.errs = append(res.errs, err)
			continue
		}
		res.types = append(res.types, rec.Type())
		res.ids = append(res.ids, rec.ID())
		res.blocks = append(res.blocks, string(block))
	}
	t.Fatal("reader did not reach the end")
	return res
}

// onlyReader hides Seek so the reader has to resynchronise forward only.
type onlyReader struct{ io.Reader }

func TestReaderLayouts(t *testing.T) {
	recs := sampleRecords()
	plain := bytes.Join(recs, nil)
	members, _ := perMember(t, recs...)
	tests := []struct {
		name string
		file []byte
	}{
		{name: "plain", file: plain},
		{name: "one gzip member per record", file: members},
		{name: "one gzip member for the file", file: gzipBytes(t, plain)},
		{name: "plain with extra blank lines", file: bytes.ReplaceAll(plain, []byte("\r\n\r\nWARC/"), []byte("\r\n\r\n\r\n\nWARC/"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readAll(t, bytes.NewReader(tt.file), Options{})
			require.Empty(t, res.errs)
			assert.Equal(t, []string{"warcinfo", "request", "response", "metadata", "response"}, res.types)
			assert.Equal(t, "<urn:uuid:22222222-2222-2222-2222-222222222222>", res.ids[2])
			assert.Contains(t, res.blocks[4], "<title>Second</title>")
		})
	}
}

func TestReaderUnreadBlocksAreSkipped(t *testing.T) {
	file, offs := perMember(t, sampleRecords()...)
	rd := NewReader(bytes.NewReader(file), Options{})
	var got []int64
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		got = append(got, rec.Offset)
	}
	assert.Equal(t, offs, got)
}

func TestReaderEmptyAndGarbage(t *testing.T) {
	tests := []struct {
		name     string
		input    []byte
		wantErrs int
		wantIs   error
	}{
		{name: "empty", input: nil},
		{name: "only blank lines", input: []byte("\r\n\r\n")},
		{name: "not a warc", input: []byte("hello world\nthis is text\n"), wantErrs: 1, wantIs: ErrMalformed},
		{name: "binary", input: []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0}, wantErrs: 1, wantIs: ErrMalformed},
		{name: "gzip of text", input: gzipBytes(t, []byte("not a warc at all\n")), wantErrs: 1, wantIs: ErrMalformed},
		{name: "missing content length", input: []byte("WARC/1.0\r\nWARC-Type: response\r\n\r\nbody"), wantErrs: 1, wantIs: ErrMalformed},
		{name: "bad field line", input: []byte("WARC/1.0\r\nno colon here\r\n\r\n"), wantErrs: 1, wantIs: ErrMalformed},
		{name: "truncated header", input: []byte("WARC/1.0\r\nWARC-Type: resp"), wantErrs: 1, wantIs: ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readAll(t, bytes.NewReader(tt.input), Options{})
			assert.Empty(t, res.types)
			require.Len(t, res.errs, tt.wantErrs)
			for _, err := range res.errs {
				var pe *ParseError
				require.ErrorAs(t, err, &pe)
				assert.ErrorIs(t, err, tt.wantIs)
			}
		})
	}
}

// corruptMiddle damages the deflate data of the member at index i.
func corruptMiddle(file []byte, offs []int64, i int) []byte {
	out := append([]byte(nil), file...)
	start, end := offs[i], int64(len(out))
	if i+1 < len(offs) {
		end = offs[i+1]
	}
	for p := start + 20; p < end-12; p += 3 {
		out[p] ^= 0x5a
	}
	return out
}

func TestReaderCorruptMemberInMiddle(t *testing.T) {
	file, offs := perMember(t, sampleRecords()...)
	bad := corruptMiddle(file, offs, 2)
	tests := []struct {
		name string
		r    io.Reader
	}{
		{name: "seekable", r: bytes.NewReader(bad)},
		{name: "forward only", r: onlyReader{bytes.NewReader(bad)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readAll(t, tt.r, Options{})
			require.Len(t, res.errs, 1, "%v", res.errs)
			var pe *ParseError
			require.ErrorAs(t, res.errs[0], &pe)
			assert.Equal(t, offs[2], pe.Offset)
			assert.Equal(t, 3, pe.Record)
			assert.True(t, errors.Is(pe, ErrCorrupt) || errors.Is(pe, ErrTruncated) || errors.Is(pe, ErrMalformed), "%v", pe)
			assert.Equal(t, []string{"warcinfo", "request", "metadata", "response"}, res.types)
		})
	}
}

func TestReaderCorruptGzipHeader(t *testing.T) {
	file, offs := perMember(t, sampleRecords()...)
	bad := append([]byte(nil), file...)
	bad[offs[1]+2] = 0x07 // unknown compression method
	res := readAll(t, bytes.NewReader(bad), Options{})
	require.Len(t, res.errs, 1)
	assert.ErrorIs(t, res.errs[0], ErrCorrupt)
	assert.Equal(t, []string{"warcinfo", "response", "metadata", "response"}, res.types)
}

func TestReaderBadChecksum(t *testing.T) {
	file, offs := perMember(t, sampleRecords()...)
	bad := append([]byte(nil), file...)
	bad[offs[2]-8] ^= 0xff // CRC-32 of member 1
	res := readAll(t, bytes.NewReader(bad), Options{})
	require.Len(t, res.errs, 1)
	assert.ErrorIs(t, res.errs[0], ErrCorrupt)
	assert.ErrorIs(t, res.errs[0], gzip.ErrChecksum)
	var pe *ParseError
	require.ErrorAs(t, res.errs[0], &pe)
	assert.Equal(t, 2, pe.Record, "the damaged record is the one reported")
	assert.Equal(t, offs[1], pe.Offset)
	assert.Equal(t, []string{"warcinfo", "response", "metadata", "response"}, res.types)
}

func TestReaderTruncated(t *testing.T) {
	recs := sampleRecords()
	file, offs := perMember(t, recs...)
	plain := bytes.Join(recs, nil)
	tests := []struct {
		name string
		file []byte
	}{
		{name: "gzip cut inside the last member", file: file[:offs[4]+(int64(len(file))-offs[4])/2]},
		{name: "plain cut inside the last block", file: plain[:len(plain)-60]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := readAll(t, bytes.NewReader(tt.file), Options{})
			assert.Equal(t, []string{"warcinfo", "request", "response", "metadata"}, res.types)
			require.Len(t, res.errs, 1)
			var pe *ParseError
			require.ErrorAs(t, res.errs[0], &pe)
			assert.ErrorIs(t, pe, ErrTruncated)
			assert.Equal(t, 5, pe.Record)
		})
	}
}

func TestReaderPlainResyncAfterBadLength(t *testing.T) {
	recs := sampleRecords()
	recs[1] = regexp.MustCompile(`Content-Length: \d+`).ReplaceAll(recs[1], []byte("Content-Length: 5")) // too short
	res := readAll(t, bytes.NewReader(bytes.Join(recs, nil)), Options{})
	require.Len(t, res.errs, 1)
	assert.ErrorIs(t, res.errs[0], ErrMalformed)
	assert.Equal(t, []string{"warcinfo", "request", "response", "metadata", "response"}, res.types)
	assert.Equal(t, "GET /", res.blocks[1])
}

func TestReaderSkipsGzipBombMember(t *testing.T) {
	// A member that inflates to 64 MiB of zeros: with a 1 MiB limit the
	// reader seeks the next member in the compressed bytes instead of
	// inflating it. The bomb's deflate data is damaged near its end, so
	// inflating it would report an error.
	const size = 64 << 20
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	fmt.Fprintf(zw, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bomb>\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", size)
	zeros := make([]byte, 1<<20)
	for range size >> 20 {
		_, _ = zw.Write(zeros)
	}
	_, _ = zw.Write([]byte("\r\n\r\n"))
	require.NoError(t, zw.Close())
	bombBytes := bomb.Bytes()
	for i := len(bombBytes) * 3 / 4; i < len(bombBytes)*3/4+64; i++ {
		bombBytes[i] ^= 0xa5
	}
	recs := sampleRecords()
	file := append(gzipBytes(t, recs[0]), bombBytes...)
	file = append(file, gzipBytes(t, recs[2])...)

	var docs []*fetch.Document
	var errs []error
	for d, err := range ReadDocuments(bytes.NewReader(file), "warc:test", Options{MaxRecordSize: 1 << 20}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], fetch.ErrTooLarge)
	require.Len(t, docs, 1)
	assert.Equal(t, "http://news.example/a", docs[0].URL)

	// Reading records without touching the bomb's block does not inflate it.
	rd := NewReader(bytes.NewReader(file), Options{MaxRecordSize: 1 << 20})
	var types []string
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		types = append(types, rec.Type())
	}
	assert.Equal(t, []string{"warcinfo", "resource", "response"}, types)
}

func TestReaderPlainResyncOverGarbage(t *testing.T) {
	recs := sampleRecords()
	for _, size := range []int{0, 100, rawBufSize - 200, rawBufSize - 3, rawBufSize - 1, rawBufSize + 2, 3*rawBufSize + 7} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			garbage := bytes.Repeat([]byte("junk \nWARC/x not a version\n"), size/27+1)[:size]
			var file []byte
			file = append(file, recs[0]...)
			file = append(file, "WARC/1.0\r\nthis line is broken\r\n\r\n"...)
			file = append(file, garbage...)
			file = append(file, '\n')
			file = append(file, recs[2]...)
			res := readAll(t, bytes.NewReader(file), Options{})
			require.Len(t, res.errs, 1, "%v", res.errs)
			assert.ErrorIs(t, res.errs[0], ErrMalformed)
			assert.Equal(t, []string{"warcinfo", "response"}, res.types)
		})
	}
}

func TestReaderGzipResyncOverGarbage(t *testing.T) {
	recs := sampleRecords()
	rng := rand.New(rand.NewPCG(7, 9))
	garbage := make([]byte, 3*rawBufSize+11)
	for i := range garbage {
		garbage[i] = byte(rng.IntN(256))
	}
	for i := 100; i+10 < len(garbage); i += 5000 {
		copy(garbage[i:], []byte{0x1f, 0x8b, 0x08, 0}) // false member starts
	}
	first, second := gzipBytes(t, recs[0]), gzipBytes(t, recs[2])
	file := append(append(append([]byte(nil), first...), garbage...), second...)
	for _, r := range []io.Reader{bytes.NewReader(file), onlyReader{bytes.NewReader(file)}} {
		res := readAll(t, r, Options{})
		require.Len(t, res.errs, 1, "%v", res.errs)
		var pe *ParseError
		require.ErrorAs(t, res.errs[0], &pe)
		assert.ErrorIs(t, pe, ErrCorrupt)
		assert.Equal(t, int64(len(first)), pe.Offset)
		assert.Equal(t, []string{"warcinfo", "response"}, res.types)
	}
}

func TestReaderSingleByteDamage(t *testing.T) {
	// Every damaged byte past the gzip header (which holds unchecked
	// fields) costs exactly its own record, reported once.
	file, offs := perMember(t, sampleRecords()...)
	all := []string{"warcinfo", "request", "response", "metadata", "response"}
	clean := readAll(t, bytes.NewReader(file), Options{})
	offs = append(offs, int64(len(file)))
	for m := range len(all) {
		want := append(append([]string(nil), all[:m]...), all[m+1:]...)
		for p := offs[m] + 10; p < offs[m+1]; p += 3 {
			bad := append([]byte(nil), file...)
			bad[p] ^= 0x10
			res := readAll(t, bytes.NewReader(bad), Options{})
			if len(res.errs) == 0 {
				// The flip hit bits deflate does not use (padding at the
				// end of the stream): nothing was damaged.
				assert.Equal(t, all, res.types, "member %d byte %d", m, p-offs[m])
				assert.Equal(t, clean.blocks, res.blocks, "member %d byte %d", m, p-offs[m])
				continue
			}
			require.Len(t, res.errs, 1, "member %d byte %d: %v", m, p-offs[m], res.errs)
			var pe *ParseError
			require.ErrorAs(t, res.errs[0], &pe)
			assert.Equal(t, offs[m], pe.Offset, "member %d byte %d", m, p-offs[m])
			assert.Equal(t, want, res.types, "member %d byte %d", m, p-offs[m])
		}
	}
}
