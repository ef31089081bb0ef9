package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/cuttings/cuttings/normalize"
)

// Batcher collects records and raw pages from many goroutines and writes
// them with one Put per batch, so a run commits in transactions of Size
// records rather than one per article. It is safe for concurrent use.
type Batcher struct {
	s     Store
	run   int64
	size  int
	mu    sync.Mutex
	recs  []normalize.Record
	raws  []RawPage
	wrote int
}

// NewBatcher returns a Batcher writing to s for run runID in batches of
// size records (default 256 when size < 1).
func NewBatcher(s Store, runID int64, size int) *Batcher {
	if size < 1 {
		size = 256
	}
	return &Batcher{s: s, run: runID, size: size}
}

// Add queues rec and, if raw is not nil, its raw page; when the batch is
// full it is written before Add returns (so a slow store slows the callers
// down instead of filling memory).
func (b *Batcher) Add(ctx context.Context, rec normalize.Record, raw *RawPage) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.recs = append(b.recs, rec)
	if raw != nil {
		b.raws = append(b.raws, *raw)
	}
	if len(b.recs) >= b.size || len(b.raws) >= b.size {
		return b.flush(ctx)
	}
	return nil
}

// Flush writes whatever is queued. Call it before EndRun, and on a timer if
// records arrive slowly.
func (b *Batcher) Flush(ctx context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.flush(ctx)
}

// Written returns how many records have been committed.
func (b *Batcher) Written() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.wrote
}

func (b *Batcher) flush(ctx context.Context) error {
	if len(b.recs) == 0 && len(b.raws) == 0 {
		return nil
	}
	if err := b.s.Put(ctx, b.run, b.recs, b.raws); err != nil {
		// The batch stays queued: a later Flush may succeed.
		return fmt.Errorf("store: write batch of %d records: %w", len(b.recs), err)
	}
	b.wrote += len(b.recs)
	b.recs, b.raws = b.recs[:0], b.raws[:0]
	return nil
}
