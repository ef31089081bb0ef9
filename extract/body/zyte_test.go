package body

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// zyteOut names the JSON Lines file TestZyteBenchmark writes.
var zyteOut = flag.String("zyte-out", "", "write the benchmark extractions as JSON Lines to this file")

// sharedDir is where the shared evaluation data lives, relative to this
// package.
const sharedDir = "../../../shared/data"

// benchmarkPage is one page of the article-extraction benchmark.
type benchmarkPage struct {
	id   string
	path string
	html []byte
}

// loadBenchmark reads the benchmark pages, or skips the test when the
// shared data is absent.
func loadBenchmark(tb testing.TB) []benchmarkPage {
	tb.Helper()
	dir := filepath.Join(sharedDir, "article-extraction-benchmark", "html")
	names, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(names) == 0 {
		tb.Skipf("benchmark pages not found in %s: skipping the evaluation", dir)
	}
	sort.Strings(names)
	pages := make([]benchmarkPage, 0, len(names))
	for _, name := range names {
		f, err := os.Open(name)
		require.NoError(tb, err)
		zr, err := gzip.NewReader(f)
		require.NoError(tb, err)
		b, err := io.ReadAll(zr)
		require.NoError(tb, err)
		f.Close()
		abs, _ := filepath.Abs(name)
		pages = append(pages, benchmarkPage{id: strings.TrimSuffix(filepath.Base(name), ".html.gz"), path: abs, html: b})
	}
	return pages
}

// TestZyteBenchmark extracts the benchmark's pages and writes them as JSON
// Lines for score.py (flag -zyte-out or env ZYTE_OUT).
func TestZyteBenchmark(t *testing.T) {
	pages := loadBenchmark(t)
	out := *zyteOut
	if out == "" {
		out = os.Getenv("ZYTE_OUT")
	}
	var w *bufio.Writer
	if out != "" {
		f, err := os.Create(out)
		require.NoError(t, err)
		defer f.Close()
		w = bufio.NewWriter(f)
		defer w.Flush()
	}
	empty := 0
	for _, p := range pages {
		res, err := Extract(p.html, Options{})
		require.NoError(t, err, p.id)
		if res.Text == "" {
			empty++
		}
		if w != nil {
			line, err := json.Marshal(map[string]any{"id": p.id, "source": map[string]string{"uri": p.path}, "text": res.Text, "title": res.Title, "description": res.Description, "published": res.Published, "authors": res.Authors, "warnings": res.Warnings})
			require.NoError(t, err)
			w.Write(line)
			w.WriteByte('\n')
		}
	}
	t.Logf("%d pages, %d with no text; score with: python3 /work/shared/tools/score.py zyte --truth /work/shared/data/article-extraction-benchmark/ground-truth.json --pred %s", len(pages), empty, out)
	require.Less(t, empty, len(pages)/20, "too many pages without text")
}
