package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var fixedNow = func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

type result struct {
	docs []*Document
	errs []error
}

func collect(seq iter.Seq2[*Document, error]) result {
	var r result
	for d, err := range seq {
		if err != nil {
			r.errs = append(r.errs, err)
			continue
		}
		r.docs = append(r.docs, d)
	}
	return r
}

func TestFilesRead(t *testing.T) {
	dir := t.TempDir()
	page := []byte("<html><head><title>T</title></head><body><p>Hello</p></body></html>")
	write(t, dir, "a.html", page)
	write(t, dir, "b.txt", []byte("Plain article.\n\nSecond paragraph."))
	write(t, dir, "b.meta.json", []byte(`{"url":"https://example.org/b","site":"Ex","title":"B","published":"2023-09-26","authors":"Jo Bloggs"}`))
	write(t, dir, "sub/c.html.gz", gz(t, page))
	write(t, dir, "sub/ignored.css", []byte("body{}"))
	write(t, dir, "d.jsonl", []byte(`{"id":"x1","url":"https://example.org/1","published":"2024-01-01","text":"One."}`+"\n\n"+
		`not json`+"\n"+`{"id":2,"html":"<p>Two</p>"}`+"\n"+`{"id":"x3"}`))

	f := &Files{Now: fixedNow}
	r := collect(f.Read([]string{dir}))

	require.Len(t, r.docs, 5)
	byName := map[string]*Document{}
	for _, d := range r.docs {
		byName[filepath.Base(d.URI)] = d
	}
	a := byName["a.html"]
	require.NotNil(t, a)
	assert.Equal(t, FormatHTML, a.Format)
	assert.Equal(t, KindFile, a.Kind)
	assert.True(t, strings.HasPrefix(a.URI, "file:///"))
	assert.Equal(t, fixedNow(), a.FetchedAt)

	b := byName["b.txt"]
	require.NotNil(t, b)
	assert.Equal(t, FormatText, b.Format)
	assert.Equal(t, Meta{URL: "https://example.org/b", Site: "Ex", Title: "B", Published: "2023-09-26", Authors: []string{"Jo Bloggs"}}, b.Meta)
	assert.Equal(t, "https://example.org/b", b.URL)

	c := byName["c.html.gz"]
	require.NotNil(t, c)
	assert.Equal(t, page, c.Body)
	assert.Equal(t, gz(t, page), c.Gzip, "the file's bytes, kept for the store")
	assert.Nil(t, byName["b.txt"].Gzip, "only a .gz file has gzip bytes")

	one := byName["d.jsonl#1"]
	require.NotNil(t, one)
	assert.Equal(t, KindJSONL, one.Kind)
	assert.Equal(t, "x1", one.Meta.ID)
	assert.Equal(t, FormatText, one.Format)
	two := byName["d.jsonl#4"]
	require.NotNil(t, two)
	assert.Equal(t, "2", two.Meta.ID)
	assert.Equal(t, FormatHTML, two.Format)

	require.Len(t, r.errs, 2)
	var le *LineError
	require.ErrorAs(t, r.errs[0], &le)
	assert.Equal(t, 3, le.Line)
	assert.Contains(t, r.errs[0].Error(), "d.jsonl: fetch: line 3: not JSON")
	require.ErrorAs(t, r.errs[1], &le)
	assert.Equal(t, 5, le.Line)
	assert.ErrorIs(t, r.errs[1], ErrEmpty)
}

func TestFilesBadInputs(t *testing.T) {
	dir := t.TempDir()
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...)
	bomb := gz(t, bytes.Repeat([]byte("<p>aaaaaaaa</p>"), 200_000)) // 3 MB inflated from a few KB

	tests := []struct {
		name    string
		file    string
		body    []byte
		extra   map[string][]byte
		max     int64
		wantErr error
		wantMsg string
	}{
		{name: "missing", file: "", wantErr: os.ErrNotExist, wantMsg: "no such file"},
		{name: "empty", file: "empty.html", body: nil, wantErr: ErrEmpty},
		{name: "blank", file: "blank.txt", body: []byte("  \n\n "), wantErr: ErrEmpty},
		{name: "png named html", file: "pic.html", body: png, wantErr: ErrBinary, wantMsg: "image/png"},
		{name: "pdf named html", file: "doc.html", body: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), wantErr: ErrBinary},
		{name: "control bytes", file: "junk.txt", body: bytes.Repeat([]byte{1, 2, 3, 'a'}, 500), wantErr: ErrBinary},
		{name: "too large", file: "big.html", body: bytes.Repeat([]byte("<p>x</p>"), 2000), max: 1000, wantErr: ErrTooLarge},
		{name: "gzip bomb", file: "bomb.html.gz", body: bomb, max: 1 << 20, wantErr: ErrTooLarge},
		{name: "bad gzip", file: "bad.html.gz", body: []byte("not gzip at all"), wantMsg: "gzip"},
		{name: "sidecar not json", file: "s.txt", body: []byte("Text."), extra: map[string][]byte{"s.meta.json": []byte("{url: oops")}, wantMsg: "s.meta.json: not a JSON object"},
		{name: "warc without reader", file: "a.warc.gz", body: []byte("x"), wantErr: ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name, "missing.html")
			if tt.file != "" {
				path = write(t, filepath.Join(dir, tt.name), tt.file, tt.body)
			}
			for name, b := range tt.extra {
				write(t, filepath.Join(dir, tt.name), name, b)
			}
			f := &Files{MaxBytes: tt.max}
			r := collect(f.Read([]string{path}))
			assert.Empty(t, r.docs)
			require.Len(t, r.errs, 1)
			err := r.errs[0]
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, path, ie.Input)
			assert.True(t, strings.HasPrefix(err.Error(), path+": fetch: "), err.Error())
			assert.NotContains(t, err.Error(), "\n")
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			if tt.wantMsg != "" {
				assert.Contains(t, err.Error(), tt.wantMsg)
			}
		})
	}
}

func TestFilesGoesOnAfterErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "1.html", []byte("<p>one</p>"))
	write(t, dir, "2.html", nil)
	write(t, dir, "3.html", []byte("<p>three</p>"))
	f := &Files{}
	r := collect(f.Read([]string{filepath.Join(dir, "nope.html"), dir}))
	assert.Len(t, r.docs, 2)
	assert.Len(t, r.errs, 2)
	assert.Equal(t, 4, f.Count([]string{filepath.Join(dir, "nope.html"), dir}))
}

func TestFilesUnreadableEntry(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permission bits do not stop root")
	}
	dir := t.TempDir()
	write(t, dir, "ok.html", []byte("<p>ok</p>"))
	locked := write(t, dir, "locked.html", []byte("<p>no</p>"))
	require.NoError(t, os.Chmod(locked, 0))
	r := collect((&Files{}).Read([]string{dir}))
	assert.Len(t, r.docs, 1)
	require.Len(t, r.errs, 1)
	assert.ErrorIs(t, r.errs[0], os.ErrPermission)
}

func TestFilesStdin(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		format Format
		n      int
	}{
		{name: "html", in: "\n<!doctype html><p>Hi</p>", format: FormatHTML, n: 1},
		{name: "text", in: "Just words.", format: FormatText, n: 1},
		{name: "jsonl", in: `{"text":"a"}` + "\n" + `{"text":"b"}`, format: FormatText, n: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := collect((&Files{Stdin: strings.NewReader(tt.in)}).Read([]string{"-"}))
			require.Empty(t, r.errs)
			require.Len(t, r.docs, tt.n)
			assert.Equal(t, tt.format, r.docs[0].Format)
		})
	}
}

func TestFilesArchiveHook(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "x.warc.gz", []byte("x"))
	f := &Files{Archive: func(path string) iter.Seq2[*Document, error] {
		return func(yield func(*Document, error) bool) {
			if yield(&Document{URI: path + "#1"}, nil) {
				yield(nil, errors.New("truncated"))
			}
		}
	}}
	r := collect(f.Read([]string{p}))
	assert.Len(t, r.docs, 1)
	require.Len(t, r.errs, 1)
	assert.Equal(t, p+": fetch: truncated", r.errs[0].Error(), "archive errors name the archive")
}

func FuzzParseLine(f *testing.F) {
	f.Add([]byte(`{"id":"a","url":"https://x.org","published":"2024-01-01","title":"T","text":"Body"}`))
	f.Add([]byte(`{"id":7,"html":"<p>x</p>","authors":["A","B"]}`))
	f.Add([]byte(`{"html":null}`))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := ParseLine(b)
		if err == nil && len(doc.Body) == 0 {
			t.Fatalf("document without body from %q", b)
		}
	})
}

func FuzzParseMeta(f *testing.F) {
	f.Add([]byte(`{"url":"u","site":"s","title":"t","published":"2023-09-26","authors":["a"]}`))
	f.Add([]byte(`{"author":"x"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMeta(b)
		if err != nil {
			return
		}
		for _, a := range m.Authors {
			if strings.TrimSpace(a) != a || a == "" {
				t.Fatalf("untrimmed author %q", a)
			}
		}
	})
}

func TestGzipSize(t *testing.T) {
	// Letters from a fixed generator: about as compressible as prose.
	rnd := rand.New(rand.NewPCG(1, 2))
	page := make([]byte, 20000)
	for i := range page {
		page[i] = 'a' + byte(rnd.IntN(26))
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(page)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	lying := bytes.Clone(gz.Bytes())
	copy(lying[len(lying)-4:], []byte{0xff, 0xff, 0xff, 0x7f})
	tests := []struct {
		name string
		file []byte
		want int64
	}{
		{name: "the trailer's length", file: gz.Bytes(), want: int64(len(page))},
		{name: "a lying trailer is held to 64 times the file", file: lying, want: 64 * int64(len(lying))},
		{name: "too short for a trailer", file: []byte{0x1f, 0x8b, 8}, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, gzipSize(tt.file))
		})
	}
}

func TestReadLimited(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		limit   int64
		hint    int64
		wantErr error
	}{
		{name: "no hint", in: "abcdef", limit: 10},
		{name: "hint too small", in: strings.Repeat("x", 5000), limit: 10000, hint: 10},
		{name: "hint too large", in: "abc", limit: 10, hint: 1 << 30},
		{name: "exactly the limit", in: "abcdefghij", limit: 10},
		{name: "over the limit", in: "abcdefghijk", limit: 10, wantErr: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readLimited(strings.NewReader(tt.in), tt.limit, tt.hint)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.in, string(got))
		})
	}
}
