package queue_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/queue"
)

// BenchmarkQueueOverhead measures what the queue costs per input: Add, then
// one worker with 4 slots drains b.N inputs whose Process does nothing.
func BenchmarkQueueOverhead(b *testing.B) {
	dsn := baseDSN(b)
	pool := newPool(b, dsn, newSchema(b, dsn))
	ctx := context.Background()
	require.NoError(b, queue.Migrate(ctx, pool))
	inputs := make([]string, b.N)
	for i := range inputs {
		inputs[i] = fmt.Sprintf("/archive/%08d.warc.gz", i)
	}
	cfg := queue.Config{
		Pool: pool, ID: "bench", Workers: 4,
		Process: func(context.Context, string) (queue.Outcome, error) { return queue.Outcome{Records: 1}, nil },
	}
	b.ResetTimer()
	added, _, err := queue.Add(ctx, pool, inputs)
	require.NoError(b, err)
	require.Equal(b, b.N, added)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- queue.Run(runCtx, cfg) }()
	waitCtx, cancelWait := context.WithTimeout(ctx, 5*time.Minute)
	defer cancelWait()
	require.NoError(b, queue.Wait(waitCtx, pool))
	b.StopTimer()
	cancel()
	require.NoError(b, <-done)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "inputs/s")
}
