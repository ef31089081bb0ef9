package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

// counting wraps a store and counts Put calls; it can be told to fail.
type counting struct {
	store.Store
	mu   sync.Mutex
	puts int
	fail bool
}

func (c *counting) Put(ctx context.Context, run int64, recs []normalize.Record, raws []store.RawPage) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail {
		return errors.New("disk full")
	}
	c.puts++
	return c.Store.Put(ctx, run, recs, raws)
}

func TestBatcher(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "x.db"), sqlite.Options{})
	require.NoError(t, err)
	defer db.Close()
	c := &counting{Store: db}
	b := store.NewBatcher(c, 0, 10)

	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 25 {
				n := g*25 + i
				rec := storetest.Record(n)
				raw := &store.RawPage{URI: rec.Source.URI, URL: rec.URL, Kind: "http", Body: []byte(rec.Text)}
				assert.NoError(t, b.Add(ctx, rec, raw))
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 10, c.puts, "100 records in batches of 10")
	require.NoError(t, b.Flush(ctx))
	assert.Equal(t, 10, c.puts, "nothing left to flush")
	assert.Equal(t, 100, b.Written())

	sz, err := db.TableSizes(ctx)
	require.NoError(t, err)
	assert.EqualValues(t, 100, sz["articles"])
	assert.EqualValues(t, 100, sz["raw_pages"])
}

func TestBatcherKeepsFailedBatch(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "x.db"), sqlite.Options{})
	require.NoError(t, err)
	defer db.Close()
	c := &counting{Store: db, fail: true}
	b := store.NewBatcher(c, 0, 2)
	require.NoError(t, b.Add(ctx, storetest.Record(1), nil))
	require.Error(t, b.Add(ctx, storetest.Record(2), nil))
	require.Error(t, b.Flush(ctx))
	c.fail = false
	require.NoError(t, b.Flush(ctx))
	assert.Equal(t, 2, b.Written(), "the failed batch was written on retry")
}
