package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
)

func seqOf(items []any) iter.Seq2[*fetch.Document, error] {
	return func(yield func(*fetch.Document, error) bool) {
		for _, it := range items {
			var ok bool
			switch v := it.(type) {
			case *fetch.Document:
				ok = yield(v, nil)
			case error:
				ok = yield(nil, v)
			}
			if !ok {
				return
			}
		}
	}
}

func textDoc(uri, text string) *fetch.Document {
	return &fetch.Document{URI: uri, Kind: fetch.KindFile, Format: fetch.FormatText, Body: []byte(text),
		Meta: fetch.Meta{Published: "2023-09-26"}}
}

func TestRunOrderAndFailures(t *testing.T) {
	var items []any
	for i := range 40 {
		if i%7 == 3 {
			items = append(items, &fetch.InputError{Input: fmt.Sprintf("bad-%02d", i), Stage: "fetch", Err: fetch.ErrEmpty})
			continue
		}
		items = append(items, textDoc(fmt.Sprintf("doc-%02d", i), "Bolton NHS Foundation Trust cancelled 736 operations on Monday."))
	}
	items = append(items, &fetch.Document{URI: "blank", Format: fetch.FormatText, Body: []byte(" \n ")})
	var out bytes.Buffer
	var failures []string
	st, err := Run(context.Background(), Config{Extractor: newExtractor(t), Out: &out, Workers: 4,
		OnFailure: func(err error) { failures = append(failures, err.Error()) }}, seqOf(items))
	require.NoError(t, err)
	assert.Equal(t, 41, st.Inputs)
	assert.Equal(t, 7, st.Failures)
	assert.Equal(t, 34, st.Records)
	require.Len(t, failures, 7)
	assert.Equal(t, "bad-03: fetch: empty input", failures[0])
	assert.Equal(t, "blank: extract: no text found", failures[6])

	// Records come out in input order.
	var uris []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var rec normalize.Record
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		uris = append(uris, rec.Source.URI)
	}
	var want []string
	for _, it := range items {
		if d, ok := it.(*fetch.Document); ok && d.URI != "blank" {
			want = append(want, d.URI)
		}
	}
	assert.Equal(t, want, uris)
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	docs := func(yield func(*fetch.Document, error) bool) {
		for {
			n++
			if n == 5 {
				cancel()
			}
			if !yield(textDoc("d", "Some text."), nil) {
				return
			}
		}
	}
	st, err := Run(ctx, Config{Extractor: newExtractor(t), Workers: 2}, docs)
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, st.Inputs, 20, "the source stops soon after cancel")
	assert.Equal(t, st.Records, st.Inputs, "work in flight is finished")
}

func TestRunWithoutExtractor(t *testing.T) {
	_, err := Run(context.Background(), Config{}, seqOf(nil))
	require.Error(t, err)
	assert.False(t, errors.Is(err, context.Canceled))
}

// failingStore fails every write.
type failingStore struct{ store.Store }

func (failingStore) Put(context.Context, int64, []normalize.Record, []store.RawPage) error {
	return errors.New("disk full")
}

func (failingStore) Fail(context.Context, []store.Failure) error { return errors.New("disk full") }

// TestRunStopsWhenStoreFails: once the store cannot keep records, the run
// stops reading inputs and returns the store's error.
func TestRunStopsWhenStoreFails(t *testing.T) {
	read := 0
	docs := func(yield func(*fetch.Document, error) bool) {
		for range 10_000 {
			read++
			if !yield(textDoc(fmt.Sprintf("d%d", read), "The trust cancelled 12 operations."), nil) {
				return
			}
		}
	}
	_, err := Run(context.Background(), Config{Extractor: newExtractor(t), Store: failingStore{}, BatchSize: 4, Workers: 2}, docs)
	require.ErrorContains(t, err, "store: disk full")
	assert.Less(t, read, 200, "the source stops soon after the store fails")
}

// gatedStore holds its first Put until released, and counts the records
// it was given.
type gatedStore struct {
	store.Store
	release chan struct{}
	puts    int
	records int
}

func (s *gatedStore) Put(_ context.Context, _ int64, recs []normalize.Record, _ []store.RawPage) error {
	if s.puts == 0 {
		<-s.release
	}
	s.puts++
	s.records += len(recs)
	return nil
}

func (s *gatedStore) Fail(context.Context, []store.Failure) error { return nil }

// TestRunStoresWhileExtracting: while a batch is being stored, the run goes
// on with the next inputs instead of waiting for the transaction.
func TestRunStoresWhileExtracting(t *testing.T) {
	var items []any
	for i := range 40 {
		items = append(items, textDoc(fmt.Sprintf("d%02d", i), "The trust cancelled 12 operations."))
	}
	st := &gatedStore{release: make(chan struct{})}
	progressed := make(chan struct{})
	var once sync.Once
	cfg := Config{Extractor: newExtractor(t), Store: st, BatchSize: 4, Workers: 2,
		OnProgress: func(s Stats) {
			// The first batch (4) is held in Put; a second fills and
			// waits to be handed over; results beyond both mean the
			// writer was not blocked by the first transaction.
			if s.Inputs == 10 {
				once.Do(func() { close(progressed) })
			}
		}}
	done := make(chan error, 1)
	go func() {
		_, err := Run(context.Background(), cfg, seqOf(items))
		done <- err
	}()
	select {
	case <-progressed:
	case <-time.After(time.Minute):
		t.Fatal("no input was handled while the first batch was being stored")
	}
	close(st.release)
	require.NoError(t, <-done)
	assert.Equal(t, 40, st.records)
}
