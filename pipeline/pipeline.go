package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/extract"
	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/normalize/claim"
	"github.com/cuttings/cuttings/store"
)

// Config sets up a Pipeline. Extractor is required; Store and Out are each
// optional (records go to whichever are set).
type Config struct {
	Extractor *extract.Extractor
	Store     store.Store
	// RunID is the store's run the records and failures belong to.
	RunID int64
	// Out receives one JSON record per line, in input order.
	Out io.Writer
	// Workers is the number of documents processed at once; 0 means
	// GOMAXPROCS.
	Workers int
	// BatchSize is the number of records written per store transaction; 0
	// means 128.
	BatchSize int
	// FlushEvery bounds how long a record waits for its batch; 0 means 2s.
	FlushEvery time.Duration
	// Resume skips documents whose source URI is already stored.
	Resume bool
	// KeepRaw stores each document's raw bytes with its record.
	KeepRaw bool
	// OnFailure is told of every failed input as it is met; the store
	// logs it with the next batch.
	OnFailure func(error)
	// OnProgress is called after every input with the running totals.
	OnProgress func(Stats)
	Logger     zerolog.Logger
}

// Stats are a run's running totals.
type Stats struct {
	Inputs   int   // documents and failed inputs seen
	Records  int   // records produced
	Skipped  int   // documents skipped as already stored
	Failures int   // inputs that failed
	Bytes    int64 // raw bytes read
	Started  time.Time
}

// Rate returns the seconds since the run started and the inputs handled
// per second.
func (s Stats) Rate() (secs, perSecond float64) {
	secs = time.Since(s.Started).Seconds()
	if secs > 0 {
		perSecond = float64(s.Inputs) / secs
	}
	return secs, perSecond
}

// result is one input's outcome, carried from a worker to the writer.
type result struct {
	seq     int
	rec     *normalize.Record
	raw     *store.RawPage
	err     error
	skipped bool
	bytes   int64
}

// Run processes every document in docs and returns the totals. Errors
// yielded by docs are failed inputs. It returns early with ctx's error when
// ctx is cancelled, after finishing and committing the work in flight, and
// with an error when the store fails.
func Run(ctx context.Context, cfg Config, docs iter.Seq2[*fetch.Document, error]) (Stats, error) {
	if cfg.Extractor == nil {
		return Stats{}, errors.New("pipeline: no extractor")
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		doc *fetch.Document
		err error
	}
	// A failed store or output stops the source too: nothing more could
	// be kept, so nothing more is read.
	srcCtx, stopSource := context.WithCancel(ctx)
	defer stopSource()
	jobs := make(chan job, workers*2)
	results := make(chan result, workers*2)

	// The source: stops taking documents once ctx is cancelled.
	go func() {
		defer close(jobs)
		seq := 0
		for doc, err := range docs {
			select {
			case jobs <- job{seq: seq, doc: doc, err: err}:
				seq++
			case <-srcCtx.Done():
				return
			}
		}
	}()

	// The workers: a document in flight is finished even after cancel.
	done := make(chan struct{})
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for j := range jobs {
				if j.err != nil {
					results <- result{seq: j.seq, err: j.err}
					continue
				}
				results <- process(ctx, &cfg, j.seq, j.doc)
			}
		}()
	}
	go func() {
		for range workers {
			<-done
		}
		close(results)
	}()

	w := newWriter(ctx, &cfg)
	w.onFatal = stopSource
	for r := range results {
		w.add(r)
	}
	err := w.close()
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return w.stats, err
}

// process runs extract and normalize on one document, turning a panic into
// a failure of that document alone.
func process(ctx context.Context, cfg *Config, seq int, doc *fetch.Document) (res result) {
	res = result{seq: seq, bytes: int64(len(doc.Body))}
	defer func() {
		if p := recover(); p != nil {
			cfg.Logger.Error().Str("input", doc.URI).Str("stack", string(debug.Stack())).Msg("panic")
			res.rec, res.err = nil, &fetch.InputError{Input: doc.URI, Stage: "extract", Err: fmt.Errorf("internal error: %v", p)}
		}
	}()
	if cfg.Resume && cfg.Store != nil {
		ok, err := cfg.Store.Done(ctx, doc.URI)
		if err != nil {
			res.err = &fetch.InputError{Input: doc.URI, Stage: "store", Err: err}
			return res
		}
		if ok {
			res.skipped = true
			return res
		}
	}
	rec, err := Process(cfg.Extractor, doc)
	if err != nil {
		res.err = err
		return res
	}
	res.rec = &rec
	if cfg.KeepRaw && cfg.Store != nil {
		raw := RawPage(doc)
		res.raw = &raw
	}
	return res
}

// Process runs extract and normalize on one document and builds its claims.
func Process(x *extract.Extractor, doc *fetch.Document) (normalize.Record, error) {
	a, err := x.Extract(doc)
	if err != nil {
		return normalize.Record{}, &fetch.InputError{Input: doc.URI, Stage: "extract", Err: err}
	}
	rec := normalize.Normalize(a)
	rec.Claims = claim.Build(&rec)
	if rec.Claims == nil {
		rec.Claims = []normalize.Claim{}
	}
	return rec, nil
}

// RawPage turns a document into the store's raw page.
func RawPage(doc *fetch.Document) store.RawPage {
	meta, _ := json.Marshal(doc.Meta)
	return store.RawPage{
		URI: doc.URI, Kind: string(doc.Kind), URL: doc.URL, FetchedAt: doc.FetchedAt,
		WARCRecordID: doc.WARCRecordID, Header: doc.Header, ContentType: doc.ContentType,
		Format: string(doc.Format), MetaJSON: meta, Body: doc.Body, Gzip: doc.Gzip,
		ETag: doc.Header.Get("ETag"), LastModified: doc.Header.Get("Last-Modified"),
	}
}

// Document turns a stored raw page back into a document, for reprocessing.
func Document(p store.RawPage) *fetch.Document {
	doc := &fetch.Document{
		URI: p.URI, Kind: fetch.Kind(p.Kind), URL: p.URL, FetchedAt: p.FetchedAt,
		WARCRecordID: p.WARCRecordID, Header: p.Header, ContentType: p.ContentType,
		Format: fetch.Format(p.Format), Body: p.Body, Gzip: p.Gzip,
	}
	if len(p.MetaJSON) > 0 {
		if m, err := fetch.ParseMeta(p.MetaJSON); err == nil {
			doc.Meta = m
		}
	}
	return doc
}
