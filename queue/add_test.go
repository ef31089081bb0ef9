package queue_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/queue"
)

func TestAddIsIdempotent(t *testing.T) {
	dsn := baseDSN(t)
	pool := newPool(t, dsn, newSchema(t, dsn))
	ctx := context.Background()

	_, _, err := queue.Add(ctx, pool, []string{"a.warc.gz"})
	require.ErrorIs(t, err, queue.ErrNotMigrated)
	require.NoError(t, queue.Migrate(ctx, pool))
	require.NoError(t, queue.Migrate(ctx, pool), "Migrate must be idempotent")

	// The cases run in order against the same queue.
	steps := []struct {
		name          string
		inputs        []string
		wantAdded     int
		wantDuplicate int
		wantErr       error
		wantPending   int
	}{
		{name: "first add, repeat inside the list", inputs: []string{"a.warc.gz", "b.warc.gz", "a.warc.gz"}, wantAdded: 2, wantDuplicate: 1, wantPending: 2},
		{name: "re-add while waiting", inputs: []string{"a.warc.gz", "b.warc.gz", "feed:https://example.org/rss"}, wantAdded: 1, wantDuplicate: 2, wantPending: 3},
		{name: "empty input adds nothing", inputs: []string{"c.warc.gz", "  "}, wantErr: queue.ErrEmptyInput, wantPending: 3},
		{name: "nothing to add", inputs: nil, wantPending: 3},
	}
	for _, step := range steps {
		added, dup, err := queue.Add(ctx, pool, step.inputs)
		if step.wantErr != nil {
			require.ErrorIs(t, err, step.wantErr, step.name)
		} else {
			require.NoError(t, err, step.name)
		}
		assert.Equal(t, step.wantAdded, added, step.name)
		assert.Equal(t, step.wantDuplicate, dup, step.name)
		pending, running, done, failed, err := queue.Status(ctx, pool)
		require.NoError(t, err)
		assert.Equal(t, []int{step.wantPending, 0, 0, 0}, []int{pending, running, done, failed}, step.name)
	}
}

func TestAddAfterRun(t *testing.T) {
	dsn := baseDSN(t)
	pool := newPool(t, dsn, newSchema(t, dsn))
	ctx := context.Background()
	require.NoError(t, queue.Migrate(ctx, pool))

	inputs := []string{"ok-1", "ok-2", "bad"}
	added, _, err := queue.Add(ctx, pool, inputs)
	require.NoError(t, err)
	require.Equal(t, 3, added)
	drain(t, pool, func(_ context.Context, input string) (queue.Outcome, error) {
		if input == "bad" {
			return queue.Outcome{}, queue.ErrPermanent
		}
		return queue.Outcome{Records: 1}, nil
	})

	// Completed jobs block re-adding; so do done outcomes once River's
	// cleaner has deleted the jobs. A failed input may be added again.
	added, dup, err := queue.Add(ctx, pool, inputs)
	require.NoError(t, err)
	assert.Equal(t, 1, added, "only the failed input is enqueued again")
	assert.Equal(t, 2, dup)

	_, err = pool.Exec(ctx, "DELETE FROM river_job WHERE state = 'completed'")
	require.NoError(t, err)
	added, dup, err = queue.Add(ctx, pool, inputs)
	require.NoError(t, err)
	assert.Equal(t, 0, added, "done inputs stay done after their jobs are cleaned")
	assert.Equal(t, 3, dup)
}
