package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/codec"
	"github.com/cuttings/cuttings/store/internal/rows"
)

// Put upserts recs and raws in one transaction; see store.Store. All the
// statements go to the server in one batch (one round trip).
func (db *DB) Put(ctx context.Context, runID int64, recs []normalize.Record, raws []store.RawPage) error {
	if len(recs) == 0 && len(raws) == 0 {
		return nil
	}
	for i := range recs {
		if recs[i].ID == "" {
			return fmt.Errorf("postgres: put record %d (%s): %w: empty id", i, recs[i].URL, store.ErrInvalid)
		}
	}
	for i := range raws {
		if raws[i].URI == "" {
			return fmt.Errorf("postgres: put raw page %d (%s): %w: empty uri", i, raws[i].URL, store.ErrInvalid)
		}
	}
	// Articles are upserted in id order (so concurrent batches lock them in
	// the same order), their old child rows deleted, then the new child
	// rows copied in with COPY, all in one transaction.
	b := &pgx.Batch{}
	now := db.now()
	latest := rows.Latest(recs)
	ids := make([]string, len(latest))
	child := make(map[string][][]any, len(rows.Children))
	for i, rec := range latest {
		set, err := rows.Build(rec, codec.PGText)
		if err != nil {
			return fmt.Errorf("postgres: put %s: %w", rec.ID, err)
		}
		js, err := json.Marshal(rec)
		if err != nil {
			return fmt.Errorf("postgres: put %s: %w", rec.ID, err)
		}
		ids[i] = set.Article.ID
		args := rows.Articles.Values(make([]any, 0, len(rows.Articles.Columns)+3), set.Article)
		args = append(args, nullID(runID), now, string(js))
		b.Queue(articleUpsert, args...)
		for _, t := range rows.Children {
			for _, r := range rows.ChildRows(&set, t.Name) {
				child[t.Name] = append(child[t.Name], t.Values(make([]any, 0, len(t.Columns)), r))
			}
		}
	}
	if len(ids) > 0 {
		for _, t := range rows.Children {
			b.Queue(`DELETE FROM `+t.Name+` WHERE article_id = ANY($1)`, ids)
		}
	}
	sorted := slices.Clone(raws)
	slices.SortStableFunc(sorted, func(a, b store.RawPage) int { return cmp.Compare(a.URI, b.URI) })
	for _, p := range sorted {
		args, err := db.rawArgs(runID, p)
		if err != nil {
			return err
		}
		b.Queue(rawUpsert, args...)
	}
	return db.inTx(ctx, "put", func(tx pgx.Tx) error {
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		for _, t := range rows.Children {
			vals := child[t.Name]
			if len(vals) == 0 {
				continue
			}
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.Name}, t.Names(), pgx.CopyFromRows(vals)); err != nil {
				return fmt.Errorf("copy %s: %w", t.Name, err)
			}
		}
		return nil
	})
}

func (db *DB) rawArgs(runID int64, p store.RawPage) ([]any, error) {
	hdr := p.Header
	if hdr == nil {
		hdr = map[string][]string{}
	}
	hj, err := json.Marshal(hdr)
	if err != nil {
		return nil, fmt.Errorf("postgres: put raw page %s: header: %w", p.URI, err)
	}
	meta := codec.MetaJSON(p.MetaJSON)
	body, enc := db.codec.Encode(p.Body, p.Gzip)
	return []any{codec.PGText(p.URI), codec.PGText(p.Kind), codec.PGText(p.URL), nullTime(p.FetchedAt),
		nullStr(p.WARCRecordID), string(hj), codec.PGText(p.ContentType), codec.PGText(p.Format), meta,
		body, enc, int64(len(p.Body)), nullStr(p.ETag),
		nullStr(p.LastModified), nullID(runID)}, nil
}

var articleUpsert = upsertSQL("articles", append(rows.Articles.Names(), "run_id", "updated_at", "record"), "id")

var rawUpsert = upsertSQL("raw_pages", []string{"uri", "kind", "url", "fetched_at", "warc_record_id",
	"headers", "content_type", "format", "meta", "body", "body_encoding", "body_size", "etag",
	"last_modified", "run_id"}, "uri")

func placeholders(n int) string {
	p := make([]string, n)
	for i := range p {
		p[i] = fmt.Sprintf("$%d", i+1)
	}
	return strings.Join(p, ", ")
}

func upsertSQL(table string, cols []string, key string) string {
	var set []string
	for _, c := range cols {
		if c != key {
			set = append(set, c+" = excluded."+c)
		}
	}
	return `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES (` + placeholders(len(cols)) +
		`) ON CONFLICT (` + key + `) DO UPDATE SET ` + strings.Join(set, ", ")
}
