package queue

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// migrateLockKey is the session advisory lock Migrate holds so that machines
// starting together migrate one after the other.
const migrateLockKey = 0x63757474 // "cutt"

// outcomesDDL creates the outcomes table, one row per input.
const outcomesDDL = `
CREATE TABLE IF NOT EXISTS queue_outcomes (
	input       text PRIMARY KEY,
	status      text NOT NULL CHECK (status IN ('done', 'failed')),
	worker      text NOT NULL,
	job_id      bigint NOT NULL,
	attempts    integer NOT NULL,
	records     integer NOT NULL DEFAULT 0,
	failures    integer NOT NULL DEFAULT 0,
	note        text NOT NULL DEFAULT '',
	error       text NOT NULL DEFAULT '',
	started_at  timestamptz NOT NULL,
	finished_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS queue_outcomes_status ON queue_outcomes (status);
`

// Migrate brings River's tables up to date (rivermigrate; each version in
// its own transaction, as River requires) and creates the queue_outcomes
// table. Machines starting together take turns under an advisory lock. It is
// idempotent and safe to call from every worker at start-up.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	migrator, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("queue: migrate: %w", err)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("queue: migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(migrateLockKey)); err != nil {
		return fmt.Errorf("queue: migrate: lock: %w", err)
	}
	defer func() {
		// The lock dies with the session anyway; a failed unlock only
		// matters on a connection the pool keeps, so drop it then.
		if _, err := conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", int64(migrateLockKey)); err != nil {
			_ = conn.Hijack().Close(context.WithoutCancel(ctx))
		}
	}()
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("queue: migrate: river: %w", err)
	}
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, outcomesDDL)
		return err
	})
	if err != nil {
		return fmt.Errorf("queue: migrate: outcomes table: %w", err)
	}
	return nil
}

// checkMigrated returns ErrNotMigrated when the queue's tables are not on the
// pool's search_path.
func checkMigrated(ctx context.Context, pool *pgxpool.Pool) error {
	var ok bool
	err := pool.QueryRow(ctx,
		"SELECT to_regclass('river_job') IS NOT NULL AND to_regclass('queue_outcomes') IS NOT NULL").Scan(&ok)
	if err != nil {
		return fmt.Errorf("queue: check tables: %w", err)
	}
	if !ok {
		return fmt.Errorf("queue: %w", ErrNotMigrated)
	}
	return nil
}
