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
	artStmt, err := tx.PrepareContext(ctx, articleUpsert)
	if err != nil {
		return fmt.Errorf("sqlite: put: %w", err)
	}
	defer artStmt.Close()
	child := make(map[string]*sql.Stmt, len(rows.Children))
	del := make(map[string]*sql.Stmt, len(rows.Children))
	for _, t := range rows.Children {
		s, err := tx.PrepareContext(ctx, insertSQL(t))
		if err != nil {
			return fmt.Errorf("sqlite: put: %w", err)
		}
		defer s.Close()
		child[t.Name] = s
		d, err := tx.PrepareContext(ctx, `DELETE FROM `+t.Name+` WHERE article_id = ?`)
		if err != nil {
			return fmt.Errorf("sqlite: put: %w", err)
		}
		defer d.Close()
		del[t.Name] = d
	}

	args := make([]any, 0, 32)
	for i := range pre {
		p := &pre[i]
		id := p.set.Article.ID
		args = rows.Articles.Values(args[:0], p.set.Article)
		args = append(args, nullID(runID), now, string(p.json))
		if _, err := artStmt.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("sqlite: put article %s: %w", id, err)
		}
		for _, t := range rows.Children {
			if _, err := del[t.Name].ExecContext(ctx, id); err != nil {
				return fmt.Errorf("sqlite: put %s of %s: %w", t.Name, id, err)
			}
			for _, r := range rows.ChildRows(&p.set, t.Name) {
				args = t.Values(args[:0], r)
				if _, err := child[t.Name].ExecContext(ctx, args...); err != nil {
					return fmt.Errorf("sqlite: put %s of %s: %w", t.Name, id, err)
				}
			}
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
	var meta any
	if len(p.MetaJSON) > 0 {
		meta = string(p.MetaJSON)
	}
	var fetched any
	if !p.FetchedAt.IsZero() {
		fetched = ts(p.FetchedAt)
	}
	body := db.codec.Compress(p.Body)
	return []any{p.URI, p.Kind, p.URL, fetched, nullStr(p.WARCRecordID), string(hj), p.ContentType,
		p.Format, meta, body, codec.Encoding, int64(len(p.Body)), nullStr(p.ETag),
		nullStr(p.LastModified), nullID(runID)}, nil
}

// articleUpsert inserts an article or replaces every column of the stored
// one with the same id.
var articleUpsert = upsertSQL("articles", append(rows.Articles.Names(), "run_id", "updated_at", "record"), "id")

var rawUpsert = upsertSQL("raw_pages", []string{"uri", "kind", "url", "fetched_at", "warc_record_id",
	"headers", "content_type", "format", "meta", "body", "body_encoding", "body_size", "etag",
	"last_modified", "run_id"}, "uri")

func insertSQL(t rows.Table) string {
	cols := t.Names()
	return `INSERT INTO ` + t.Name + ` (` + strings.Join(cols, ", ") + `) VALUES (` +
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
}

func upsertSQL(table string, cols []string, key string) string {
	var set []string
	for _, c := range cols {
		if c != key {
			set = append(set, c+" = excluded."+c)
		}
	}
	return `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (` +
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `) ON CONFLICT (` + key +
		`) DO UPDATE SET ` + strings.Join(set, ", ")
}
