package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/extract/body"
	"github.com/cuttings/cuttings/extract/number"
	"github.com/cuttings/cuttings/extract/org"
	"github.com/cuttings/cuttings/extract/quote"
	"github.com/cuttings/cuttings/extract/timex"
	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/normalize/claim"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/sqlite"
)

// benchDocs returns the pages of the public article-extraction benchmark
// when ../shared is beside the checkout, else the fixtures.
func benchDocs(b *testing.B) ([]*fetch.Document, string) {
	b.Helper()
	dir := filepath.Join("..", "..", "shared", "data", "article-extraction-benchmark", "html")
	src := "benchmark-181"
	if _, err := os.Stat(dir); err != nil {
		dir, src = filepath.Join("..", "fixtures"), "fixtures"
	}
	var docs []*fetch.Document
	for d, err := range (&fetch.Files{}).Read([]string{dir}) {
		require.NoError(b, err)
		docs = append(docs, d)
	}
	b.Logf("%d pages from %s", len(docs), src)
	return docs, src
}

// BenchmarkEndToEnd runs every stage, SQLite store and raw pages included,
// on every core and reports pages/s and MB/s. All b.N passes over the pages
// stream through one run, as an archive does, each pass's pages under ids
// of their own: the figure is the steady rate, not one short run's start
// and final flush. The collector is set as cuttings run sets it (GOGC 400
// under a 256 MiB soft limit) unless GOGC or GOMEMLIMIT is set.
func BenchmarkEndToEnd(b *testing.B) {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(256 << 20))
	}
	docs, _ := benchDocs(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body))
	}
	x := newExtractor(b)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), store.Options{})
	require.NoError(b, err)
	defer db.Close()
	runID, err := db.BeginRun(ctx, store.Run{StartedAt: time.Now()})
	require.NoError(b, err)
	passes := func(yield func(*fetch.Document, error) bool) {
		for k := range b.N {
			for i, d := range docs {
				c := *d
				c.URI = fmt.Sprintf("%s#pass-%d", d.URI, k)
				c.Meta.ID = fmt.Sprintf("bench-%d-%d", k, i)
				if !yield(&c, nil) {
					return
				}
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	st, err := Run(ctx, Config{Extractor: x, Store: db, RunID: runID, KeepRaw: true}, passes)
	b.StopTimer()
	require.NoError(b, err)
	require.Equal(b, len(docs)*b.N, st.Records)
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(docs)*b.N)/secs, "pages/s")
	b.ReportMetric(float64(size*int64(b.N))/secs/1e6, "MB/s")
}

// BenchmarkStage times each stage on its own, one core, over the same
// pages, so that the cost of everything after body extraction can be set
// against it.
func BenchmarkStage(b *testing.B) {
	docs, _ := benchDocs(b)
	texts := make([]*body.Result, len(docs))
	for i, d := range docs {
		if d.Format == fetch.FormatHTML {
			r, err := body.Extract(d.Body, body.Options{URL: d.URL, ContentType: d.ContentType})
			require.NoError(b, err)
			texts[i] = r
		} else {
			texts[i] = body.FromText(string(d.Body))
		}
	}
	linker, err := org.NewLinker(org.Config{})
	require.NoError(b, err)
	quotes, err := quote.New(quote.Config{})
	require.NoError(b, err)
	ref := time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC)
	x := newExtractor(b)
	recs := make([]normalize.Record, len(docs))
	for i, d := range docs {
		rec, err := Process(x, d)
		require.NoError(b, err)
		recs[i] = rec
	}
	perPage := func(b *testing.B, f func(i int)) {
		b.ReportAllocs()
		for range b.N {
			for i := range docs {
				f(i)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/page")
	}
	b.Run("body", func(b *testing.B) {
		perPage(b, func(i int) {
			if docs[i].Format == fetch.FormatHTML {
				_, _ = body.Extract(docs[i].Body, body.Options{URL: docs[i].URL, ContentType: docs[i].ContentType})
			}
		})
	})
	b.Run("orgs", func(b *testing.B) { perPage(b, func(i int) { linker.Find(texts[i].Text, ref) }) })
	b.Run("quotes", func(b *testing.B) {
		perPage(b, func(i int) { quotes.Extract(texts[i].Text, quote.Options{}) })
	})
	b.Run("dates", func(b *testing.B) { perPage(b, func(i int) { timex.Find(texts[i].Text, ref) }) })
	b.Run("counts", func(b *testing.B) { perPage(b, func(i int) { number.Find(texts[i].Text) }) })
	b.Run("claims", func(b *testing.B) { perPage(b, func(i int) { claim.Build(&recs[i]) }) })
	b.Run("store", func(b *testing.B) {
		ctx := context.Background()
		db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		require.NoError(b, err)
		defer db.Close()
		runID, err := db.BeginRun(ctx, store.Run{StartedAt: time.Now()})
		require.NoError(b, err)
		b.ReportAllocs()
		for range b.N {
			require.NoError(b, db.Put(ctx, runID, recs, nil))
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(docs)), "µs/page")
	})
}
