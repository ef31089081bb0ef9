// Package postgres is the store backend for a team or a cluster: every
// worker writes to one PostgreSQL database (github.com/jackc/pgx/v5, a
// pgxpool of connections). The tables are those of store/sqlite, in a
// schema of their own (Options.Schema), with JSONB list columns.
//
// PostgreSQL text cannot hold NUL bytes or invalid UTF-8: in the table
// columns those are dropped or replaced by U+FFFD, while the record column
// (type json) and so Records keep the record exactly.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/codec"
)

// Options configure Open; see store.Options.
type Options = store.Options

// DB is a PostgreSQL store. It implements store.Store.
type DB struct {
	pool   *pgxpool.Pool
	schema string
	codec  *codec.Codec
	log    zerolog.Logger
	now    func() time.Time
}

var (
	_ store.Store = (*DB)(nil)
	_ store.Sizer = (*DB)(nil)
)

// simpleIdent is a search_path entry Open may take as the schema name.
var simpleIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_$]*$`)

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string, as pgx accepts), creates the schema if needed and
// brings the tables up to date.
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	schema := opt.Schema
	if schema == "" {
		sp := strings.Trim(strings.TrimSpace(cfg.ConnConfig.RuntimeParams["search_path"]), `"`)
		if simpleIdent.MatchString(sp) {
			schema = sp
		} else {
			schema = "public"
		}
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = pgx.Identifier{schema}.Sanitize()
	if opt.MaxConns > 0 {
		cfg.MaxConns = int32(opt.MaxConns)
	} else if cfg.MaxConns < 4 {
		cfg.MaxConns = 4
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	c, err := codec.New()
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db := &DB{pool: pool, schema: schema, codec: c, log: opt.Logger, now: opt.Clock()}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Pool returns the connection pool, for components that share the
// database, such as the River job queue (riverpgxv5.New(db.Pool())). Its
// connections' search_path is the store's schema.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Schema returns the schema holding the tables.
func (db *DB) Schema() string { return db.schema }

// Close releases the pool's connections.
func (db *DB) Close() error {
	db.pool.Close()
	db.codec.Close()
	return nil
}

// DropSchema deletes the schema and every table in it. Tests use it to
// clean up after themselves; it is not part of store.Store.
func (db *DB) DropSchema(ctx context.Context) error {
	if _, err := db.pool.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{db.schema}.Sanitize()+` CASCADE`); err != nil {
		return fmt.Errorf("postgres: drop schema %s: %w", db.schema, err)
	}
	return nil
}

// inTx runs f in a transaction, retrying a few times when PostgreSQL
// aborts it for a deadlock or serialization failure.
func (db *DB) inTx(ctx context.Context, what string, f func(pgx.Tx) error) error {
	var err error
	for attempt := range 5 {
		err = pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{}, f)
		if err == nil {
			return nil
		}
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || (pe.Code != "40001" && pe.Code != "40P01") {
			break
		}
		db.log.Warn().Err(err).Int("attempt", attempt+1).Msg("postgres: retrying " + what)
		select {
		case <-ctx.Done():
			return fmt.Errorf("postgres: %s: %w", what, ctx.Err())
		case <-time.After(time.Duration(attempt+1) * 20 * time.Millisecond):
		}
	}
	return fmt.Errorf("postgres: %s: %w", what, err)
}

// nullID stores a run id, 0 meaning none, as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullStr stores the empty string as NULL, cleaning it for a text column.
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return codec.PGText(s)
}

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}
