package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/codec"
	"github.com/cuttings/cuttings/store/internal/rows"
)

// page is how many rows each query of an iterator fetches. Iterators page
// by key rather than hold a cursor open, so a caller may write while
// iterating.
const page = 256

// Records iterates over all stored records in id order.
func (db *DB) Records(ctx context.Context) iter.Seq2[normalize.Record, error] {
	return rows.Paged(page, func(r normalize.Record) string { return r.ID },
		func(after string, n int) ([]normalize.Record, error) { return db.recordPage(ctx, after, n) })
}

func (db *DB) recordPage(ctx context.Context, after string, n int) ([]normalize.Record, error) {
	rs, err := db.pool.Query(ctx, `SELECT id, record::text FROM articles WHERE id > $1 ORDER BY id LIMIT $2`, after, n)
	if err != nil {
		return nil, fmt.Errorf("postgres: records: %w", err)
	}
	defer rs.Close()
	out := make([]normalize.Record, 0, n)
	for rs.Next() {
		var id, js string
		if err := rs.Scan(&id, &js); err != nil {
			return nil, fmt.Errorf("postgres: records: %w", err)
		}
		var r normalize.Record
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			return nil, fmt.Errorf("postgres: record %s: %w", id, err)
		}
		r.ID = id
		out = append(out, r)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("postgres: records: %w", err)
	}
	return out, nil
}

const rawCols = `uri, kind, url, fetched_at, warc_record_id, headers::text, content_type, format, meta::text, body, body_encoding, etag, last_modified`

// Raw iterates over all stored raw pages in URI order.
func (db *DB) Raw(ctx context.Context) iter.Seq2[store.RawPage, error] {
	return rows.Paged(32, func(p store.RawPage) string { return p.URI },
		func(after string, n int) ([]store.RawPage, error) {
			return db.rawQuery(ctx, `SELECT `+rawCols+` FROM raw_pages WHERE uri > $1 ORDER BY uri LIMIT $2`, after, n)
		})
}

// RawByURL returns the most recently fetched raw page for url.
func (db *DB) RawByURL(ctx context.Context, url string) (store.RawPage, error) {
	ps, err := db.rawQuery(ctx, `SELECT `+rawCols+` FROM raw_pages WHERE url = $1
ORDER BY fetched_at DESC NULLS LAST, uri LIMIT 1`, url)
	if err != nil {
		return store.RawPage{}, err
	}
	if len(ps) == 0 {
		return store.RawPage{}, fmt.Errorf("postgres: raw page for %s: %w", url, store.ErrNotFound)
	}
	return ps[0], nil
}

func (db *DB) rawQuery(ctx context.Context, q string, args ...any) ([]store.RawPage, error) {
	rs, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: raw pages: %w", err)
	}
	defer rs.Close()
	var out []store.RawPage
	for rs.Next() {
		var p store.RawPage
		var fetched *time.Time
		var warc, meta, etag, lm *string
		var hdr, enc string
		var body []byte
		if err := rs.Scan(&p.URI, &p.Kind, &p.URL, &fetched, &warc, &hdr, &p.ContentType, &p.Format,
			&meta, &body, &enc, &etag, &lm); err != nil {
			return nil, fmt.Errorf("postgres: raw pages: %w", err)
		}
		if fetched != nil {
			p.FetchedAt = fetched.UTC()
		}
		p.WARCRecordID, p.ETag, p.LastModified = deref(warc), deref(etag), deref(lm)
		if meta != nil {
			p.MetaJSON = []byte(*meta)
		}
		if err := json.Unmarshal([]byte(hdr), &p.Header); err != nil {
			return nil, fmt.Errorf("postgres: raw page %s: headers: %w", p.URI, err)
		}
		if enc == codec.Gzip {
			p.Gzip = body
		}
		if p.Body, err = db.codec.Decompress(body, enc); err != nil {
			return nil, fmt.Errorf("postgres: raw page %s: %w", p.URI, err)
		}
		out = append(out, p)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("postgres: raw pages: %w", err)
	}
	return out, nil
}

// Claims lists stored claims matching f, by article id and position.
func (db *DB) Claims(ctx context.Context, f store.ClaimFilter) ([]store.ClaimRow, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if f.Subject != "" {
		p := arg(f.Subject)
		where = append(where, `(lower(c.subject_name) = lower(`+p+`) OR lower(c.subject_code) = lower(`+p+`))`)
	}
	if f.Metric != "" {
		where = append(where, `lower(c.metric) = lower(`+arg(f.Metric)+`)`)
	}
	if f.Source != "" {
		p := arg(f.Source)
		where = append(where, `(strpos(a.url, `+p+`) > 0 OR strpos(a.source_uri, `+p+`) > 0)`)
	}
	if f.From != "" {
		where = append(where, `coalesce(c.period_end, c.period_start) >= `+arg(f.From))
	}
	if f.To != "" {
		// "~" sorts after every character of an ISO date or date-time.
		where = append(where, `coalesce(c.period_start, c.period_end) <= `+arg(f.To+"~"))
	}
	q := `SELECT a.site, a.title, ` + rows.Claims.Qualified("c") + `
FROM claims c JOIN articles a ON a.id = c.article_id`
	if len(where) > 0 {
		q += ` WHERE ` + strings.Join(where, ` AND `)
	}
	q += ` ORDER BY c.article_id, c.ord`
	rs, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: claims: %w", err)
	}
	defer rs.Close()
	var out []store.ClaimRow
	for rs.Next() {
		var site, title string
		var r rows.Claim
		var pub, code, kind, ps, pe, cause, speaker *string
		if err := rs.Scan(&site, &title, &r.ArticleID, &r.URL, &pub, &r.Ord, &r.SubjectName, &code,
			&r.Metric, &r.What, &r.Value, &r.Approx, &kind, &ps, &pe, &r.Cumulative, &cause, &speaker,
			&r.Evidence, &r.SpanStart, &r.SpanEnd); err != nil {
			return nil, fmt.Errorf("postgres: claims: %w", err)
		}
		r.Published, r.SubjectCode, r.Kind = deref(pub), deref(code), deref(kind)
		r.PeriodStart, r.PeriodEnd, r.Cause, r.Speaker = deref(ps), deref(pe), deref(cause), deref(speaker)
		out = append(out, store.ClaimRow{ArticleID: r.ArticleID, URL: r.URL, Site: site,
			Published: r.Published, Title: title, Claim: rows.ClaimOf(r)})
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("postgres: claims: %w", err)
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
