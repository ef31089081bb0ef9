package queue

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// waitPoll is how often Wait looks at the queue.
const waitPoll = 250 * time.Millisecond

// statusSQL counts jobs by state and inputs by outcome. An input whose job
// River gave up on without an outcome row (its workers kept dying) counts as
// failed.
const statusSQL = `
SELECT
	(SELECT count(*) FROM river_job WHERE kind = $1 AND state IN ('available', 'pending', 'scheduled', 'retryable')),
	(SELECT count(*) FROM river_job WHERE kind = $1 AND state = 'running'),
	(SELECT count(*) FROM queue_outcomes WHERE status = 'done'),
	(SELECT count(*) FROM queue_outcomes WHERE status = 'failed')
	+ (SELECT count(DISTINCT j.args->>'input') FROM river_job j
	   WHERE j.kind = $1 AND j.state IN ('discarded', 'cancelled')
	   AND NOT EXISTS (SELECT 1 FROM queue_outcomes o WHERE o.input = j.args->>'input'))`

// Status reports the queue: jobs waiting (including retries not yet due) and
// running, and inputs done and failed. A failed input that was added again
// counts as failed and pending until it finishes.
func Status(ctx context.Context, pool *pgxpool.Pool) (pending, running, done, failed int, err error) {
	err = pool.QueryRow(ctx, statusSQL, Kind).Scan(&pending, &running, &done, &failed)
	if err != nil {
		return 0, 0, 0, 0, fmt.Errorf("queue: status: %w", err)
	}
	return pending, running, done, failed, nil
}

// Wait blocks until no job is pending or running (the queue is drained) or
// ctx ends, in which case it returns ctx's error. A job whose worker died
// counts as running until River rescues it (Config.RescueAfter).
func Wait(ctx context.Context, pool *pgxpool.Pool) error {
	ticker := time.NewTicker(waitPoll)
	defer ticker.Stop()
	for {
		pending, running, _, _, err := Status(ctx, pool)
		if err != nil {
			return err
		}
		if pending == 0 && running == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("queue: wait: %w", ctx.Err())
		case <-ticker.C:
		}
	}
}
