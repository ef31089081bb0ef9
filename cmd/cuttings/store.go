package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/open"
)

// isPostgres reports whether a --db value names a PostgreSQL database.
func isPostgres(dsn string) bool { return open.Backend(dsn) == "postgres" }

// openStore opens the database a --db value names: PostgreSQL for
// postgres:// URLs, else an SQLite file (created if missing).
func openStore(ctx context.Context, dsn string, log zerolog.Logger) (store.Store, error) {
	st, err := open.Open(ctx, dsn, store.Options{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	return st, nil
}

// redact hides a password in a database URL for messages.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	cred := dsn[scheme+3 : at]
	if i := strings.Index(cred, ":"); i >= 0 {
		return dsn[:scheme+3] + cred[:i] + ":***" + dsn[at:]
	}
	return dsn
}

// readStore opens the store for the commands that only read it.
func (c *common) readStore(ctx context.Context, e *env) (store.Store, error) {
	log, err := c.logger(e)
	if err != nil {
		return nil, err
	}
	if c.db == "" || c.db == "none" {
		return nil, fmt.Errorf("%w: --db names no database", errUsage)
	}
	return openStore(ctx, c.db, log)
}
