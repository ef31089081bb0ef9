package queue

import (
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// Kind is the River job kind of an input job, and QueueName the River queue
// they go to, so the queue can share a database with other River users.
const (
	Kind      = "cuttings_input"
	QueueName = "cuttings"
)

// jobMaxAttempts is the max_attempts River stores on every job. It is a
// ceiling only: the worker gives an input up after Config.MaxAttempts, which
// lets machines change the limit for jobs already enqueued.
const jobMaxAttempts = 25

// inputArgs is the River job for one input.
type inputArgs struct {
	Input string `json:"input" river:"unique"`
}

// Kind implements river.JobArgs.
func (inputArgs) Kind() string { return Kind }

// InsertOpts implements river.JobArgsWithInsertOpts.
//
// Uniqueness is by args (the input) across River's default states:
// available, pending, scheduled, retryable, running and completed. An input
// is therefore never enqueued twice while it waits, runs or after it
// succeeded; one that failed (cancelled or discarded) may be added again to
// retry it. Add also consults queue_outcomes so that an input stays done after
// River's cleaner has deleted its completed job (24 hours by default).
func (inputArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{
		Queue:       QueueName,
		MaxAttempts: jobMaxAttempts,
		UniqueOpts: river.UniqueOpts{
			ByArgs:  true,
			ByState: rivertype.UniqueOptsByStateDefault(),
		},
	}
}
