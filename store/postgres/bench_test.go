package postgres_test

import (
	"context"
	"testing"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/storetest"
)

// BenchmarkPut measures batched upserts of full records into PostgreSQL.
func BenchmarkPut(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	recs := make([]normalize.Record, 64)
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range recs {
			recs[i] = storetest.Record(n)
			n++
		}
		if err := db.Put(ctx, 0, recs, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}
