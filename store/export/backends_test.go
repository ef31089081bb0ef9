package export_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/export"
	"github.com/cuttings/cuttings/store/postgres"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

// TestBackendsAgree exports the same records from SQLite and PostgreSQL:
// every table in every format comes out byte for byte the same.
func TestBackendsAgree(t *testing.T) {
	dsn := os.Getenv("CUTTINGS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("set CUTTINGS_TEST_POSTGRES (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to compare with PostgreSQL")
	}
	ctx := context.Background()
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "x.db"), sqlite.Options{})
	require.NoError(t, err)
	defer lite.Close()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	pg, err := postgres.Open(ctx, dsn, postgres.Options{Schema: "cuttings_test_" + hex.EncodeToString(b)})
	require.NoError(t, err)
	defer func() {
		require.NoError(t, pg.DropSchema(ctx))
		_ = pg.Close()
	}()

	hostile := storetest.Record(7)
	hostile.Text = storetest.Hostile
	recs := []normalize.Record{storetest.Record(1), storetest.Record(3), hostile}
	for _, s := range []store.Store{lite, pg} {
		require.NoError(t, s.Put(ctx, 0, recs, nil))
	}
	for _, table := range export.Tables() {
		for _, format := range export.Formats() {
			var a, b bytes.Buffer
			require.NoError(t, export.Write(ctx, lite, table, format, &a))
			require.NoError(t, export.Write(ctx, pg, table, format, &b))
			assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "%s.%s differs", table, format)
		}
	}
}
