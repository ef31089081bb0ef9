package open_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/open"
	"github.com/cuttings/cuttings/store/postgres"
	"github.com/cuttings/cuttings/store/sqlite"
)

func TestBackend(t *testing.T) {
	tests := []struct {
		dsn  string
		want string
	}{
		{dsn: "postgres://postgres@127.0.0.1:5432/test", want: "postgres"},
		{dsn: "POSTGRESQL://u@h/db", want: "postgres"},
		{dsn: "cuttings.db", want: "sqlite"},
		{dsn: "sqlite:out/cuttings.db", want: "sqlite"},
		{dsn: "/var/data/postgres://odd.db", want: "sqlite"},
	}
	for _, tc := range tests {
		t.Run(tc.dsn, func(t *testing.T) {
			assert.Equal(t, tc.want, open.Backend(tc.dsn))
		})
	}
}

func TestOpenSQLite(t *testing.T) {
	dir := t.TempDir()
	for _, dsn := range []string{filepath.Join(dir, "a.db"), "sqlite:" + filepath.Join(dir, "b.db"),
		"sqlite://" + filepath.Join(dir, "c.db")} {
		s, err := open.Open(context.Background(), dsn, store.Options{})
		require.NoError(t, err, dsn)
		assert.IsType(t, &sqlite.DB{}, s)
		require.NoError(t, s.Close())
	}
	for _, name := range []string{"a.db", "b.db", "c.db"} {
		assert.FileExists(t, filepath.Join(dir, name))
	}
}

func TestOpenEmpty(t *testing.T) {
	_, err := open.Open(context.Background(), " ", store.Options{})
	require.ErrorIs(t, err, store.ErrInvalid)
}

func TestOpenPostgres(t *testing.T) {
	dsn := os.Getenv("CUTTINGS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("set CUTTINGS_TEST_POSTGRES (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run the PostgreSQL tests")
	}
	s, err := open.Open(context.Background(), dsn, store.Options{Schema: "cuttings_test_open"})
	require.NoError(t, err)
	pg, ok := s.(*postgres.DB)
	require.True(t, ok)
	assert.Equal(t, "cuttings_test_open", pg.Schema())
	require.NoError(t, pg.DropSchema(context.Background()))
	require.NoError(t, s.Close())
}
