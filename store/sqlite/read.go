package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"
	"strings"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/codec"
	"github.com/cuttings/cuttings/store/internal/rows"
)

// page is how many rows each query of an iterator fetches. Iterators page
// by key instead of holding one long read transaction open, so a caller may
// write while iterating and the WAL can be checkpointed meanwhile.
const page = 256

// Records iterates over all stored records in id order.
func (db *DB) Records(ctx context.Context) iter.Seq2[normalize.Record, error] {
	return rows.Paged(page, func(r normalize.Record) string { return r.ID },
		func(after string, n int) ([]normalize.Record, error) { return db.recordPage(ctx, after, n) })
}

func (db *DB) recordPage(ctx context.Context, after string, n int) ([]normalize.Record, error) {
	rs, err := db.r.QueryContext(ctx, `SELECT id, record FROM articles WHERE id > ? ORDER BY id LIMIT ?`, after, n)
	if err != nil {
		return nil, fmt.Errorf("sqlite: records: %w", err)
	}
	defer rs.Close()
	out := make([]normalize.Record, 0, n)
	for rs.Next() {
		var id string
		var js []byte
		if err := rs.Scan(&id, &js); err != nil {
			return nil, fmt.Errorf("sqlite: records: %w", err)
		}
		var r normalize.Record
		if err := json.Unmarshal(js, &r); err != nil {
			return nil, fmt.Errorf("sqlite: record %s: %w", id, err)
		}
		// The row's key is what paging continues from, even if the stored
		// JSON disagrees.
		r.ID = id
		out = append(out, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: records: %w", err)
	}
	return out, nil
}

const rawCols = `uri, kind, url, fetched_at, warc_record_id, headers, content_type, format, meta, body, body_encoding, etag, last_modified`

// Raw iterates over all stored raw pages in URI order.
func (db *DB) Raw(ctx context.Context) iter.Seq2[store.RawPage, error] {
	return rows.Paged(32, func(p store.RawPage) string { return p.URI },
		func(after string, n int) ([]store.RawPage, error) {
			return db.rawQuery(ctx, `SELECT `+rawCols+` FROM raw_pages WHERE uri > ? ORDER BY uri LIMIT ?`, after, n)
		})
}

// RawByURL returns the most recently fetched raw page for url.
func (db *DB) RawByURL(ctx context.Context, url string) (store.RawPage, error) {
	ps, err := db.rawQuery(ctx, `SELECT `+rawCols+` FROM raw_pages WHERE url = ? ORDER BY fetched_at DESC, uri LIMIT 1`, url)
	if err != nil {
		return store.RawPage{}, err
	}
	if len(ps) == 0 {
		return store.RawPage{}, fmt.Errorf("sqlite: raw page for %s: %w", url, store.ErrNotFound)
	}
	return ps[0], nil
}

func (db *DB) rawQuery(ctx context.Context, q string, args ...any) ([]store.RawPage, error) {
	rs, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: raw pages: %w", err)
	}
	defer rs.Close()
	var out []store.RawPage
	for rs.Next() {
		var p store.RawPage
		var fetched, warc, meta, etag, lm sql.NullString
		var hdr, enc string
		var body []byte
		if err := rs.Scan(&p.URI, &p.Kind, &p.URL, &fetched, &warc, &hdr, &p.ContentType, &p.Format,
			&meta, &body, &enc, &etag, &lm); err != nil {
			return nil, fmt.Errorf("sqlite: raw pages: %w", err)
		}
		if p.FetchedAt, err = parseTS(fetched); err != nil {
			return nil, err
		}
		p.WARCRecordID, p.ETag, p.LastModified = warc.String, etag.String, lm.String
		if meta.Valid {
			p.MetaJSON = []byte(meta.String)
		}
		if err := json.Unmarshal([]byte(hdr), &p.Header); err != nil {
			return nil, fmt.Errorf("sqlite: raw page %s: headers: %w", p.URI, err)
		}
		if enc == codec.Gzip {
			p.Gzip = body
		}
		if p.Body, err = db.codec.Decompress(body, enc); err != nil {
			return nil, fmt.Errorf("sqlite: raw page %s: %w", p.URI, err)
		}
		out = append(out, p)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: raw pages: %w", err)
	}
	return out, nil
}

// Claims lists stored claims matching f, by article id and position.
func (db *DB) Claims(ctx context.Context, f store.ClaimFilter) ([]store.ClaimRow, error) {
	var where []string
	var args []any
	if f.Subject != "" {
		where = append(where, `(lower(c.subject_name) = lower(?) OR lower(c.subject_code) = lower(?))`)
		args = append(args, f.Subject, f.Subject)
	}
	if f.Metric != "" {
		where = append(where, `lower(c.metric) = lower(?)`)
		args = append(args, f.Metric)
	}
	if f.Source != "" {
		where = append(where, `(instr(a.url, ?) > 0 OR instr(a.source_uri, ?) > 0)`)
		args = append(args, f.Source, f.Source)
	}
	if f.From != "" {
		where = append(where, `coalesce(c.period_end, c.period_start) >= ?`)
		args = append(args, f.From)
	}
	if f.To != "" {
		where = append(where, `coalesce(c.period_start, c.period_end) <= ?`)
		// "~" sorts after every character of an ISO date or date-time, so
		// To "2023-09" includes all of September.
		args = append(args, f.To+"~")
	}
	q := `SELECT a.site, a.title, ` + rows.Claims.Qualified("c") + `
FROM claims c JOIN articles a ON a.id = c.article_id`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY c.article_id, c.ord`
	rs, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: claims: %w", err)
	}
	defer rs.Close()
	var out []store.ClaimRow
	for rs.Next() {
		var site, title string
		var r rows.Claim
		var pub, code, kind, ps, pe, cause, speaker sql.NullString
		if err := rs.Scan(&site, &title, &r.ArticleID, &r.URL, &pub, &r.Ord, &r.SubjectName, &code,
			&r.Metric, &r.What, &r.Value, &r.Approx, &kind, &ps, &pe, &r.Cumulative, &cause, &speaker,
			&r.Evidence, &r.SpanStart, &r.SpanEnd); err != nil {
			return nil, fmt.Errorf("sqlite: claims: %w", err)
		}
		r.Published, r.SubjectCode, r.Kind = pub.String, code.String, kind.String
		r.PeriodStart, r.PeriodEnd, r.Cause, r.Speaker = ps.String, pe.String, cause.String, speaker.String
		out = append(out, store.ClaimRow{ArticleID: r.ArticleID, URL: r.URL, Site: site,
			Published: r.Published, Title: title, Claim: rows.ClaimOf(r)})
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: claims: %w", err)
	}
	return out, nil
}
