package sqlite

import (
	"context"
	"errors"
	"fmt"
	"time"

	sqlitedrv "modernc.org/sqlite"
)

// migrations are the schema's versions in order; migration i+1 is
// migrations[i]. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: the record tables, raw pages and the run log.
	`
CREATE TABLE runs (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	started_at TEXT NOT NULL,
	ended_at   TEXT,
	command    TEXT NOT NULL DEFAULT '',
	inputs     INTEGER NOT NULL DEFAULT 0,
	records    INTEGER NOT NULL DEFAULT 0,
	failures   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
	id             TEXT PRIMARY KEY,
	url            TEXT NOT NULL,
	published      TEXT,
	site           TEXT NOT NULL,
	title          TEXT NOT NULL,
	authors        TEXT NOT NULL,
	language       TEXT NOT NULL,
	text           TEXT NOT NULL,
	warnings       TEXT NOT NULL,
	canonical_url  TEXT,
	modified       TEXT,
	source_uri     TEXT NOT NULL,
	source_kind    TEXT NOT NULL,
	fetched_at     TEXT,
	warc_record_id TEXT,
	run_id         INTEGER REFERENCES runs(id) ON DELETE SET NULL,
	updated_at     TEXT NOT NULL,
	record         TEXT NOT NULL
);
CREATE INDEX articles_source_uri ON articles(source_uri);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE organisations (
	article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url            TEXT NOT NULL,
	published      TEXT,
	ord            INTEGER NOT NULL,
	name           TEXT NOT NULL,
	code           TEXT,
	successor_code TEXT,
	kind           TEXT NOT NULL,
	how            TEXT,
	mention_count  INTEGER NOT NULL,
	mentions       TEXT NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX organisations_code ON organisations(code);
CREATE INDEX organisations_name ON organisations(name);

CREATE TABLE people (
	article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url           TEXT NOT NULL,
	published     TEXT,
	ord           INTEGER NOT NULL,
	name          TEXT NOT NULL,
	titles        TEXT NOT NULL,
	organisation  TEXT,
	mention_count INTEGER NOT NULL,
	mentions      TEXT NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX people_name ON people(name);

CREATE TABLE quotes (
	article_id           TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url                  TEXT NOT NULL,
	published            TEXT,
	ord                  INTEGER NOT NULL,
	text                 TEXT NOT NULL,
	speaker              TEXT,
	speaker_title        TEXT,
	speaker_organisation TEXT,
	cue                  TEXT NOT NULL,
	kind                 TEXT NOT NULL,
	span_start           INTEGER NOT NULL,
	span_end             INTEGER NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE dates (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url        TEXT NOT NULL,
	published  TEXT,
	ord        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	start_date TEXT,
	end_date   TEXT,
	grain      TEXT NOT NULL,
	kind       TEXT NOT NULL,
	days       TEXT,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (article_id, ord)
);

CREATE TABLE counts (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url        TEXT NOT NULL,
	published  TEXT,
	ord        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	value      REAL NOT NULL,
	approx     TEXT NOT NULL,
	unit       TEXT,
	kind       TEXT NOT NULL,
	currency   TEXT,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (article_id, ord)
);

CREATE TABLE claims (
	article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url          TEXT NOT NULL,
	published    TEXT,
	ord          INTEGER NOT NULL,
	subject_name TEXT NOT NULL,
	subject_code TEXT,
	metric       TEXT NOT NULL,
	what         TEXT NOT NULL,
	value        REAL NOT NULL,
	approx       TEXT NOT NULL,
	kind         TEXT,
	period_start TEXT,
	period_end   TEXT,
	cumulative   INTEGER NOT NULL,
	cause        TEXT,
	speaker      TEXT,
	evidence     TEXT NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX claims_subject_code ON claims(subject_code);
CREATE INDEX claims_metric ON claims(metric);

CREATE TABLE raw_pages (
	uri            TEXT PRIMARY KEY,
	kind           TEXT NOT NULL,
	url            TEXT NOT NULL,
	fetched_at     TEXT,
	warc_record_id TEXT,
	headers        TEXT NOT NULL,
	content_type   TEXT NOT NULL,
	format         TEXT NOT NULL,
	meta           TEXT,
	body           BLOB,
	body_encoding  TEXT NOT NULL,
	body_size      INTEGER NOT NULL,
	etag           TEXT,
	last_modified  TEXT,
	run_id         INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX raw_pages_url ON raw_pages(url, fetched_at);

CREATE TABLE failures (
	id     INTEGER PRIMARY KEY AUTOINCREMENT,
	run_id INTEGER REFERENCES runs(id) ON DELETE CASCADE,
	input  TEXT NOT NULL,
	stage  TEXT NOT NULL,
	reason TEXT NOT NULL,
	at     TEXT NOT NULL
);
CREATE INDEX failures_run ON failures(run_id, id);
`,
	// 2: organisations gain the ODS code of bodies that are not trusts
	// (ICBs) and the candidate codes of unsettled mentions.
	`
ALTER TABLE organisations ADD COLUMN ods_code TEXT;
ALTER TABLE organisations ADD COLUMN candidates TEXT;
CREATE INDEX organisations_ods_code ON organisations(ods_code);
`,
}

// migrate brings the schema up to date. Each migration runs in its own
// immediate transaction, so two processes opening a new file at once apply
// it once. A connection that finds the file busy while it is being set up
// (switching to WAL, which SQLite does not retry) is retried until
// BusyTimeout.
func (db *DB) migrate(ctx context.Context) error {
	deadline := time.Now().Add(db.busy)
	for attempt := 1; ; attempt++ {
		err := db.migrateOnce(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		db.log.Debug().Err(err).Int("attempt", attempt).Msg("sqlite: database busy while migrating, retrying")
		select {
		case <-ctx.Done():
			return fmt.Errorf("sqlite: migrate: %w", ctx.Err())
		case <-time.After(time.Duration(min(attempt, 20)) * 10 * time.Millisecond):
		}
	}
}

func (db *DB) migrateOnce(ctx context.Context) error {
	for i, m := range migrations {
		v := i + 1
		if err := db.apply(ctx, v, m); err != nil {
			return fmt.Errorf("sqlite: migration %d: %w", v, err)
		}
	}
	return nil
}

func (db *DB) apply(ctx context.Context, version int, stmt string) error {
	tx, err := db.w.BeginTx(ctx, nil) // BEGIN IMMEDIATE: waits for other writers
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	applied_at TEXT NOT NULL
)`); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		version, ts(db.now())); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	db.log.Info().Int("version", version).Msg("applied schema migration")
	return nil
}

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED (in
// any of their extended forms).
func isBusy(err error) bool {
	var se *sqlitedrv.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == 5 || c == 6
	}
	return false
}
