package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strings"
	"testing"

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
