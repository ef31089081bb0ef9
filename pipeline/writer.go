package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
)

// writer receives results in any order, writes JSON Lines in input order and
// stores records in batches. Batches are written by a goroutine of their
// own, one at a time, while the next batch fills: storing (compressing raw
// pages, the transaction) overlaps extraction instead of stalling every
// worker while it lasts.
type writer struct {
	// onFatal is called once when writing fails for good.
	onFatal func()
	ctx     context.Context
	cfg     *Config
	stats   Stats
	next    int
	pending map[int]result
	recs    []normalize.Record
	raws    []store.RawPage
	fails   []store.Failure
	flushed time.Time
	enc     *json.Encoder
	// err is the first error that stopped JSON output, or (once close has
	// returned) storing.
	err error
	// batches carries full batches to the store goroutine, which closes
	// stored when it has written the last; storeErr is its first error,
	// read only after stored is closed, and storeFailed is set with it.
	batches     chan batch
	stored      chan struct{}
	storeErr    error
	storeFailed atomic.Bool
}

// batch is one store transaction's worth of results.
type batch struct {
	recs  []normalize.Record
	raws  []store.RawPage
	fails []store.Failure
}

func newWriter(ctx context.Context, cfg *Config) *writer {
	w := &writer{ctx: ctx, cfg: cfg, pending: map[int]result{}, flushed: time.Now(),
		stats: Stats{Started: time.Now()}}
	if cfg.Out != nil {
		w.enc = json.NewEncoder(cfg.Out)
		w.enc.SetEscapeHTML(false)
	}
	if cfg.Store != nil {
		// One batch may wait while another is written: memory stays
		// bounded by three batches however slow the store.
		w.batches, w.stored = make(chan batch, 1), make(chan struct{})
		go w.storeBatches()
	}
	return w
}

// storeBatches writes each batch in its own transaction. After a failure
// the rest are dropped: the run is stopping.
func (w *writer) storeBatches() {
	defer close(w.stored)
	// A cancelled run still commits the work already done.
	ctx := context.WithoutCancel(w.ctx)
	for b := range w.batches {
		if w.storeErr != nil {
			continue
		}
		var err error
		if len(b.recs) > 0 {
			if err = w.cfg.Store.Put(ctx, w.cfg.RunID, b.recs, b.raws); err != nil {
				err = fmt.Errorf("store: %w", err)
			}
		}
		if err == nil && len(b.fails) > 0 {
			if err = w.cfg.Store.Fail(ctx, b.fails); err != nil {
				err = fmt.Errorf("store run log: %w", err)
			}
		}
		if err != nil {
			w.storeErr = err
			w.storeFailed.Store(true)
			if w.onFatal != nil {
				w.onFatal()
			}
		}
	}
}

func (w *writer) batchSize() int {
	if w.cfg.BatchSize > 0 {
		return w.cfg.BatchSize
	}
	return 128
}

func (w *writer) flushEvery() time.Duration {
	if w.cfg.FlushEvery > 0 {
		return w.cfg.FlushEvery
	}
	return 2 * time.Second
}

// add takes one result; results are handled in input order.
func (w *writer) add(r result) {
	w.pending[r.seq] = r
	for {
		r, ok := w.pending[w.next]
		if !ok {
			return
		}
		delete(w.pending, w.next)
		w.next++
		w.handle(r)
	}
}

func (w *writer) handle(r result) {
	w.stats.Inputs++
	w.stats.Bytes += r.bytes
	switch {
	case r.skipped:
		w.stats.Skipped++
	case r.err != nil:
		w.fail(r.err)
	default:
		w.stats.Records++
		if w.enc != nil && w.err == nil {
			if err := w.enc.Encode(r.rec); err != nil {
				w.fatal(fmt.Errorf("write records: %w", err))
			}
		}
		if w.cfg.Store != nil {
			w.recs = append(w.recs, *r.rec)
			if r.raw != nil {
				w.raws = append(w.raws, *r.raw)
			}
		}
	}
	if w.cfg.Store != nil && (len(w.recs) >= w.batchSize() || len(w.fails) >= w.batchSize() ||
		time.Since(w.flushed) >= w.flushEvery()) {
		w.flush()
	}
	if w.cfg.OnProgress != nil {
		w.cfg.OnProgress(w.stats)
	}
}

func (w *writer) fail(err error) {
	w.stats.Failures++
	if w.cfg.Store != nil {
		f := store.Failure{RunID: w.cfg.RunID, Stage: "pipeline", Reason: err.Error(), At: time.Now().UTC()}
		var ie *fetch.InputError
		if errors.As(err, &ie) {
			f.Input, f.Stage, f.Reason = ie.Input, ie.Stage, ie.Err.Error()
		}
		w.fails = append(w.fails, f)
	}
	if w.cfg.OnFailure != nil {
		w.cfg.OnFailure(err)
	}
}

// flush hands the batch to the store goroutine, waiting while it is busy
// with the one before.
func (w *writer) flush() {
	w.flushed = time.Now()
	if w.cfg.Store == nil || w.storeFailed.Load() || (len(w.recs) == 0 && len(w.fails) == 0) {
		return
	}
	w.batches <- batch{recs: w.recs, raws: w.raws, fails: w.fails}
	n := w.batchSize()
	w.recs, w.raws, w.fails = make([]normalize.Record, 0, n), make([]store.RawPage, 0, n), nil
}

func (w *writer) close() error {
	// Results after a gap (never expected: every seq is delivered) are
	// still handled, in order.
	for len(w.pending) > 0 {
		if _, ok := w.pending[w.next]; !ok {
			w.next++
			continue
		}
		w.add(w.pending[w.next])
	}
	w.flush()
	if w.batches != nil {
		close(w.batches)
		<-w.stored
		if w.err == nil {
			w.err = w.storeErr
		}
	}
	return w.err
}

// fatal records the first error that stops JSON output and stops the
// source.
func (w *writer) fatal(err error) {
	if w.err != nil {
		return
	}
	w.err = err
	if w.onFatal != nil {
		w.onFatal()
	}
}
