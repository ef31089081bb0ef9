package warc

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchFile builds a Common Crawl-like file: per page a request, a response
// (half of them with gzip Content-Encoding) and a metadata record, each in
// its own gzip member.
func benchFile(b *testing.B, pages int) []byte {
	var recs [][]byte
	words := strings.Fields("the trust said appointments were rescheduled during strike action by junior doctors and consultants at hospitals across region patients waiting lists operations cancelled nurses union ballot pay offer")
	rng := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE html><html><body>")
	for sb.Len() < 40_000 {
		sb.WriteString("<p>")
		for range 25 {
			sb.WriteString(words[rng.IntN(len(words))] + " ")
		}
		fmt.Fprintf(&sb, "%d.</p>\n", rng.IntN(100000))
	}
	sb.WriteString("</body></html>")
	body := sb.String()
	for i := range pages {
		uri := fmt.Sprintf("https://news.example/%d", i)
		recs = append(recs, warcRecord("request", fmt.Sprintf("req-%d", i), uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"))
		h := map[string]string{"Content-Type": "text/html"}
		payload := body
		if i%2 == 0 {
			h["Content-Encoding"] = "gzip"
			payload = string(gzipBytes(b, []byte(body)))
		}
		recs = append(recs, warcRecord("response", fmt.Sprintf("resp-%d", i), uri, "application/http; msgtype=response", httpResponse("200 OK", h, payload)))
		recs = append(recs, warcRecord("metadata", fmt.Sprintf("meta-%d", i), uri, "application/warc-fields", "fetchTimeMs: 12\r\n"))
	}
	file, _ := perMember(b, recs...)
	return file
}

// BenchmarkReader measures Documents over a gzip-per-record file; MB/s is
// compressed input bytes per second.
func BenchmarkReader(b *testing.B) {
	file := benchFile(b, 200)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	out := 0
	for b.Loop() {
		n := 0
		for d, err := range ReadDocuments(bytes.NewReader(file), "warc:bench", Options{}) {
			if err != nil {
				b.Fatal(err)
			}
			n += len(d.Body)
		}
		if n == 0 {
			b.Fatal("no documents")
		}
		out = n
	}
	b.ReportMetric(float64(out)*float64(b.N)/b.Elapsed().Seconds()/1e6, "html-MB/s")
}

// BenchmarkReaderRecords measures Next alone, discarding blocks.
func BenchmarkReaderRecords(b *testing.B) {
	file := benchFile(b, 200)
	b.SetBytes(int64(len(file)))
	for b.Loop() {
		rd := NewReader(bytes.NewReader(file), Options{})
		for {
			_, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReaderSample measures Documents over the shared Common Crawl
// sample when it is present.
func BenchmarkReaderSample(b *testing.B) {
	file, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "data", "warc", "cc-main-2020-34-sample.warc.gz"))
	if err != nil {
		b.Skip("shared WARC sample not present")
	}
	b.SetBytes(int64(len(file)))
	for b.Loop() {
		for _, err := range ReadDocuments(bytes.NewReader(file), "warc:bench", Options{}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
