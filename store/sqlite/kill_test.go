package sqlite_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

// TestKilledWriter kills (SIGKILL) a process in the middle of writing
// batches: the file opens again, every committed batch is whole, nothing of
// the interrupted batch is visible, and writing carries on.
func TestKilledWriter(t *testing.T) {
	if path := os.Getenv("CUTTINGS_SQLITE_KILL_PATH"); path != "" {
		writeForever(t, path)
		return
	}
	if testing.Short() {
		t.Skip("spawns a process")
	}
	path := filepath.Join(t.TempDir(), "killed.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CUTTINGS_SQLITE_KILL_PATH="+path)
	require.NoError(t, cmd.Start())
	ctx := context.Background()

	// Wait until some batches are committed, then kill without warning.
	deadline := time.Now().Add(60 * time.Second)
	for {
		time.Sleep(100 * time.Millisecond)
		if n := countArticles(t, path); n >= 200 || time.Now().After(deadline) {
			break
		}
	}
	require.NoError(t, cmd.Process.Kill())
	_ = cmd.Wait()

	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	defer db.Close()
	sz, err := db.TableSizes(ctx)
	require.NoError(t, err)
	n := sz["articles"]
	assert.GreaterOrEqual(t, n, int64(200))
	assert.Zero(t, n%50, "only whole batches of 50 are visible, got %d", n)
	assert.Equal(t, 2*n, sz["claims"], "every article has all its claims")
	assert.Equal(t, n, sz["quotes"])

	// The next run skips what is done and writes the rest.
	done, err := db.Done(ctx, storetest.Record(0).Source.URI)
	require.NoError(t, err)
	assert.True(t, done)
	require.NoError(t, db.Put(ctx, 0, []normalize.Record{storetest.Record(int(n) + 1)}, nil))
}

func countArticles(t *testing.T, path string) int64 {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		return 0
	}
	defer db.Close()
	sz, err := db.TableSizes(context.Background())
	if err != nil {
		return 0
	}
	return sz["articles"]
}

func writeForever(t *testing.T, path string) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	for i := 0; ; i += 50 {
		recs := make([]normalize.Record, 50)
		for j := range recs {
			recs[j] = storetest.Record(i + j)
		}
		require.NoError(t, db.Put(ctx, 0, recs, nil))
	}
}
