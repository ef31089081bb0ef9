package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
)

// finishTimeout bounds the writes that record an outcome; they run even when
// the job's context was cancelled, so finished work is not thrown away.
const finishTimeout = 30 * time.Second

// inputWorker is the River worker that runs Config.Process for one input and
// records its outcome.
type inputWorker struct {
	river.WorkerDefaults[inputArgs]
	cfg Config
}

// Timeout implements river.Worker with Config.JobTimeout. (River never
// rescues a job without a timeout, so there always is one.)
func (w *inputWorker) Timeout(*river.Job[inputArgs]) time.Duration { return w.cfg.JobTimeout }

// NextRetry implements river.Worker with Config.Backoff, or River's default
// when it is nil.
func (w *inputWorker) NextRetry(job *river.Job[inputArgs]) time.Time {
	if w.cfg.Backoff == nil {
		return time.Time{}
	}
	return nextRetry(w.cfg.Backoff, job.Attempt)
}

// Work implements river.Worker.
func (w *inputWorker) Work(ctx context.Context, job *river.Job[inputArgs]) error {
	input := job.Args.Input
	log := w.cfg.Logger.With().Str("input", input).Int64("job", job.ID).Int("attempt", job.Attempt).Logger()
	started := w.cfg.Now()
	if job.Attempt > w.cfg.MaxAttempts {
		// Earlier runs ended without a verdict (their worker died and River
		// rescued the job), or MaxAttempts was lowered: give up.
		err := fmt.Errorf("queue: gave up after %d attempts: %s", job.Attempt-1, lastError(job.JobRow))
		w.fail(ctx, job, started, err)
		return river.JobCancel(err)
	}
	out, err := w.process(ctx, input)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			err = fmt.Errorf("queue: timed out after %s: %w", w.cfg.JobTimeout, err)
		} else if ctx.Err() != nil {
			// Shutting down: put the job back without using an attempt.
			log.Info().Err(err).Msg("queue: interrupted, job returned to the queue")
			return river.JobSnooze(0)
		}
		if errors.Is(err, ErrPermanent) || job.Attempt >= w.cfg.MaxAttempts {
			log.Warn().Err(err).Msg("queue: input failed")
			w.fail(ctx, job, started, err)
			return river.JobCancel(err)
		}
		log.Info().Err(err).Msg("queue: input failed, will retry")
		return err
	}
	if err := w.complete(ctx, job, out, started); err != nil {
		return err
	}
	log.Info().Int("records", out.Records).Int("failures", out.Failures).Msg("queue: input done")
	return nil
}

// process runs Config.Process, turning a panic into an error.
func (w *inputWorker) process(ctx context.Context, input string) (out Outcome, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("queue: process panicked: %v", r)
		}
	}()
	return w.cfg.Process(ctx, input)
}

// complete writes the done outcome and marks the job completed in one
// transaction. If the job is no longer running (a duplicate run of a rescued
// job already finished it), nothing is written.
func (w *inputWorker) complete(ctx context.Context, job *river.Job[inputArgs], out Outcome, started time.Time) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), finishTimeout)
	defer cancel()
	tx, err := w.cfg.Pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("queue: record outcome: %w", err)
	}
	defer func() { _ = tx.Rollback(ctx) }() // no-op after Commit
	_, err = tx.Exec(ctx, upsertDone, job.Args.Input, w.cfg.ID, job.ID, job.Attempt,
		out.Records, out.Failures, out.Note, started, w.cfg.Now())
	if err != nil {
		return fmt.Errorf("queue: record outcome: %w", err)
	}
	if _, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job); err != nil {
		if errors.Is(err, rivertype.ErrNotFound) {
			w.cfg.Logger.Info().Str("input", job.Args.Input).Int64("job", job.ID).
				Msg("queue: job already finished by another run; outcome left as it was")
			return nil
		}
		return fmt.Errorf("queue: complete job: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("queue: record outcome: %w", err)
	}
	return nil
}

// fail records a failed outcome. The upsert is idempotent and keeps a success
// or an earlier verdict on the same job; a write error is only logged, since
// the job's final state still tells Status the input failed.
func (w *inputWorker) fail(ctx context.Context, job *river.Job[inputArgs], started time.Time, cause error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), finishTimeout)
	defer cancel()
	_, err := w.cfg.Pool.Exec(ctx, upsertFailed, job.Args.Input, w.cfg.ID, job.ID, job.Attempt,
		cause.Error(), started, w.cfg.Now())
	if err != nil {
		w.cfg.Logger.Error().Err(err).Str("input", job.Args.Input).Msg("queue: record failed outcome")
	}
}

// lastError returns the last error River stored for job, or a note that the
// previous run stopped without one.
func lastError(job *rivertype.JobRow) string {
	if n := len(job.Errors); n > 0 {
		return job.Errors[n-1].Error
	}
	return "the last run stopped without an error (worker died?)"
}

// nextRetry is when retry number attempt is due under backoff; never now or
// earlier, which River would replace with its default policy.
func nextRetry(backoff func(int) time.Duration, attempt int) time.Time {
	return time.Now().Add(max(backoff(max(attempt, 1)), time.Millisecond))
}

// backoffPolicy is a river.ClientRetryPolicy from Config.Backoff, used for
// jobs River rescues from dead workers.
type backoffPolicy struct {
	backoff func(int) time.Duration
}

// NextRetry implements river.ClientRetryPolicy.
func (p backoffPolicy) NextRetry(job *rivertype.JobRow) time.Time {
	return nextRetry(p.backoff, job.Attempt)
}
