package sqlite_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

// BenchmarkPut measures batched upserts of full records (6 organisations,
// quotes, dates, counts and claims rows each): records/s is the figure to
// compare with the pipeline's target throughput.
func BenchmarkPut(b *testing.B) {
	for _, batch := range []int{1, 64, 256} {
		b.Run(batchName(batch), func(b *testing.B) {
			db := openTemp(b)
			ctx := context.Background()
			recs := make([]normalize.Record, batch)
			n := 0
			b.ReportAllocs()
			cpu0 := cpuTime()
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
			// On a shared machine wall time depends on the neighbours; CPU
			// time per record (all threads of this process) does not.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(n), "cpu-µs/record")
		})
	}
}

// BenchmarkPutUpsert re-puts the same batch: the cost of a re-run over
// records already stored.
func BenchmarkPutUpsert(b *testing.B) {
	db := openTemp(b)
	ctx := context.Background()
	recs := make([]normalize.Record, 64)
	for i := range recs {
		recs[i] = storetest.Record(i)
	}
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		if err := db.Put(ctx, 0, recs, nil); err != nil {
			b.Fatal(err)
		}
	}
	n := b.N * len(recs)
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(n), "cpu-µs/record")
}

// BenchmarkRecords measures reading records back (the export path).
func BenchmarkRecords(b *testing.B) {
	db, _ := filledTemp(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, err := range db.Records(ctx) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}

func batchName(n int) string {
	switch n {
	case 1:
		return "batch=1"
	case 64:
		return "batch=64"
	default:
		return "batch=256"
	}
}

// filledTemp opens a temporary store holding 1,000 records, which it
// returns.
func filledTemp(b *testing.B) (*sqlite.DB, []normalize.Record) {
	db := openTemp(b)
	recs := make([]normalize.Record, 1000)
	for i := range recs {
		recs[i] = storetest.Record(i)
	}
	if err := db.Put(context.Background(), 0, recs, nil); err != nil {
		b.Fatal(err)
	}
	return db, recs
}

// cpuTime returns the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkDone measures the check a resumable run makes for every input,
// against a store holding 1,000 records.
func BenchmarkDone(b *testing.B) {
	db, recs := filledTemp(b)
	ctx := context.Background()
	uri := recs[500].Source.URI
	b.ReportAllocs()
	for b.Loop() {
		ok, err := db.Done(ctx, uri)
		if err != nil || !ok {
			b.Fatalf("Done(%q) = %v, %v", uri, ok, err)
		}
	}
}
