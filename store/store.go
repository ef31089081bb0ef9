// Package store is the last stage of the cuttings pipeline: it keeps records,
// raw pages and the run log. The Store interface is the contract that both
// backends (store/sqlite, the default, and store/postgres) implement and that
// store/storetest checks; store/open picks one from a DSN and store/export
// writes the tables as CSV, JSON Lines or Parquet.
//
// Both backends hold the same tables, meant to be queried directly:
//
//	articles       one row per record: id, url, published, site, title,
//	               authors (JSON array), language, text, warnings (JSON
//	               array), canonical_url, modified, source_uri, source_kind,
//	               fetched_at, warc_record_id, run_id, updated_at and the
//	               whole record as JSON (record)
//	organisations  one row per organisation an article names
//	people         one row per person
//	quotes         one row per quote
//	dates          one row per date reference
//	counts         one row per number
//	claims         one row per statistical claim
//	raw_pages      fetched inputs, body zstd-compressed or as the gzip it
//	               arrived in (body_encoding: zstd or gzip),
//	               headers (JSON), fetched_at, etag, last_modified
//	runs           one row per run: command, started_at, ended_at, totals
//	failures       the run log: run_id, input, stage, reason, at
//	schema_migrations  the schema versions applied
//
// Every item table starts with article_id, url, published and ord (the
// item's position in the record), so a row can be read on its own; deleting
// an article deletes its items. Unknown values are NULL. Records are
// upserted on their id: a re-run replaces an article and its items, never
// adds a second copy.
package store

import (
	"context"
	"errors"
	"iter"
	"time"

	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/normalize"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrInvalid is returned for arguments a backend cannot store, such as a
// record without an id.
var ErrInvalid = errors.New("invalid argument")

// Options configure a backend. The zero value is usable: every field has a
// default.
type Options struct {
	// Logger receives migration and retry messages; default zerolog.Nop().
	Logger zerolog.Logger
	// Now is the clock used for timestamps the caller leaves zero; default
	// time.Now.
	Now func() time.Time
	// BusyTimeout is how long an SQLite writer waits for another process's
	// lock before failing; default 60s. PostgreSQL ignores it.
	BusyTimeout time.Duration
	// Schema is the PostgreSQL schema holding the tables, created if
	// missing; default the DSN's search_path, else "public". SQLite ignores
	// it.
	Schema string
	// MaxConns caps the connection pool (PostgreSQL) or the number of
	// concurrent readers (SQLite); default 4.
	MaxConns int
}

// Clock returns o.Now, or time.Now when it is nil.
func (o Options) Clock() func() time.Time {
	if o.Now == nil {
		return time.Now
	}
	return o.Now
}

// RawPage is a fetched input kept verbatim so it can be re-extracted later.
type RawPage struct {
	URI          string
	Kind         string // http, file, warc, jsonl
	URL          string
	FetchedAt    time.Time
	WARCRecordID string
	Header       map[string][]string
	ContentType  string
	Format       string // html, text
	// MetaJSON is the input's own metadata (sidecar, JSONL fields) as JSON.
	MetaJSON []byte
	Body     []byte // stored compressed by the backend
	// Gzip, when set, is the gzip stream Body arrived in; backends keep it
	// as it is instead of compressing Body.
	Gzip []byte
	// ETag and LastModified support conditional re-fetching.
	ETag         string
	LastModified string
}

// Run is one invocation of the pipeline.
type Run struct {
	ID        int64
	StartedAt time.Time
	EndedAt   time.Time
	Command   string // the command line
	Inputs    int
	Records   int
	Failures  int
}

// Failure is one input that failed, with the stage and the reason.
type Failure struct {
	RunID  int64
	Input  string
	Stage  string
	Reason string
	At     time.Time
}

// ClaimFilter selects stored claims; empty fields match anything.
type ClaimFilter struct {
	Subject string // name or code, case-insensitive
	Metric  string
	Source  string // substring of the article URL or source URI
	From    string // period overlaps [From, To] (ISO dates)
	To      string
}

// ClaimRow is a stored claim with the article it came from.
type ClaimRow struct {
	ArticleID string
	URL       string
	Site      string
	Published string
	Title     string
	Claim     normalize.Claim
}

// Sizer is implemented by both backends: the number of rows in each table,
// for status displays and tests.
type Sizer interface {
	TableSizes(ctx context.Context) (map[string]int64, error)
}

// Store keeps records and the run log. Implementations are safe for use by
// several goroutines and several processes at once.
type Store interface {
	// BeginRun records the start of a run and returns its id. A zero
	// StartedAt means now.
	BeginRun(ctx context.Context, r Run) (int64, error)
	// EndRun records a run's end and its totals; r.ID names the run (an
	// error wrapping ErrNotFound if there is none). A zero EndedAt means now.
	EndRun(ctx context.Context, r Run) error
	// Put upserts records (keyed on Record.ID) and raw pages (keyed on
	// RawPage.URI) in one transaction: re-running never duplicates a row and
	// an article's child rows (quotes, claims, ...) are replaced. runID 0
	// stores the rows without a run. A record without an id is rejected with
	// an error wrapping ErrInvalid and nothing is written.
	Put(ctx context.Context, runID int64, recs []normalize.Record, raws []RawPage) error
	// Fail logs failures in the run log (RunID 0: no run; zero At: now).
	Fail(ctx context.Context, fs []Failure) error
	// Done reports whether a record from this source URI is already stored
	// (committed by Put), so a resumed run can skip it.
	Done(ctx context.Context, sourceURI string) (bool, error)
	// Records iterates over all stored records in id order.
	Records(ctx context.Context) iter.Seq2[normalize.Record, error]
	// Raw iterates over all stored raw pages.
	Raw(ctx context.Context) iter.Seq2[RawPage, error]
	// RawByURL returns the most recently fetched raw page for a URL (for
	// conditional GET), or an error wrapping ErrNotFound.
	RawByURL(ctx context.Context, url string) (RawPage, error)
	// Claims lists stored claims matching the filter.
	Claims(ctx context.Context, f ClaimFilter) ([]ClaimRow, error)
	// Failures lists the run log's failures in the order they were logged;
	// runID 0 means the latest run, a negative runID means every run.
	Failures(ctx context.Context, runID int64) ([]Failure, error)
	// Close releases the backend's connections.
	Close() error
}
