package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/rows"
	"github.com/cuttings/cuttings/store/storetest"
)

func open(t *testing.T) *DB {
	t.Helper()
	dsn := os.Getenv("CUTTINGS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("set CUTTINGS_TEST_POSTGRES (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run the PostgreSQL tests")
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	db, err := Open(context.Background(), dsn, Options{Schema: "cuttings_test_" + hex.EncodeToString(b)})
	require.NoError(t, err)
	t.Cleanup(func() {
		require.NoError(t, db.DropSchema(context.Background()))
		_ = db.Close()
	})
	return db
}

func columns(t *testing.T, db *DB, table string) []string {
	t.Helper()
	rs, err := db.pool.Query(context.Background(), `SELECT column_name FROM information_schema.columns
WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, db.schema, table)
	require.NoError(t, err)
	defer rs.Close()
	var out []string
	for rs.Next() {
		var n string
		require.NoError(t, rs.Scan(&n))
		out = append(out, n)
	}
	require.NoError(t, rs.Err())
	return out
}

func TestSchemaMatchesRows(t *testing.T) {
	db := open(t)
	assert.Equal(t, append(rows.Articles.Names(), "run_id", "updated_at", "record"), columns(t, db, "articles"))
	for _, tb := range rows.Children {
		assert.Equal(t, tb.Names(), columns(t, db, tb.Name), tb.Name)
	}
	var version int
	require.NoError(t, db.pool.QueryRow(context.Background(), `SELECT max(version) FROM schema_migrations`).Scan(&version))
	assert.Equal(t, len(migrations), version)
}

// TestNULAndInvalidUTF8 stores text PostgreSQL's text type cannot hold: the
// record comes back exactly, the columns hold a repaired copy.
func TestNULAndInvalidUTF8(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	rec := storetest.Record(1)
	rec.Text = "before\x00after"
	rec.Authors = []string{"Nul\x00Name", "Bad \xff Byte"}
	rec.Quotes[0].Speaker = "Sp\x00eaker"
	require.NoError(t, db.Put(ctx, 0, []normalize.Record{rec}, nil))
	for got, err := range db.Records(ctx) {
		require.NoError(t, err)
		assert.Equal(t, "before\x00after", got.Text)
		assert.Equal(t, "Nul\x00Name", got.Authors[0], "record JSON kept")
	}
	var text, speaker string
	require.NoError(t, db.pool.QueryRow(ctx, `SELECT text FROM articles`).Scan(&text))
	assert.Equal(t, "beforeafter", text)
	require.NoError(t, db.pool.QueryRow(ctx, `SELECT speaker FROM quotes`).Scan(&speaker))
	assert.Equal(t, "Speaker", speaker)
	var author string
	require.NoError(t, db.pool.QueryRow(ctx, `SELECT authors->>1 FROM articles`).Scan(&author))
	assert.Equal(t, "Bad \uFFFD Byte", author)

	require.NoError(t, db.Fail(ctx, []store.Failure{{Input: "in\x00put", Stage: "fetch", Reason: "bad \xff byte"}}))
	fs, err := db.Failures(ctx, -1)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, "bad \uFFFD byte", fs[0].Reason)
}
