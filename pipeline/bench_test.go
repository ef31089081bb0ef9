package pipeline

import (
	"context"
	"os"
	"path/filepath"
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

func docSeq(docs []*fetch.Document) func(yield func(*fetch.Document, error) bool) {
	return func(yield func(*fetch.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}
}

// BenchmarkEndToEnd runs every stage, SQLite store included, on every core
// and reports pages/s and MB/s.
func BenchmarkEndToEnd(b *testing.B) {
	docs, _ := benchDocs(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Body))
	}
	x := newExtractor(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	var elapsed time.Duration
	for range b.N {
		b.StopTimer()
		db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		require.NoError(b, err)
		runID, err := db.BeginRun(ctx, store.Run{StartedAt: time.Now()})
		require.NoError(b, err)
		b.StartTimer()
		start := time.Now()
		st, err := Run(ctx, Config{Extractor: x, Store: db, RunID: runID, KeepRaw: true}, docSeq(docs))
		elapsed += time.Since(start)
		b.StopTimer()
		require.NoError(b, err)
		require.Equal(b, len(docs), st.Inputs)
		require.NoError(b, db.Close())
		b.StartTimer()
	}
	secs := elapsed.Seconds()
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
