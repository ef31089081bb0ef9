package queue_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/queue"
)

// BenchmarkQueueOverhead measures what the queue costs per input: each
// iteration adds 100 inputs whose Process does nothing and waits until one
// running worker with 4 slots has drained them.
func BenchmarkQueueOverhead(b *testing.B) {
	const perOp = 100
	dsn := baseDSN(b)
	pool := newPool(b, dsn, newSchema(b, dsn))
	ctx := context.Background()
	require.NoError(b, queue.Migrate(ctx, pool))
	cfg := queue.Config{
		Pool: pool, ID: "bench", Workers: 4,
		Process: func(context.Context, string) (queue.Outcome, error) { return queue.Outcome{Records: 1}, nil },
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- queue.Run(runCtx, cfg) }()
	n := 0
	b.ResetTimer()
	for b.Loop() {
		inputs := make([]string, perOp)
		for i := range inputs {
			inputs[i] = fmt.Sprintf("/archive/%08d.warc.gz", n)
			n++
		}
		added, _, err := queue.Add(ctx, pool, inputs)
		require.NoError(b, err)
		require.Equal(b, perOp, added)
		waitCtx, cancelWait := context.WithTimeout(ctx, 5*time.Minute)
		require.NoError(b, queue.Wait(waitCtx, pool))
		cancelWait()
	}
	b.StopTimer()
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "inputs/s")
	cancel()
	require.NoError(b, <-done)
}
