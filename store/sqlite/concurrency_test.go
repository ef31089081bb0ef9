package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

// writeRange puts records [from, from+n) in batches of batch, and logs a
// failure per batch, as a pipeline would.
func writeRange(ctx context.Context, s store.Store, run int64, from, n, batch int) error {
	var recs []normalize.Record
	for i := from; i < from+n; i++ {
		recs = append(recs, storetest.Record(i))
		if len(recs) == batch || i == from+n-1 {
			if err := s.Put(ctx, run, recs, nil); err != nil {
				return err
			}
			if err := s.Fail(ctx, []store.Failure{{RunID: run, Input: fmt.Sprintf("in-%d", i), Stage: "extract", Reason: "test"}}); err != nil {
				return err
			}
			recs = recs[:0]
		}
	}
	return nil
}

// TestTwoHandles writes to one file through two handles (as two processes
// would) from many goroutines at once: every write succeeds and no row is
// lost or duplicated.
func TestTwoHandles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	ctx := context.Background()
	// Both handles open (and race to migrate) the new file at once.
	var handles [2]*sqlite.DB
	var wg sync.WaitGroup
	for i := range handles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			db, err := sqlite.Open(ctx, path, sqlite.Options{})
			assert.NoError(t, err)
			handles[i] = db
		}()
	}
	wg.Wait()
	for _, h := range handles {
		require.NotNil(t, h)
		t.Cleanup(func() { _ = h.Close() })
	}

	const goroutines, each, batch = 6, 60, 7
	errs := make(chan error, 2*goroutines)
	for h, db := range handles {
		run, err := db.BeginRun(ctx, store.Run{Command: fmt.Sprintf("handle %d", h)})
		require.NoError(t, err)
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				from := (h*goroutines + g) * each
				if err := writeRange(ctx, db, run, from, each, batch); err != nil {
					errs <- err
				}
			}()
			// Readers run alongside the writers.
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, err := range db.Records(ctx) {
					if err != nil {
						errs <- err
						return
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
	sz, err := handles[0].TableSizes(ctx)
	require.NoError(t, err)
	total := int64(2 * goroutines * each)
	assert.Equal(t, total, sz["articles"])
	assert.Equal(t, 2*total, sz["claims"])
	batches := int64(2 * goroutines * ((each + batch - 1) / batch))
	assert.Equal(t, batches, sz["failures"])
}

// TestTwoProcesses runs two copies of this test binary writing to the same
// file at once.
func TestTwoProcesses(t *testing.T) {
	if os.Getenv("CUTTINGS_SQLITE_CHILD_PATH") != "" {
		child(t)
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	path := filepath.Join(t.TempDir(), "shared.db")
	const n = 400
	var cmds []*exec.Cmd
	for i := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcesses$", "-test.count=1")
		cmd.Env = append(os.Environ(), "CUTTINGS_SQLITE_CHILD_PATH="+path,
			"CUTTINGS_SQLITE_CHILD_FROM="+strconv.Itoa(i*n), "CUTTINGS_SQLITE_CHILD_N="+strconv.Itoa(n))
		require.NoError(t, cmd.Start())
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		require.NoError(t, cmd.Wait(), "child %d", i)
	}
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	require.NoError(t, err)
	defer db.Close()
	sz, err := db.TableSizes(context.Background())
	require.NoError(t, err)
	assert.EqualValues(t, 2*n, sz["articles"])
	assert.EqualValues(t, 2, sz["runs"])
	fs, err := db.Failures(context.Background(), -1)
	require.NoError(t, err)
	assert.Len(t, fs, 2*((n+4)/5))
}

func child(t *testing.T) {
	ctx := context.Background()
	from, _ := strconv.Atoi(os.Getenv("CUTTINGS_SQLITE_CHILD_FROM"))
	n, _ := strconv.Atoi(os.Getenv("CUTTINGS_SQLITE_CHILD_N"))
	db, err := sqlite.Open(ctx, os.Getenv("CUTTINGS_SQLITE_CHILD_PATH"), sqlite.Options{})
	require.NoError(t, err)
	defer db.Close()
	run, err := db.BeginRun(ctx, store.Run{Command: "child"})
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- writeRange(ctx, db, run, from+g*n/4, n/4, 5)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.NoError(t, db.EndRun(ctx, store.Run{ID: run, Records: n}))
}
