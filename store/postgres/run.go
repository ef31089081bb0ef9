package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/codec"
)

// BeginRun records the start of a run and returns its id.
func (db *DB) BeginRun(ctx context.Context, r store.Run) (int64, error) {
	started := r.StartedAt
	if started.IsZero() {
		started = db.now()
	}
	var id int64
	err := db.pool.QueryRow(ctx, `INSERT INTO runs (started_at, command, inputs, records, failures)
VALUES ($1, $2, $3, $4, $5) RETURNING id`, started, codec.PGText(r.Command), r.Inputs, r.Records, r.Failures).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("postgres: begin run: %w", err)
	}
	return id, nil
}

// EndRun records a run's end and its totals.
func (db *DB) EndRun(ctx context.Context, r store.Run) error {
	ended := r.EndedAt
	if ended.IsZero() {
		ended = db.now()
	}
	tag, err := db.pool.Exec(ctx, `UPDATE runs SET ended_at = $1, inputs = $2, records = $3, failures = $4
WHERE id = $5`, ended, r.Inputs, r.Records, r.Failures, r.ID)
	if err != nil {
		return fmt.Errorf("postgres: end run %d: %w", r.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("postgres: end run %d: %w", r.ID, store.ErrNotFound)
	}
	return nil
}

// Fail logs failures in the run log, all in one transaction.
func (db *DB) Fail(ctx context.Context, fs []store.Failure) error {
	if len(fs) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	now := db.now()
	for _, f := range fs {
		at := f.At
		if at.IsZero() {
			at = now
		}
		b.Queue(`INSERT INTO failures (run_id, input, stage, reason, at) VALUES ($1, $2, $3, $4, $5)`,
			nullID(f.RunID), codec.PGText(f.Input), codec.PGText(f.Stage), codec.PGText(f.Reason), at)
	}
	return db.inTx(ctx, "fail", func(tx pgx.Tx) error {
		return tx.SendBatch(ctx, b).Close()
	})
}

// Failures lists a run's failures: runID 0 is the latest run, a negative
// runID every run.
func (db *DB) Failures(ctx context.Context, runID int64) ([]store.Failure, error) {
	q := `SELECT run_id, input, stage, reason, at FROM failures WHERE run_id = $1 ORDER BY id`
	var args []any
	switch {
	case runID < 0:
		q = `SELECT run_id, input, stage, reason, at FROM failures ORDER BY id`
	case runID == 0:
		var latest *int64
		if err := db.pool.QueryRow(ctx, `SELECT max(id) FROM runs`).Scan(&latest); err != nil {
			return nil, fmt.Errorf("postgres: failures: %w", err)
		}
		if latest == nil {
			return nil, nil
		}
		args = []any{*latest}
	default:
		args = []any{runID}
	}
	rs, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: failures: %w", err)
	}
	defer rs.Close()
	var out []store.Failure
	for rs.Next() {
		var f store.Failure
		var run *int64
		if err := rs.Scan(&run, &f.Input, &f.Stage, &f.Reason, &f.At); err != nil {
			return nil, fmt.Errorf("postgres: failures: %w", err)
		}
		if run != nil {
			f.RunID = *run
		}
		f.At = f.At.UTC()
		out = append(out, f)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("postgres: failures: %w", err)
	}
	return out, nil
}

// Done reports whether a record from sourceURI is stored.
func (db *DB) Done(ctx context.Context, sourceURI string) (bool, error) {
	var ok bool
	err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE source_uri = $1)`,
		codec.PGText(sourceURI)).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("postgres: done %s: %w", sourceURI, err)
	}
	return ok, nil
}
