package postgres_test

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/postgres"
	"github.com/cuttings/cuttings/store/storetest"
)

// TestWorkers opens three handles on one new schema at once (as three
// workers starting together would: the migration must run once) and has
// them write overlapping batches concurrently: no error, no lost or
// duplicated row.
func TestWorkers(t *testing.T) {
	dsn := testDSN(t)
	first := openTemp(t)
	schema := first.Schema()
	require.NoError(t, first.DropSchema(context.Background())) // start from nothing
	ctx := context.Background()

	var handles [3]*postgres.DB
	var wg sync.WaitGroup
	for i := range handles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema})
			assert.NoError(t, err)
			handles[i] = db
		}()
	}
	wg.Wait()
	for _, h := range handles {
		require.NotNil(t, h)
		t.Cleanup(func() { _ = h.Close() })
	}

	const each, batch = 120, 10
	errs := make(chan error, 3*4)
	for h, db := range handles {
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var recs []normalize.Record
				for i := range each {
					// Every third record is written by every goroutine, in
					// a different order, so batches contend for rows.
					n := ((h*4+g)*each + i)
					if i%3 == 0 {
						n = (i*7 + g) % each
					}
					recs = append(recs, storetest.Record(n))
					if len(recs) == batch {
						if err := db.Put(ctx, 0, recs, nil); err != nil {
							errs <- err
							return
						}
						recs = recs[:0]
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	want := map[string]bool{}
	for h := range 3 {
		for g := range 4 {
			for i := range each {
				n := ((h*4+g)*each + i)
				if i%3 == 0 {
					n = (i*7 + g) % each
				}
				want[storetest.Record(n).ID] = true
			}
		}
	}
	sz, err := handles[0].TableSizes(ctx)
	require.NoError(t, err)
	assert.EqualValues(t, len(want), sz["articles"])
	assert.EqualValues(t, 2*len(want), sz["claims"])
	assert.EqualValues(t, len(want), sz["quotes"])
}
