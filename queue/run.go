package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/rs/zerolog"
)

// Run is one worker (one machine's share of a distributed run). It pulls
// jobs from the queue and processes up to cfg.Workers inputs at once until
// ctx is cancelled; then it stops taking jobs, lets in-flight ones finish
// (bounded by cfg.StopTimeout) and returns nil. Each input's outcome is
// recorded in queue_outcomes. The tables must exist (Migrate); otherwise Run
// returns ErrNotMigrated.
func Run(ctx context.Context, cfg Config) error {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	if err := checkMigrated(ctx, cfg.Pool); err != nil {
		return err
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &inputWorker{cfg: cfg}); err != nil {
		return fmt.Errorf("queue: run: %w", err)
	}
	rc := &river.Config{
		ID:                   cfg.ID,
		Logger:               slog.New(zerolog.NewSlogHandler(cfg.Logger)),
		JobTimeout:           cfg.JobTimeout,
		MaxAttempts:          jobMaxAttempts,
		RescueStuckJobsAfter: cfg.RescueAfter,
		SoftStopTimeout:      cfg.StopTimeout,
		Queues:               map[string]river.QueueConfig{QueueName: {MaxWorkers: cfg.Workers}},
		Workers:              workers,
	}
	if cfg.Backoff != nil {
		rc.RetryPolicy = backoffPolicy{backoff: cfg.Backoff}
	}
	client, err := river.NewClient(riverpgxv5.New(cfg.Pool), rc)
	if err != nil {
		return fmt.Errorf("queue: run: %w", err)
	}
	// River treats a cancelled start context as a hard stop; Run stops
	// gracefully itself, so the client gets a context that is never
	// cancelled.
	if err := client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("queue: run: %w", err)
	}
	cfg.Logger.Info().Str("worker", cfg.ID).Int("workers", cfg.Workers).Msg("queue: worker started")
	select {
	case <-ctx.Done():
	case <-client.Stopped():
		return errors.New("queue: run: river client stopped unexpectedly")
	}
	cfg.Logger.Info().Str("worker", cfg.ID).Msg("queue: stopping, finishing in-flight jobs")
	if err := client.Stop(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("queue: run: stop: %w", err)
	}
	cfg.Logger.Info().Str("worker", cfg.ID).Msg("queue: worker stopped")
	return nil
}
