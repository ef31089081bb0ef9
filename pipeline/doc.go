// Package pipeline runs the stages of cuttings over a stream of documents:
// extract and normalize on every core with bounded queues, then the records
// written to the store in batched transactions and, optionally, as JSON
// Lines. A failure stops one input, never the run.
package pipeline
