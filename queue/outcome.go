package queue

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Outcome is what Config.Process reports for one input.
type Outcome struct {
	// Records is how many records the input produced.
	Records int
	// Failures is how many items inside the input failed (pages that did
	// not extract, URLs that did not fetch) without failing the input.
	Failures int
	// Note is a short free-text summary kept with the outcome.
	Note string
}

// Status values of an OutcomeRow.
const (
	StatusDone   = "done"
	StatusFailed = "failed"
)

// OutcomeRow is one row of the queue_outcomes table: the final result of an
// input.
type OutcomeRow struct {
	// Input is the input as it was added.
	Input string
	// Status is StatusDone or StatusFailed.
	Status string
	// Worker is the Config.ID of the worker that finished the input.
	Worker string
	// JobID is the River job id.
	JobID int64
	// Attempts counts the runs of the input, including ones whose worker
	// died before finishing.
	Attempts int
	// Records, Failures and Note are what Process reported (zero for a
	// failed input).
	Records  int
	Failures int
	Note     string
	// Error is the last error of a failed input.
	Error string
	// StartedAt is when the last run started, FinishedAt when it ended.
	StartedAt  time.Time
	FinishedAt time.Time
}

// upsertDone records a successful input; it is called in the transaction
// that completes the job, so it takes effect exactly once.
const upsertDone = `
INSERT INTO queue_outcomes (input, status, worker, job_id, attempts, records, failures, note, error, started_at, finished_at)
VALUES ($1, 'done', $2, $3, $4, $5, $6, $7, '', $8, $9)
ON CONFLICT (input) DO UPDATE SET
	status = 'done', worker = EXCLUDED.worker, job_id = EXCLUDED.job_id, attempts = EXCLUDED.attempts,
	records = EXCLUDED.records, failures = EXCLUDED.failures, note = EXCLUDED.note, error = '',
	started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at`

// upsertFailed records a failed input. It never overwrites a success (a
// duplicate run of a rescued job may fail after another run succeeded), nor
// an earlier verdict on the same job (a worker that died after recording
// it), so the first error stays; a failed input added again gets a new job
// and so a new verdict.
const upsertFailed = `
INSERT INTO queue_outcomes (input, status, worker, job_id, attempts, error, started_at, finished_at)
VALUES ($1, 'failed', $2, $3, $4, $5, $6, $7)
ON CONFLICT (input) DO UPDATE SET
	status = 'failed', worker = EXCLUDED.worker, job_id = EXCLUDED.job_id, attempts = EXCLUDED.attempts,
	records = 0, failures = 0, note = '', error = EXCLUDED.error,
	started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at
WHERE queue_outcomes.status <> 'done' AND queue_outcomes.job_id <> EXCLUDED.job_id`

// Outcomes returns every recorded outcome, ordered by input.
func Outcomes(ctx context.Context, pool *pgxpool.Pool) ([]OutcomeRow, error) {
	rows, err := pool.Query(ctx, `
SELECT input, status, worker, job_id, attempts, records, failures, note, error, started_at, finished_at
FROM queue_outcomes ORDER BY input`)
	if err != nil {
		return nil, fmt.Errorf("queue: outcomes: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (OutcomeRow, error) {
		var o OutcomeRow
		err := row.Scan(&o.Input, &o.Status, &o.Worker, &o.JobID, &o.Attempts, &o.Records, &o.Failures,
			&o.Note, &o.Error, &o.StartedAt, &o.FinishedAt)
		return o, err
	})
	if err != nil {
		return nil, fmt.Errorf("queue: outcomes: %w", err)
	}
	return out, nil
}
