package queue

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// addBatch is how many inputs Add enqueues per transaction.
const addBatch = 1000

// Add enqueues each input as a unique job and reports how many were added
// and how many were duplicates: repeated within inputs, already waiting or
// running, or already done (see inputArgs.InsertOpts for the rule). An input
// that failed may be added again, which retries it. Inputs are kept as
// given; an empty one fails the whole call with ErrEmptyInput before anything
// is enqueued.
func Add(ctx context.Context, pool *pgxpool.Pool, inputs []string) (added, duplicates int, err error) {
	for i, in := range inputs {
		if strings.TrimSpace(in) == "" {
			return 0, 0, fmt.Errorf("queue: add: input %d: %w", i+1, ErrEmptyInput)
		}
	}
	if err := checkMigrated(ctx, pool); err != nil {
		return 0, 0, err
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{})
	if err != nil {
		return 0, 0, fmt.Errorf("queue: add: %w", err)
	}
	seen := make(map[string]bool, len(inputs))
	unique := make([]string, 0, len(inputs))
	for _, in := range inputs {
		if seen[in] {
			duplicates++
			continue
		}
		seen[in] = true
		unique = append(unique, in)
	}
	for start := 0; start < len(unique); start += addBatch {
		batch := unique[start:min(start+addBatch, len(unique))]
		var a, d int
		err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
			var err error
			a, d, err = addTx(ctx, client, tx, batch)
			return err
		})
		if err != nil {
			return added, duplicates, fmt.Errorf("queue: add: %w", err)
		}
		added += a
		duplicates += d
	}
	return added, duplicates, nil
}

// addTx enqueues distinct inputs in tx, skipping those already done.
func addTx(ctx context.Context, client *river.Client[pgx.Tx], tx pgx.Tx, inputs []string) (added, duplicates int, err error) {
	rows, err := tx.Query(ctx, "SELECT input FROM queue_outcomes WHERE status = 'done' AND input = ANY($1)", inputs)
	if err != nil {
		return 0, 0, fmt.Errorf("done inputs: %w", err)
	}
	done, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return 0, 0, fmt.Errorf("done inputs: %w", err)
	}
	isDone := make(map[string]bool, len(done))
	for _, in := range done {
		isDone[in] = true
	}
	params := make([]river.InsertManyParams, 0, len(inputs))
	for _, in := range inputs {
		if isDone[in] {
			duplicates++
			continue
		}
		params = append(params, river.InsertManyParams{Args: inputArgs{Input: in}})
	}
	if len(params) == 0 {
		return 0, duplicates, nil
	}
	results, err := client.InsertManyTx(ctx, tx, params)
	if err != nil {
		return 0, 0, fmt.Errorf("insert jobs: %w", err)
	}
	for _, r := range results {
		if r.UniqueSkippedAsDuplicate {
			duplicates++
		} else {
			added++
		}
	}
	return added, duplicates, nil
}
