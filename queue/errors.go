package queue

import "errors"

// ErrConfig is returned by Run for a Config it cannot work with.
var ErrConfig = errors.New("invalid queue config")

// ErrNotMigrated is returned when the queue's tables are missing: call
// Migrate first (or fix the DSN's search_path).
var ErrNotMigrated = errors.New("queue tables missing; run Migrate first")

// ErrEmptyInput is returned by Add for an input that is empty or only
// white space.
var ErrEmptyInput = errors.New("empty input")

// ErrPermanent, wrapped in an error returned by Config.Process, marks a
// failure that retrying cannot fix (a missing file, a malformed URL list):
// the input is recorded as failed at once instead of being retried.
var ErrPermanent = errors.New("permanent failure")
