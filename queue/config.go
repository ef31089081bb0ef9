package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rs/zerolog"
)

// DefaultMaxAttempts is the number of times an input is tried when
// Config.MaxAttempts is zero.
const DefaultMaxAttempts = 5

// DefaultJobTimeout is the longest one input may take when
// Config.JobTimeout is zero.
const DefaultJobTimeout = time.Hour

// DefaultRescueMargin is how much longer than the job timeout a job may stay
// running before it is presumed abandoned, when Config.RescueAfter is zero.
const DefaultRescueMargin = 10 * time.Minute

// Config configures one worker process (one machine) started with Run.
type Config struct {
	// Pool is the shared PostgreSQL database holding the queue; required.
	Pool *pgxpool.Pool
	// ID names this worker in River and in the outcomes table; it must be
	// unique among running workers. Default "HOST-PID-RANDOM".
	ID string
	// Workers is how many jobs this process runs at once; default
	// GOMAXPROCS.
	Workers int
	// MaxAttempts is how many times an input is tried before it is given up
	// and recorded as failed; default DefaultMaxAttempts.
	MaxAttempts int
	// Backoff returns the wait before retry number attempt (1 after the first
	// failure); nil uses River's default, attempt^4 seconds with jitter.
	Backoff func(attempt int) time.Duration
	// JobTimeout is the longest one input may take: then its context is
	// cancelled and the run counts as a failed attempt. Default
	// DefaultJobTimeout.
	JobTimeout time.Duration
	// RescueAfter is how long a job may stay running before it is presumed
	// abandoned by a dead worker and retried elsewhere; it must exceed
	// JobTimeout. River's leader looks for such jobs when it takes office and
	// every 30s after. Default JobTimeout + DefaultRescueMargin.
	RescueAfter time.Duration
	// StopTimeout bounds the graceful stop once the context of Run is
	// cancelled: in-flight jobs get this long to finish before their contexts
	// are cancelled (they are then retried later without using an attempt).
	// Zero waits for them however long they take.
	StopTimeout time.Duration
	// Logger receives River's and the queue's messages; default zerolog.Nop()
	// (the zero value).
	Logger zerolog.Logger
	// Now is the clock for outcome timestamps; default time.Now.
	Now func() time.Time
	// Process does the work for one input and reports what it produced. An
	// error makes the input be retried with backoff; wrap ErrPermanent in it
	// to give up at once. Process may run more than once for the same input
	// (a worker died mid-job), so it must be idempotent. Required.
	Process func(ctx context.Context, input string) (Outcome, error)
}

// withDefaults returns c with every zero field given its default, or an
// error wrapping ErrConfig for a missing required field.
func (c Config) withDefaults() (Config, error) {
	if c.Pool == nil {
		return c, fmt.Errorf("queue: %w: Pool is nil", ErrConfig)
	}
	if c.Process == nil {
		return c, fmt.Errorf("queue: %w: Process is nil", ErrConfig)
	}
	if c.Workers < 0 || c.MaxAttempts < 0 || c.JobTimeout < 0 || c.RescueAfter < 0 || c.StopTimeout < 0 {
		return c, fmt.Errorf("queue: %w: negative Workers, MaxAttempts, JobTimeout, RescueAfter or StopTimeout", ErrConfig)
	}
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.MaxAttempts == 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.MaxAttempts > jobMaxAttempts {
		return c, fmt.Errorf("queue: %w: MaxAttempts %d above %d", ErrConfig, c.MaxAttempts, jobMaxAttempts)
	}
	if c.JobTimeout == 0 {
		c.JobTimeout = DefaultJobTimeout
	}
	if c.RescueAfter == 0 {
		c.RescueAfter = c.JobTimeout + DefaultRescueMargin
	}
	if c.RescueAfter <= c.JobTimeout {
		return c, fmt.Errorf("queue: %w: RescueAfter %s must exceed JobTimeout %s", ErrConfig, c.RescueAfter, c.JobTimeout)
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.ID == "" {
		c.ID = defaultID()
	}
	return c, nil
}

// defaultID returns "HOST-PID-RANDOM", unique enough for workers sharing a
// host or a process.
func defaultID() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "worker"
	}
	var b [3]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	return fmt.Sprintf("%s-%d-%s", host, os.Getpid(), hex.EncodeToString(b[:]))
}
