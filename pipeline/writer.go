package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
)

// writer receives results in any order, writes JSON Lines in input order and
// stores records in batches.
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
	err     error
}

func newWriter(ctx context.Context, cfg *Config) *writer {
	w := &writer{ctx: ctx, cfg: cfg, pending: map[int]result{}, flushed: time.Now(),
		stats: Stats{Started: time.Now()}}
	if cfg.Out != nil {
		w.enc = json.NewEncoder(cfg.Out)
		w.enc.SetEscapeHTML(false)
	}
	return w
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

// flush writes the batch; it uses a context that outlives a cancelled run so
// that work already done is committed.
func (w *writer) flush() {
	w.flushed = time.Now()
	if w.err != nil || w.cfg.Store == nil || (len(w.recs) == 0 && len(w.fails) == 0) {
		return
	}
	ctx := context.WithoutCancel(w.ctx)
	if len(w.recs) > 0 {
		if err := w.cfg.Store.Put(ctx, w.cfg.RunID, w.recs, w.raws); err != nil {
			w.fatal(fmt.Errorf("store: %w", err))
			return
		}
	}
	if len(w.fails) > 0 {
		if err := w.cfg.Store.Fail(ctx, w.fails); err != nil {
			w.fatal(fmt.Errorf("store run log: %w", err))
			return
		}
	}
	w.recs, w.raws, w.fails = w.recs[:0], w.raws[:0], w.fails[:0]
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
	return w.err
}

// fatal records the first error that stops all writing and stops the
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
