package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/internal/rows"
	"github.com/cuttings/cuttings/store/storetest"
)

func open(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func columns(t *testing.T, db *DB, table string) []string {
	t.Helper()
	rs, err := db.r.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
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

// TestSchemaMatchesRows checks that the migrations create the columns the
// row types (and so the exports) have, in the same order.
func TestSchemaMatchesRows(t *testing.T) {
	db := open(t)
	assert.Equal(t, articleColumns, columns(t, db, "articles"))
	for _, tb := range rows.Children {
		assert.Equal(t, tb.Names(), columns(t, db, tb.Name), tb.Name)
	}
	var version int
	require.NoError(t, db.r.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&version))
	assert.Equal(t, len(migrations), version)

	var mode string
	require.NoError(t, db.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode))
	assert.Equal(t, "wal", mode)
	var fk int
	require.NoError(t, db.w.QueryRow(`PRAGMA foreign_keys`).Scan(&fk))
	assert.Equal(t, 1, fk)
}

// TestReopen applies no migration twice and keeps the data.
func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	ctx := context.Background()
	db, err := Open(ctx, path, Options{})
	require.NoError(t, err)
	require.NoError(t, db.Put(ctx, 0, []normalize.Record{storetest.Record(1)}, nil))
	require.NoError(t, db.Close())
	db, err = Open(ctx, path, Options{})
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n))
	assert.Equal(t, len(migrations), n)
	done, err := db.Done(ctx, storetest.Record(1).Source.URI)
	require.NoError(t, err)
	assert.True(t, done)
}

// TestDeskQueries runs the kind of SQL a data desk writes against the file.
func TestDeskQueries(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	require.NoError(t, db.Put(ctx, 0, []normalize.Record{storetest.Record(1), storetest.Record(3)}, nil))

	// Claims per trust code with the article's URL and date.
	var code, url string
	var total float64
	require.NoError(t, db.r.QueryRow(`SELECT c.subject_code, a.url, sum(c.value)
FROM claims c JOIN articles a ON a.id = c.article_id
WHERE c.subject_code = 'RXX' AND a.published IS NOT NULL GROUP BY 1, 2`).Scan(&code, &url, &total))
	assert.Equal(t, "RXX", code)
	assert.Equal(t, storetest.Record(1).URL, url)
	assert.EqualValues(t, 1200, total)

	// Unknown values are NULL, not empty strings.
	var nulls int
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM articles WHERE published IS NULL`).Scan(&nulls))
	assert.Equal(t, 1, nulls)
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM quotes WHERE speaker_organisation IS NULL`).Scan(&nulls))
	assert.Equal(t, 2, nulls)

	// List columns are JSON arrays SQLite's JSON functions can read.
	var title string
	require.NoError(t, db.r.QueryRow(`SELECT j.value FROM people p, json_each(p.titles) j LIMIT 1`).Scan(&title))
	assert.Equal(t, "Dr", title)

	// Deleting an article removes its items.
	_, err := db.w.Exec(`DELETE FROM articles WHERE id = ?`, storetest.Record(1).ID)
	require.NoError(t, err)
	var left int
	require.NoError(t, db.r.QueryRow(`SELECT count(*) FROM claims`).Scan(&left))
	assert.Equal(t, 2, left)
}

// TestMigrateFromVersion1 opens a file made by a build that knew only
// migration 1: the later migrations are applied and the data kept.
func TestMigrateFromVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	ctx := context.Background()
	old, err := sql.Open("sqlite", "file:"+path)
	require.NoError(t, err)
	_, err = old.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`)
	require.NoError(t, err)
	_, err = old.Exec(migrations[0])
	require.NoError(t, err)
	_, err = old.Exec(`INSERT INTO schema_migrations VALUES (1, '2026-01-01T00:00:00Z')`)
	require.NoError(t, err)
	_, err = old.Exec(`INSERT INTO articles (id, url, site, title, authors, language, text, warnings, source_uri,
source_kind, updated_at, record) VALUES ('a', 'https://x.example/a', '', '', '[]', 'en', 'old text', '[]',
'https://x.example/a', 'http', '2026-01-01T00:00:00Z', '{"id":"a","text":"old text"}')`)
	require.NoError(t, err)
	_, err = old.Exec(`INSERT INTO organisations (article_id, url, ord, name, kind, mention_count, mentions)
VALUES ('a', 'https://x.example/a', 0, 'Old Trust', 'nhs-trust', 0, '[]')`)
	require.NoError(t, err)
	require.NoError(t, old.Close())

	db, err := Open(ctx, path, Options{})
	require.NoError(t, err)
	defer db.Close()
	var version int
	require.NoError(t, db.r.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&version))
	assert.Equal(t, len(migrations), version)
	assert.Equal(t, rows.Organisations.Names(), columns(t, db, "organisations"))
	var name string
	var ods sql.NullString
	require.NoError(t, db.r.QueryRow(`SELECT name, ods_code FROM organisations`).Scan(&name, &ods))
	assert.Equal(t, "Old Trust", name)
	assert.False(t, ods.Valid, "new column is NULL for old rows")
	for rec, err := range db.Records(ctx) {
		require.NoError(t, err)
		assert.Equal(t, "old text", rec.Text)
	}
	require.NoError(t, db.Put(ctx, 0, []normalize.Record{storetest.Record(1)}, nil))
}
