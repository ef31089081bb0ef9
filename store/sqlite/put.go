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

	// Plan every statement, and prepare the ones this handle has not seen,
	// before taking the database lock.
	now := ts(db.now())
	var plan []op
	ids := make([][]any, len(pre))
	arts := make([][]any, len(pre))
	for i := range pre {
		p := &pre[i]
		ids[i] = []any{p.set.Article.ID}
		a := rows.Articles.Values(make([]any, 0, len(rows.Articles.Columns)+3), p.set.Article)
		arts[i] = append(a, nullID(runID), now, string(p.json))
	}
	plan = chunks(plan, "articles", arts, articleUpsert)
	for _, t := range rows.Children {
		// Replace the articles' child rows: delete them all, then insert the
		// batch's rows, many to a statement.
		plan = chunks(plan, t.Name, ids, func(n int) string {
			return `DELETE FROM ` + t.Name + ` WHERE article_id IN (` + marks(n) + `)`
		})
		var vals [][]any
		for i := range pre {
			for _, r := range rows.ChildRows(&pre[i].set, t.Name) {
				vals = append(vals, t.Values(make([]any, 0, len(t.Columns)), r))
			}
		}
		plan = chunks(plan, t.Name, vals, func(n int) string { return insertSQL(t, n) })
	}
	for i, a := range rawArgs {
		plan = append(plan, op{what: "raw page " + raws[i].URI, sql: rawUpsert, args: a})
	}
	stmts, err := db.prepare(ctx, plan)
	if err != nil {
		return err
	}

	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: put: begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	for i, o := range plan {
		var err error
		if st := stmts[i]; st != nil {
			_, err = tx.StmtContext(ctx, st).ExecContext(ctx, o.args...)
		} else {
			_, err = tx.ExecContext(ctx, o.sql, o.args...)
		}
		if err != nil {
			return fmt.Errorf("sqlite: put %s: %w", o.what, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: put: commit: %w", err)
	}
	return nil
}

// op is one statement of a Put.
type op struct {
	what string
	sql  string
	args []any
}

// maxStmts bounds the prepared statements a handle keeps: one per table
// and batch size seen.
const maxStmts = 128

// prepare returns, for each op, a statement prepared on the writer
// connection (nil when the cache is full). The multi-row statements are
// long: preparing them for every batch would cost more than running them.
// It must not be called inside a write transaction, which holds the
// writer's only connection.
func (db *DB) prepare(ctx context.Context, plan []op) ([]*sql.Stmt, error) {
	out := make([]*sql.Stmt, len(plan))
	db.mu.Lock()
	defer db.mu.Unlock()
	for i, o := range plan {
		st, ok := db.stmts[o.sql]
		if !ok {
			if len(db.stmts) >= maxStmts {
				continue
			}
			var err error
			if st, err = db.w.PrepareContext(ctx, o.sql); err != nil {
				return nil, fmt.Errorf("sqlite: put %s: prepare: %w", o.what, err)
			}
			db.stmts[o.sql] = st
		}
		out[i] = st
	}
	return out, nil
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
	body, enc := db.codec.Encode(p.Body, p.Gzip)
	return []any{p.URI, p.Kind, p.URL, fetched, nullStr(p.WARCRecordID), string(hj), p.ContentType,
		p.Format, meta, body, enc, int64(len(p.Body)), nullStr(p.ETag),
		nullStr(p.LastModified), nullID(runID)}, nil
}

// articleColumns are the articles table's columns: the row's, then the
// run, the time of the write and the record's JSON.
var articleColumns = append(rows.Articles.Names(), "run_id", "updated_at", "record")

// articleUpsert inserts n articles or replaces every column of the stored
// ones with the same ids.
func articleUpsert(n int) string {
	return upsertRows("articles", articleColumns, "id", n)
}

// chunkSizes are the numbers of rows one statement writes. Keeping to a few
// sizes lets each handle prepare every statement once, however the rows of
// a batch are spread over the tables.
var chunkSizes = []int{64, 32, 16, 8, 4, 2, 1}

// chunks appends to plan the statements sql(n) that write the rows of args,
// n of them at a time, n one of chunkSizes.
func chunks(plan []op, what string, args [][]any, sql func(n int) string) []op {
	for len(args) > 0 {
		n := 1
		for _, c := range chunkSizes {
			if c <= len(args) {
				n = c
				break
			}
		}
		var flat []any
		for _, a := range args[:n] {
			flat = append(flat, a...)
		}
		plan = append(plan, op{what: what, sql: sql(n), args: flat})
		args = args[n:]
	}
	return plan
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
