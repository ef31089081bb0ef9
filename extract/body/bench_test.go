package body

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"
)

// benchPages returns the benchmark's pages, or this package's own HTML
// fixtures when the shared data is absent.
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	dir := filepath.Join(sharedDir, "article-extraction-benchmark", "html")
	if _, err := os.Stat(dir); err == nil {
		var out [][]byte
		for _, p := range loadBenchmark(b) {
			out = append(out, p.html)
		}
		return out
	}
	names, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	if len(names) == 0 {
		b.Skip("no pages to benchmark")
	}
	var out [][]byte
	for _, n := range names {
		raw, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, raw)
	}
	return out
}

// BenchmarkExtract times Extract over every page; compare with
// BenchmarkTrafilatura, run in the same go test -bench invocation.
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := Extract(p, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTrafilatura times plain go-trafilatura (default options,
// comments excluded) over the same pages.
func BenchmarkTrafilatura(b *testing.B) {
	pages := benchPages(b)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			_, _ = trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{ExcludeComments: true})
		}
	}
}

// BenchmarkExtractVsTrafilatura runs Extract and plain go-trafilatura on
// each page in turn, so that load from other processes falls on both alike,
// and reports each one's time per pass over the pages and their ratio.
func BenchmarkExtractVsTrafilatura(b *testing.B) {
	pages := benchPages(b)
	var ours, theirs time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			start := time.Now()
			if _, err := Extract(p, Options{}); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			_, _ = trafilatura.Extract(bytes.NewReader(p), trafilatura.Options{ExcludeComments: true})
			ours += mid.Sub(start)
			theirs += time.Since(mid)
		}
	}
	b.ReportMetric(float64(ours.Milliseconds())/float64(b.N), "extract-ms/pass")
	b.ReportMetric(float64(theirs.Milliseconds())/float64(b.N), "trafilatura-ms/pass")
	b.ReportMetric(float64(ours)/float64(theirs), "ratio")
}
