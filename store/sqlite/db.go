// Package sqlite is the default store backend: one embedded SQLite file
// (pure Go, modernc.org/sqlite) in WAL mode, so readers never block the
// writer and several processes can write to the same file in turn.
//
// Writes go through one connection per handle and take the database lock at
// the start of each transaction (BEGIN IMMEDIATE); a writer that finds the
// lock held by another process waits up to Options.BusyTimeout.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	_ "modernc.org/sqlite" // the database/sql driver "sqlite"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/codec"
)

// Options configure Open; see store.Options.
type Options = store.Options

// DB is an SQLite store. It implements store.Store.
type DB struct {
	w     *sql.DB // one connection, BEGIN IMMEDIATE
	r     *sql.DB // readers
	codec *codec.Codec
	log   zerolog.Logger
	now   func() time.Time
	busy  time.Duration

	mu    sync.Mutex
	stmts map[string]*sql.Stmt // prepared on w, by SQL text
	// done is Done's query, prepared on r once: it runs for every input
	// of a resumable run.
	done *sql.Stmt
}

var (
	_ store.Store = (*DB)(nil)
	_ store.Sizer = (*DB)(nil)
)

// Open opens (creating if needed) the SQLite database at path and brings
// its schema up to date. path is a file name; a "file:" URI is accepted too,
// but its query parameters are replaced.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: open: %w: empty path", store.ErrInvalid)
	}
	if strings.Contains(path, ":memory:") || strings.Contains(path, "mode=memory") {
		// The writer and the readers are separate connections, which would
		// each get a database of their own.
		return nil, fmt.Errorf("sqlite: open: %w: in-memory databases are not supported, name a file", store.ErrInvalid)
	}
	busy := opt.BusyTimeout
	if busy <= 0 {
		busy = 60 * time.Second
	}
	readers := opt.MaxConns
	if readers <= 0 {
		readers = 4
	}
	name := strings.TrimPrefix(path, "file:")
	if i := strings.IndexByte(name, '?'); i >= 0 && strings.HasPrefix(path, "file:") {
		name = name[:i]
	}
	base := "file:" + escapePath(name)
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.FormatInt(busy.Milliseconds(), 10)+")")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Set("_time_format", "sqlite")

	wq := cloneValues(q)
	wq.Set("_txlock", "immediate")
	// A larger page cache for the writer keeps the indexes' pages in memory
	// across batches (the default is 2 MB).
	wq.Add("_pragma", "cache_size(-65536)")
	w, err := sql.Open("sqlite", base+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)

	r, err := sql.Open("sqlite", base+"?"+q.Encode())
	if err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)

	c, err := codec.New()
	if err != nil {
		_ = w.Close()
		_ = r.Close()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	db := &DB{w: w, r: r, codec: c, log: opt.Logger, now: opt.Clock(), busy: busy,
		stmts: map[string]*sql.Stmt{}}
	if err := db.migrate(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	if db.done, err = r.PrepareContext(ctx, doneQuery); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("sqlite: prepare: %w", err)
	}
	return db, nil
}

// Close releases the database's connections.
func (db *DB) Close() error {
	db.mu.Lock()
	for q, st := range db.stmts {
		_ = st.Close()
		delete(db.stmts, q)
	}
	db.mu.Unlock()
	if db.done != nil {
		_ = db.done.Close()
	}
	err := errors.Join(db.w.Close(), db.r.Close())
	db.codec.Close()
	if err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
	return nil
}

// escapePath makes a file name safe inside a "file:" URI.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// ts formats a time for a TEXT column: UTC, RFC 3339 with nanoseconds, so
// that text order is time order.
func ts(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000000Z")
}

// parseTS reads a time written by ts; NULL or empty is the zero time.
func parseTS(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("sqlite: bad timestamp %q: %w", s.String, err)
	}
	return t, nil
}

// nullID stores a run id, 0 meaning none, as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullStr stores the empty string as NULL.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}
