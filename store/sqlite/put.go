package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/codec"
	"github.com/cuttings/cuttings/store/internal/rows"
)

// Put upserts recs and raws in one transaction; see store.Store.
func (db *DB) Put(ctx context.Context, runID int64, recs []normalize.Record, raws []store.RawPage) error {
	if len(recs) == 0 && len(raws) == 0 {
		return nil
	}
	// Flatten and encode before taking the lock, so the write transaction is
	// as short as it can be.
	type prepared struct {
		set  rows.Set
		json []byte
	}
	for i := range recs {
		if recs[i].ID == "" {
			return fmt.Errorf("sqlite: put record %d (%s): %w: empty id", i, recs[i].URL, store.ErrInvalid)
		}
	}
	latest := rows.Latest(recs)
	pre := make([]prepared, len(latest))
	for i, rec := range latest {
		set, err := rows.Build(rec, nil)
		if err != nil {
			return fmt.Errorf("sqlite: put %s: %w", rec.ID, err)
		}
		js, err := json.Marshal(rec)
		if err != nil {
			return fmt.Errorf("sqlite: put %s: %w", rec.ID, err)
		}
		pre[i] = prepared{set: set, json: js}
	}
	rawArgs := make([][]any, len(raws))
	for i, p := range raws {
		if p.URI == "" {
			return fmt.Errorf("sqlite: put raw page %d (%s): %w: empty uri", i, p.URL, store.ErrInvalid)
		}
		a, err := db.rawArgs(runID, p)
		if err != nil {
			return err
		}
		rawArgs[i] = a
	}

	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: put: begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()

	now := ts(db.now())
	ids := make([]any, len(pre))
	arts := make([][]any, len(pre))
	for i := range pre {
		p := &pre[i]
		ids[i] = p.set.Article.ID
		a := rows.Articles.Values(make([]any, 0, len(rows.Articles.Columns)+3), p.set.Article)
		arts[i] = append(a, nullID(runID), now, string(p.json))
	}
	if err := execChunks(ctx, tx, articleCols, arts, articleUpsert); err != nil {
		return fmt.Errorf("sqlite: put articles: %w", err)
	}
	for _, t := range rows.Children {
		// Replace the articles' child rows: delete them all, then insert the
		// batch's rows, many to a statement.
		if err := execChunks(ctx, tx, 1, [][]any{ids}, func(n int) string {
			return `DELETE FROM ` + t.Name + ` WHERE article_id IN (` + marks(n) + `)`
		}); err != nil {
			return fmt.Errorf("sqlite: put %s: %w", t.Name, err)
		}
		var vals [][]any
		for i := range pre {
			for _, r := range rows.ChildRows(&pre[i].set, t.Name) {
				vals = append(vals, t.Values(make([]any, 0, len(t.Columns)), r))
			}
		}
		if err := execChunks(ctx, tx, len(t.Columns), vals, func(n int) string { return insertSQL(t, n) }); err != nil {
			return fmt.Errorf("sqlite: put %s: %w", t.Name, err)
		}
	}
	if len(rawArgs) > 0 {
		rs, err := tx.PrepareContext(ctx, rawUpsert)
		if err != nil {
			return fmt.Errorf("sqlite: put: %w", err)
		}
		defer rs.Close()
		for i, a := range rawArgs {
			if _, err := rs.ExecContext(ctx, a...); err != nil {
				return fmt.Errorf("sqlite: put raw page %s: %w", raws[i].URI, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: put: commit: %w", err)
	}
	return nil
}

func (db *DB) rawArgs(runID int64, p store.RawPage) ([]any, error) {
	hdr := p.Header
	if hdr == nil {
		hdr = map[string][]string{}
	}
	hj, err := json.Marshal(hdr)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put raw page %s: header: %w", p.URI, err)
	}
	meta := codec.MetaJSON(p.MetaJSON)
	var fetched any
	if !p.FetchedAt.IsZero() {
		fetched = ts(p.FetchedAt)
	}
	body := db.codec.Compress(p.Body)
	return []any{p.URI, p.Kind, p.URL, fetched, nullStr(p.WARCRecordID), string(hj), p.ContentType,
		p.Format, meta, body, codec.Encoding, int64(len(p.Body)), nullStr(p.ETag),
		nullStr(p.LastModified), nullID(runID)}, nil
}

// articleColumns are the articles table's columns: the row's, then the
// run, the time of the write and the record's JSON.
var articleColumns = append(rows.Articles.Names(), "run_id", "updated_at", "record")

var articleCols = len(articleColumns)

// articleUpsert inserts n articles or replaces every column of the stored
// ones with the same ids.
func articleUpsert(n int) string {
	return upsertRows("articles", articleColumns, "id", n)
}

// maxVars bounds the parameters of one statement (SQLite allows 32766).
const maxVars = 30000

// execChunks executes sql(n) for the rows of args, as many rows per
// statement as maxVars allows. With width 1 and one row of args, the row's
// values are the parameters, chunked the same way.
func execChunks(ctx context.Context, tx *sql.Tx, width int, args [][]any, sql func(n int) string) error {
	if width == 1 && len(args) == 1 {
		flat := args[0]
		args = make([][]any, len(flat))
		for i, v := range flat {
			args[i] = []any{v}
		}
	}
	per := max(1, maxVars/width)
	flat := make([]any, 0, min(len(args), per)*width)
	for len(args) > 0 {
		n := min(len(args), per)
		flat = flat[:0]
		for _, a := range args[:n] {
			flat = append(flat, a...)
		}
		if _, err := tx.ExecContext(ctx, sql(n), flat...); err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}

// marks returns n comma-separated placeholders.
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// tuples returns n parenthesised groups of width placeholders.
func tuples(n, width int) string {
	one := "(" + marks(width) + ")"
	return strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
}

var rawUpsert = upsertRows("raw_pages", []string{"uri", "kind", "url", "fetched_at", "warc_record_id",
	"headers", "content_type", "format", "meta", "body", "body_encoding", "body_size", "etag",
	"last_modified", "run_id"}, "uri", 1)

func insertSQL(t rows.Table, n int) string {
	cols := t.Names()
	return `INSERT INTO ` + t.Name + ` (` + strings.Join(cols, ", ") + `) VALUES ` + tuples(n, len(cols))
}

func upsertRows(table string, cols []string, key string, n int) string {
	var set []string
	for _, c := range cols {
		if c != key {
			set = append(set, c+" = excluded."+c)
		}
	}
	return `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES ` + tuples(n, len(cols)) +
		` ON CONFLICT (` + key + `) DO UPDATE SET ` + strings.Join(set, ", ")
}
