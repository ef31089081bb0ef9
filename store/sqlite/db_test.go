package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

func openTemp(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "cuttings.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, db.Close()) })
	return db
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestOpenOddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "news desk?#%20 50%")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	path := filepath.Join(dir, "cuttings.db")
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	require.NoError(t, err)
	require.NoError(t, db.Put(context.Background(), 0, []normalize.Record{storetest.Record(1)}, nil))
	require.NoError(t, db.Close())
	assert.FileExists(t, path, "the file is where the path says, not at an unescaped name")
}

func TestOpenBadFile(t *testing.T) {
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		wantErr error
	}{
		{name: "empty path", path: func(*testing.T) string { return "" }, wantErr: store.ErrInvalid},
		{name: "in memory", path: func(*testing.T) string { return ":memory:" }, wantErr: store.ErrInvalid},
		{name: "not a database", path: func(t *testing.T) string {
			p := filepath.Join(t.TempDir(), "page.db")
			require.NoError(t, os.WriteFile(p, []byte("<html>this is not SQLite; at all</html>\n"), 0o644))
			return p
		}},
		{name: "missing directory", path: func(t *testing.T) string {
			return filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db, err := sqlite.Open(context.Background(), tc.path(t), sqlite.Options{})
			require.Error(t, err)
			assert.Nil(t, db)
			if tc.wantErr != nil {
				assert.ErrorIs(t, err, tc.wantErr)
			}
		})
	}
}
