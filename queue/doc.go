// Package queue is the distributed engine of cuttings: a job queue on
// PostgreSQL, built on River (github.com/riverqueue/river), that lets any
// number of machines share a run over inputs too large for one of them.
//
// The queue knows nothing about extraction. An input is an opaque string (a
// WARC path, a URL list, a feed URL, a file) and the work done for it is the
// Process function a caller injects into Config. The flow is:
//
//   - Migrate creates River's tables and the queue_outcomes table (once per
//     database; safe to run from every machine at start-up).
//   - Add enqueues inputs as unique jobs: an input that is waiting, running or
//     already done is never enqueued a second time.
//   - Run, on each machine, pulls jobs until its context is cancelled, retries
//     failures with backoff and records one outcome row per input.
//   - Status, Wait and Outcomes report progress and results.
//
// All functions use the tables on the pool's search_path; to keep the queue in
// its own schema, name it in the DSN (options=-c search_path=NAME).
//
// Delivery is at least once, outcomes are exactly once: a job whose worker
// dies is rescued by River and run again, so Process must be idempotent for
// an input (the stores upsert on record ids, which makes it so). The outcome
// of a successful input is written in the same transaction that marks its
// job completed, so it is recorded exactly once however often it ran.
package queue
