package main

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/fetch/web"
	"github.com/cuttings/cuttings/pipeline"
	"github.com/cuttings/cuttings/queue"
	"github.com/cuttings/cuttings/store"
)

// openQueue connects to the PostgreSQL database the queue lives in.
func openQueue(ctx context.Context, c *common) (*pgxpool.Pool, error) {
	if !isPostgres(c.db) {
		return nil, fmt.Errorf("%w: the queue needs --db postgres://... (or CUTTINGS_DB)", errUsage)
	}
	pool, err := pgxpool.New(ctx, c.db)
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", redact(c.db), err)
	}
	if err := queue.Migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	return pool, nil
}

// cmdQueue enqueues inputs (files, folders, WARC files, URLs) as unique jobs
// for workers on any number of machines. File paths are made absolute: the
// workers must see the same paths (a shared volume).
func cmdQueue(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "status") {
		return fmt.Errorf("%w: queue add INPUT... | queue status", errUsage)
	}
	var c common
	fs := newFlags("queue "+args[0], e)
	c.register(fs, e)
	inputs, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	pool, err := openQueue(ctx, &c)
	if err != nil {
		return err
	}
	defer pool.Close()
	if args[0] == "status" {
		pending, running, done, failed, err := queue.Status(ctx, pool)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "pending %d, running %d, done %d, failed %d\n", pending, running, done, failed)
		return nil
	}
	if len(inputs) == 0 {
		return fmt.Errorf("%w: queue add needs inputs", errUsage)
	}
	for i, in := range inputs {
		if !strings.Contains(in, "://") {
			if abs, err := filepath.Abs(in); err == nil {
				inputs[i] = abs
			}
		}
	}
	added, dups, err := queue.Add(ctx, pool, inputs)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "queued %d inputs (%d already queued or done)\n", added, dups)
	return nil
}

// cmdWorker pulls queued inputs and processes each into the PostgreSQL store
// until interrupted; an interrupted worker finishes its jobs in flight.
func cmdWorker(ctx context.Context, e *env, args []string) error {
	var f runFlags
	fs := f.register("worker", e)
	jobs := fs.Int("jobs", 2, "inputs processed at once by this worker")
	if rest, err := fs.parse(args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("%w: worker takes no arguments", errUsage)
	}
	log, err := f.logger(e)
	if err != nil {
		return err
	}
	pool, err := openQueue(ctx, &f.common)
	if err != nil {
		return err
	}
	defer pool.Close()
	st, err := openStore(ctx, f.db, log)
	if err != nil {
		return err
	}
	defer st.Close()
	x, err := f.extractor(log)
	if err != nil {
		return err
	}
	client := web.New(web.Config{Logger: log, MaxBody: f.maxBytes})
	files := fileReader(f.maxBytes, nil, log)
	host, _ := os.Hostname()
	process := func(ctx context.Context, input string) (queue.Outcome, error) {
		runID, err := st.BeginRun(ctx, store.Run{StartedAt: time.Now().UTC(), Command: "worker " + host + ": " + input})
		if err != nil {
			return queue.Outcome{}, err
		}
		var docs iter.Seq2[*fetch.Document, error]
		if !strings.Contains(input, "://") {
			if _, err := os.Stat(input); err != nil {
				// A path this machine cannot see will not appear on retry.
				return queue.Outcome{}, fmt.Errorf("%w: %w", queue.ErrPermanent, err)
			}
		}
		if strings.HasPrefix(input, "http://") || strings.HasPrefix(input, "https://") {
			docs = func(yield func(*fetch.Document, error) bool) {
				doc, err := client.Get(ctx, input)
				if err != nil {
					err = &fetch.InputError{Input: input, Stage: "fetch", Err: err}
				}
				yield(doc, err)
			}
		} else {
			docs = files.Read([]string{input})
		}
		stats, err := pipeline.Run(ctx, pipeline.Config{Extractor: x, Store: st, RunID: runID,
			Workers: f.workers, Resume: !f.redo, KeepRaw: !f.noRaw, Logger: log}, docs)
		_ = st.EndRun(context.WithoutCancel(ctx), store.Run{ID: runID, EndedAt: time.Now().UTC(),
			Inputs: stats.Inputs, Records: stats.Records, Failures: stats.Failures})
		out := queue.Outcome{Records: stats.Records, Failures: stats.Failures,
			Note: fmt.Sprintf("run %d: %d inputs, %d skipped as already stored", runID, stats.Inputs, stats.Skipped)}
		return out, err
	}
	fmt.Fprintf(e.stderr, "worker %s: waiting for jobs (Ctrl-C to stop)\n", host)
	err = queue.Run(ctx, queue.Config{Pool: pool, Workers: *jobs, Logger: log, Process: process})
	if err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}
