package queue_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/cuttings/cuttings/queue"
)

// A distributed run: one machine enqueues the inputs, every machine runs a
// worker until interrupted, and anyone can watch the queue drain. (Not run as
// a test: it needs a PostgreSQL database.)
func Example() {
	ctx := context.Background()
	// The queue's tables live on the DSN's search_path.
	pool, err := pgxpool.New(ctx, "postgres://cuttings@db.example.org/news?options=-c%20search_path%3Dcuttings")
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	if err := queue.Migrate(ctx, pool); err != nil { // once, or on every start: it is idempotent
		log.Fatal(err)
	}

	// cuttings queue add
	added, duplicates, err := queue.Add(ctx, pool, []string{
		"/archive/CC-NEWS-20260101000000-00000.warc.gz",
		"/archive/CC-NEWS-20260101000000-00001.warc.gz",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("added %d, already queued or done %d\n", added, duplicates)

	// cuttings worker, on each machine: SIGINT finishes in-flight inputs.
	runCtx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	err = queue.Run(runCtx, queue.Config{
		Pool:       pool,
		JobTimeout: 30 * time.Minute,
		Process: func(ctx context.Context, input string) (queue.Outcome, error) {
			// Open input, run the pipeline, upsert records into the store.
			return queue.Outcome{Records: 1200, Failures: 3, Note: "1203 pages"}, nil
		},
	})
	if err != nil {
		log.Fatal(err)
	}
}

// Status and Outcomes tell when a run is over and how each input went.
func ExampleOutcomes() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("CUTTINGS_DB"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	waitCtx, cancel := context.WithTimeout(ctx, time.Hour)
	defer cancel()
	if err := queue.Wait(waitCtx, pool); err != nil {
		log.Fatal(err)
	}
	pending, running, done, failed, err := queue.Status(ctx, pool)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("pending %d, running %d, done %d, failed %d\n", pending, running, done, failed)
	outcomes, err := queue.Outcomes(ctx, pool)
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range outcomes {
		if o.Status == queue.StatusFailed {
			fmt.Printf("%s failed after %d attempts on %s: %s\n", o.Input, o.Attempts, o.Worker, o.Error)
		}
	}
}
