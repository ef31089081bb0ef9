package postgres

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/jackc/pgx/v5"
)

// migrations are the schema's versions in order; migration i+1 is
// migrations[i]. Never edit a released migration: append a new one.
//
// Keys are TEXT COLLATE "C" so that "id order" is byte order, as in SQLite,
// and key-paged iteration can use the primary key index.
var migrations = []string{
	// 1: the record tables, raw pages and the run log.
	`
CREATE TABLE runs (
	id         BIGSERIAL PRIMARY KEY,
	started_at TIMESTAMPTZ NOT NULL,
	ended_at   TIMESTAMPTZ,
	command    TEXT NOT NULL DEFAULT '',
	inputs     BIGINT NOT NULL DEFAULT 0,
	records    BIGINT NOT NULL DEFAULT 0,
	failures   BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE articles (
	id             TEXT COLLATE "C" PRIMARY KEY,
	url            TEXT NOT NULL,
	published      TEXT,
	site           TEXT NOT NULL,
	title          TEXT NOT NULL,
	authors        JSONB NOT NULL,
	language       TEXT NOT NULL,
	text           TEXT NOT NULL,
	warnings       JSONB NOT NULL,
	canonical_url  TEXT,
	modified       TEXT,
	source_uri     TEXT NOT NULL,
	source_kind    TEXT NOT NULL,
	fetched_at     TEXT,
	warc_record_id TEXT,
	run_id         BIGINT REFERENCES runs(id) ON DELETE SET NULL,
	updated_at     TIMESTAMPTZ NOT NULL,
	record         JSON NOT NULL
);
CREATE INDEX articles_source_uri ON articles(source_uri);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE organisations (
	article_id     TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url            TEXT NOT NULL,
	published      TEXT,
	ord            BIGINT NOT NULL,
	name           TEXT NOT NULL,
	code           TEXT,
	successor_code TEXT,
	kind           TEXT NOT NULL,
	how            TEXT,
	mention_count  BIGINT NOT NULL,
	mentions       JSONB NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX organisations_code ON organisations(code);
CREATE INDEX organisations_name ON organisations(name);

CREATE TABLE people (
	article_id    TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url           TEXT NOT NULL,
	published     TEXT,
	ord           BIGINT NOT NULL,
	name          TEXT NOT NULL,
	titles        JSONB NOT NULL,
	organisation  TEXT,
	mention_count BIGINT NOT NULL,
	mentions      JSONB NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX people_name ON people(name);

CREATE TABLE quotes (
	article_id           TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url                  TEXT NOT NULL,
	published            TEXT,
	ord                  BIGINT NOT NULL,
	text                 TEXT NOT NULL,
	speaker              TEXT,
	speaker_title        TEXT,
	speaker_organisation TEXT,
	cue                  TEXT NOT NULL,
	kind                 TEXT NOT NULL,
	span_start           BIGINT NOT NULL,
	span_end             BIGINT NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE dates (
	article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url        TEXT NOT NULL,
	published  TEXT,
	ord        BIGINT NOT NULL,
	text       TEXT NOT NULL,
	start_date TEXT,
	end_date   TEXT,
	grain      TEXT NOT NULL,
	kind       TEXT NOT NULL,
	days       JSONB,
	span_start BIGINT NOT NULL,
	span_end   BIGINT NOT NULL,
	PRIMARY KEY (article_id, ord)
);

CREATE TABLE counts (
	article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url        TEXT NOT NULL,
	published  TEXT,
	ord        BIGINT NOT NULL,
	text       TEXT NOT NULL,
	value      DOUBLE PRECISION NOT NULL,
	approx     TEXT NOT NULL,
	unit       TEXT,
	kind       TEXT NOT NULL,
	currency   TEXT,
	span_start BIGINT NOT NULL,
	span_end   BIGINT NOT NULL,
	PRIMARY KEY (article_id, ord)
);

CREATE TABLE claims (
	article_id   TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	url          TEXT NOT NULL,
	published    TEXT,
	ord          BIGINT NOT NULL,
	subject_name TEXT NOT NULL,
	subject_code TEXT,
	metric       TEXT NOT NULL,
	what         TEXT NOT NULL,
	value        DOUBLE PRECISION NOT NULL,
	approx       TEXT NOT NULL,
	kind         TEXT,
	period_start TEXT COLLATE "C",
	period_end   TEXT COLLATE "C",
	cumulative   BOOLEAN NOT NULL,
	cause        TEXT,
	speaker      TEXT,
	evidence     TEXT NOT NULL,
	span_start   BIGINT NOT NULL,
	span_end     BIGINT NOT NULL,
	PRIMARY KEY (article_id, ord)
);
CREATE INDEX claims_subject_code ON claims(subject_code);
CREATE INDEX claims_metric ON claims(metric);

CREATE TABLE raw_pages (
	uri            TEXT COLLATE "C" PRIMARY KEY,
	kind           TEXT NOT NULL,
	url            TEXT NOT NULL,
	fetched_at     TIMESTAMPTZ,
	warc_record_id TEXT,
	headers        JSON NOT NULL,
	content_type   TEXT NOT NULL,
	format         TEXT NOT NULL,
	meta           JSON,
	body           BYTEA,
	body_encoding  TEXT NOT NULL,
	body_size      BIGINT NOT NULL,
	etag           TEXT,
	last_modified  TEXT,
	run_id         BIGINT REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX raw_pages_url ON raw_pages(url, fetched_at);

CREATE TABLE failures (
	id     BIGSERIAL PRIMARY KEY,
	run_id BIGINT REFERENCES runs(id) ON DELETE CASCADE,
	input  TEXT NOT NULL,
	stage  TEXT NOT NULL,
	reason TEXT NOT NULL,
	at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX failures_run ON failures(run_id, id);
`,
	// 2: organisations gain the ODS code of bodies that are not trusts
	// (ICBs) and the candidate codes of unsettled mentions.
	`
ALTER TABLE organisations ADD COLUMN ods_code TEXT;
ALTER TABLE organisations ADD COLUMN candidates JSONB;
CREATE INDEX organisations_ods_code ON organisations(ods_code);
`,
}

// migrate creates the schema if needed and brings it up to date, all in one
// transaction holding an advisory lock, so several workers starting at once
// apply each migration once.
func (db *DB) migrate(ctx context.Context) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer func() { _ = tx.Rollback(ctx) }()
	h := fnv.New64a()
	_, _ = h.Write([]byte("cuttings schema " + db.schema))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(h.Sum64())); err != nil {
		return fmt.Errorf("postgres: migrate: lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{db.schema}.Sanitize()); err != nil {
		return fmt.Errorf("postgres: migrate: create schema %s: %w", db.schema, err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	applied_at TIMESTAMPTZ NOT NULL
)`); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	for i, m := range migrations {
		v := i + 1
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, v).Scan(&n); err != nil {
			return fmt.Errorf("postgres: migration %d: %w", v, err)
		}
		if n > 0 {
			continue
		}
		if _, err := tx.Exec(ctx, m); err != nil {
			return fmt.Errorf("postgres: migration %d: %w", v, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`, v, db.now()); err != nil {
			return fmt.Errorf("postgres: migration %d: %w", v, err)
		}
		db.log.Info().Int("version", v).Str("schema", db.schema).Msg("applied schema migration")
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: migrate: commit: %w", err)
	}
	return nil
}
