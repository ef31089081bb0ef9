package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/cuttings/cuttings/store"
)

// BeginRun records the start of a run and returns its id.
func (db *DB) BeginRun(ctx context.Context, r store.Run) (int64, error) {
	started := r.StartedAt
	if started.IsZero() {
		started = db.now()
	}
	var id int64
	err := db.w.QueryRowContext(ctx, `INSERT INTO runs (started_at, command, inputs, records, failures)
VALUES (?, ?, ?, ?, ?) RETURNING id`, ts(started), r.Command, r.Inputs, r.Records, r.Failures).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("sqlite: begin run: %w", err)
	}
	return id, nil
}

// EndRun records a run's end and its totals.
func (db *DB) EndRun(ctx context.Context, r store.Run) error {
	ended := r.EndedAt
	if ended.IsZero() {
		ended = db.now()
	}
	res, err := db.w.ExecContext(ctx, `UPDATE runs SET ended_at = ?, inputs = ?, records = ?, failures = ?
WHERE id = ?`, ts(ended), r.Inputs, r.Records, r.Failures, r.ID)
	if err != nil {
		return fmt.Errorf("sqlite: end run %d: %w", r.ID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("sqlite: end run %d: %w", r.ID, store.ErrNotFound)
	}
	return nil
}

// Fail logs failures in the run log, all in one transaction.
func (db *DB) Fail(ctx context.Context, fs []store.Failure) error {
	if len(fs) == 0 {
		return nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: fail: begin: %w", err)
	}
	defer func() { _ = tx.Rollback() }()
	st, err := tx.PrepareContext(ctx, `INSERT INTO failures (run_id, input, stage, reason, at) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("sqlite: fail: %w", err)
	}
	defer st.Close()
	now := db.now()
	for _, f := range fs {
		at := f.At
		if at.IsZero() {
			at = now
		}
		if _, err := st.ExecContext(ctx, nullID(f.RunID), f.Input, f.Stage, f.Reason, ts(at)); err != nil {
			return fmt.Errorf("sqlite: fail %s: %w", f.Input, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: fail: commit: %w", err)
	}
	return nil
}

// Failures lists a run's failures: runID 0 is the latest run, a negative
// runID every run.
func (db *DB) Failures(ctx context.Context, runID int64) ([]store.Failure, error) {
	q := `SELECT run_id, input, stage, reason, at FROM failures WHERE run_id = ? ORDER BY id`
	var args []any
	switch {
	case runID < 0:
		q = `SELECT run_id, input, stage, reason, at FROM failures ORDER BY id`
	case runID == 0:
		var latest sql.NullInt64
		if err := db.r.QueryRowContext(ctx, `SELECT max(id) FROM runs`).Scan(&latest); err != nil {
			return nil, fmt.Errorf("sqlite: failures: %w", err)
		}
		if !latest.Valid {
			return nil, nil
		}
		args = []any{latest.Int64}
	default:
		args = []any{runID}
	}
	rs, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: failures: %w", err)
	}
	defer rs.Close()
	var out []store.Failure
	for rs.Next() {
		var f store.Failure
		var run sql.NullInt64
		var at sql.NullString
		if err := rs.Scan(&run, &f.Input, &f.Stage, &f.Reason, &at); err != nil {
			return nil, fmt.Errorf("sqlite: failures: %w", err)
		}
		f.RunID = run.Int64
		if f.At, err = parseTS(at); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if err := rs.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: failures: %w", err)
	}
	return out, nil
}

// doneQuery counts at most one article from a source URI.
const doneQuery = `SELECT count(*) FROM (SELECT 1 FROM articles WHERE source_uri = ? LIMIT 1)`

// Done reports whether a record from sourceURI is stored.
func (db *DB) Done(ctx context.Context, sourceURI string) (bool, error) {
	var n int
	err := db.done.QueryRowContext(ctx, sourceURI).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("sqlite: done %s: %w", sourceURI, err)
	}
	return n > 0, nil
}
