package queue_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/queue"
)

// helperEnv, when set to a schema name, turns the test binary into the
// worker process that TestWorkersSurviveAKilledWorker kills.
const helperEnv = "CUTTINGS_QUEUE_HELPER_SCHEMA"

func TestMain(m *testing.M) {
	if schema := os.Getenv(helperEnv); schema != "" {
		os.Exit(runDoomedWorker(schema))
	}
	os.Exit(m.Run())
}

// fastConfig is a worker config with timings short enough for tests.
func fastConfig(pool *pgxpool.Pool, id string) queue.Config {
	return queue.Config{
		Pool:        pool,
		ID:          id,
		Workers:     2,
		MaxAttempts: 3,
		Backoff:     func(int) time.Duration { return 50 * time.Millisecond },
		JobTimeout:  time.Second,
		RescueAfter: 1500 * time.Millisecond,
	}
}

// runDoomedWorker is worker C: it logs the start of the one job it takes
// and then hangs in it until the test kills the process.
func runDoomedWorker(schema string) int {
	pool, err := openPool(os.Getenv(postgresEnv), schema)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer pool.Close()
	cfg := fastConfig(pool, "C")
	cfg.Workers = 1
	cfg.Process = func(ctx context.Context, input string) (queue.Outcome, error) {
		if _, err := pool.Exec(ctx, "INSERT INTO executions (input, worker) VALUES ($1, 'C')", input); err != nil {
			return queue.Outcome{}, err
		}
		time.Sleep(time.Minute) // killed long before this ends, ignoring ctx like a stuck parser
		return queue.Outcome{}, errors.New("worker C should have been killed")
	}
	if err := queue.Run(context.Background(), cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// sideEffects is the test's stand-in for the pipeline: every run logs an
// execution; a successful one stores its result idempotently, keyed on the
// input, as the real stores do with record ids.
const sideEffectsDDL = `
CREATE TABLE executions (id bigserial PRIMARY KEY, input text NOT NULL, worker text NOT NULL);
CREATE TABLE processed (input text PRIMARY KEY, worker text NOT NULL);
CREATE TABLE outcome_writes (input text NOT NULL);
CREATE FUNCTION log_outcome_write() RETURNS trigger LANGUAGE plpgsql AS
	$$ BEGIN INSERT INTO outcome_writes VALUES (NEW.input); RETURN NEW; END $$;
CREATE TRIGGER outcome_writes AFTER INSERT OR UPDATE ON queue_outcomes
	FOR EACH ROW EXECUTE FUNCTION log_outcome_write();`

// testProcess returns worker id's Process: 200ms of work per input; "broken"
// always fails, "missing" fails permanently and "flaky" fails once.
func testProcess(pool *pgxpool.Pool, id string) func(context.Context, string) (queue.Outcome, error) {
	return func(ctx context.Context, input string) (queue.Outcome, error) {
		var runs int
		err := pool.QueryRow(ctx, `
WITH ins AS (INSERT INTO executions (input, worker) VALUES ($1, $2))
SELECT count(*) FROM executions WHERE input = $1`, input, id).Scan(&runs)
		if err != nil {
			return queue.Outcome{}, err
		}
		select {
		case <-time.After(200 * time.Millisecond):
		case <-ctx.Done():
			return queue.Outcome{}, ctx.Err()
		}
		switch {
		case input == "broken":
			return queue.Outcome{}, errors.New("broken input: bad gzip header")
		case input == "missing":
			return queue.Outcome{}, fmt.Errorf("open missing: no such file: %w", queue.ErrPermanent)
		case input == "flaky" && runs == 0:
			return queue.Outcome{}, errors.New("flaky: connection reset")
		}
		_, err = pool.Exec(ctx, "INSERT INTO processed (input, worker) VALUES ($1, $2) ON CONFLICT (input) DO NOTHING", input, id)
		if err != nil {
			return queue.Outcome{}, err
		}
		return queue.Outcome{Records: len(input), Failures: 1, Note: "by " + id}, nil
	}
}

// startWorker runs a worker in a goroutine; the returned stop cancels it and
// returns Run's error.
func startWorker(t *testing.T, cfg queue.Config) (stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- queue.Run(ctx, cfg) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				err = errors.New("worker did not stop")
			}
		})
		return err
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

// drain runs one worker with process until the queue is empty.
func drain(t *testing.T, pool *pgxpool.Pool, process func(context.Context, string) (queue.Outcome, error)) {
	t.Helper()
	cfg := fastConfig(pool, "drain")
	cfg.Process = process
	stop := startWorker(t, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	require.NoError(t, queue.Wait(ctx, pool))
	require.NoError(t, stop())
}

func leader(ctx context.Context, pool *pgxpool.Pool) string {
	var id string
	_ = pool.QueryRow(ctx, "SELECT leader_id FROM river_leader").Scan(&id)
	return id
}

// TestWorkersSurviveAKilledWorker runs three workers as three machines
// would (own pools and River clients; C in its own process) over 31 inputs.
// C is killed with SIGKILL in the middle of a job; A, the leader, is then
// stopped gracefully, so B takes over, rescues C's job and finishes the run.
// Every input must end with exactly one outcome written exactly once.
func TestWorkersSurviveAKilledWorker(t *testing.T) {
	dsn := baseDSN(t)
	schema := newSchema(t, dsn)
	admin := newPool(t, dsn, schema)
	ctx := context.Background()
	started := time.Now()
	require.NoError(t, queue.Migrate(ctx, admin))
	_, err := admin.Exec(ctx, sideEffectsDDL)
	require.NoError(t, err)

	var inputs []string
	for i := range 28 {
		inputs = append(inputs, fmt.Sprintf("/archive/CC-NEWS-%05d.warc.gz", i))
	}
	inputs = append(inputs, "flaky", "broken", "missing")

	poolA, poolB := newPool(t, dsn, schema), newPool(t, dsn, schema)
	cfgA, cfgB := fastConfig(poolA, "A"), fastConfig(poolB, "B")
	cfgA.Process, cfgB.Process = testProcess(poolA, "A"), testProcess(poolB, "B")

	// A starts first and becomes River's leader.
	stopA := startWorker(t, cfgA)
	eventually(t, 10*time.Second, "A to lead", func() bool { return leader(ctx, admin) == "A" })
	added, dup, err := queue.Add(ctx, admin, inputs)
	require.NoError(t, err)
	require.Equal(t, []int{len(inputs), 0}, []int{added, dup})

	// C, a separate process, takes a job and hangs in it; kill it there.
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+schema)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	require.NoError(t, cmd.Start())
	var killed string
	eventually(t, 10*time.Second, "worker C to take a job", func() bool {
		return admin.QueryRow(ctx, "SELECT input FROM executions WHERE worker = 'C'").Scan(&killed) == nil
	})
	require.NoError(t, cmd.Process.Kill())
	_ = cmd.Wait()
	killedAt := time.Now()
	t.Logf("killed worker C in the middle of %s (C's output: %q)", killed, stderr.String())

	stopB := startWorker(t, cfgB)
	// Once C's job is past RescueAfter, stop A gracefully: B becomes the
	// leader, and River's rescuer runs when a leader takes office.
	time.Sleep(time.Until(killedAt.Add(cfgA.RescueAfter)))
	require.NoError(t, stopA(), "A stops gracefully")

	waitCtx, cancel := context.WithTimeout(ctx, 40*time.Second)
	defer cancel()
	require.NoError(t, queue.Wait(waitCtx, admin))
	require.NoError(t, stopB())
	t.Logf("31 inputs, 3 workers, 1 killed: drained in %s", time.Since(started).Round(10*time.Millisecond))

	outcomes, err := queue.Outcomes(ctx, admin)
	require.NoError(t, err)
	byInput := make(map[string]queue.OutcomeRow, len(outcomes))
	for _, o := range outcomes {
		byInput[o.Input] = o
	}
	require.Len(t, outcomes, len(inputs), "one outcome per input")
	require.Len(t, byInput, len(inputs))
	for _, in := range inputs {
		o, ok := byInput[in]
		require.True(t, ok, "no outcome for %s", in)
		assert.NotEqual(t, "C", o.Worker, "the killed worker finished nothing")
		assert.False(t, o.FinishedAt.Before(o.StartedAt), in)
		switch in {
		case "broken":
			assert.Equal(t, queue.StatusFailed, o.Status)
			assert.Equal(t, 3, o.Attempts, "retried up to MaxAttempts")
			assert.Contains(t, o.Error, "bad gzip header")
		case "missing":
			assert.Equal(t, queue.StatusFailed, o.Status)
			wantAttempts := 1
			if killed == in {
				wantAttempts = 2 // C's run, then the rescued one
			}
			assert.Equal(t, wantAttempts, o.Attempts, "a permanent failure is not retried")
			assert.Contains(t, o.Error, "no such file")
		default:
			assert.Equal(t, queue.StatusDone, o.Status, in)
			assert.Empty(t, o.Error, in)
			assert.Equal(t, len(in), o.Records, in)
			assert.Equal(t, 1, o.Failures, in)
			assert.Equal(t, "by "+o.Worker, o.Note, in)
		}
	}
	if killed != "missing" {
		assert.GreaterOrEqual(t, byInput[killed].Attempts, 2, "the killed job ran again")
	}
	if killed != "flaky" {
		assert.Equal(t, 2, byInput["flaky"].Attempts, "flaky succeeded on its retry")
	}

	counts := func(query string) map[string]int {
		rows, err := admin.Query(ctx, query)
		require.NoError(t, err)
		m := map[string]int{}
		for _, r := range must(pgx.CollectRows(rows, pgx.RowToStructByPos[struct {
			Input string
			N     int
		}])) {
			m[r.Input] = r.N
		}
		return m
	}
	execs := counts("SELECT input, count(*)::int FROM executions GROUP BY input")
	writes := counts("SELECT input, count(*)::int FROM outcome_writes GROUP BY input")
	processed := counts("SELECT input, count(*)::int FROM processed GROUP BY input")
	assert.GreaterOrEqual(t, execs[killed], 2, "C's run and the rescued run")
	for _, in := range inputs {
		assert.Equal(t, 1, writes[in], "outcome of %s written exactly once", in)
		if byInput[in].Status == queue.StatusDone {
			assert.Equal(t, 1, processed[in], "side effect of %s", in)
		} else {
			assert.Zero(t, processed[in], "side effect of failed %s", in)
		}
	}
	assert.Equal(t, 3, execs["broken"])
	assert.Len(t, processed, len(inputs)-2)

	pending, running, done, failed, err := queue.Status(ctx, admin)
	require.NoError(t, err)
	assert.Equal(t, []int{0, 0, len(inputs) - 2, 2}, []int{pending, running, done, failed})
	perWorker := map[string]int{}
	for _, o := range outcomes {
		perWorker[o.Worker]++
	}
	t.Logf("outcomes per worker: %v; runs of the killed input: %d; total runs: %d", perWorker, execs[killed], sum(execs))
}

func TestRunStopsGracefully(t *testing.T) {
	dsn := baseDSN(t)
	tests := []struct {
		name        string
		stopTimeout time.Duration
		release     bool // the in-flight job is allowed to finish
		wantStatus  []int
	}{
		{name: "in-flight job finishes", release: true, wantStatus: []int{0, 0, 1, 0}},
		{name: "stop timeout returns the job to the queue", stopTimeout: 200 * time.Millisecond, wantStatus: []int{1, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pool := newPool(t, dsn, newSchema(t, dsn))
			ctx := context.Background()
			require.NoError(t, queue.Migrate(ctx, pool))
			_, _, err := queue.Add(ctx, pool, []string{"slow.warc.gz"})
			require.NoError(t, err)

			inFlight, release := make(chan struct{}), make(chan struct{})
			cfg := fastConfig(pool, "solo")
			cfg.JobTimeout, cfg.RescueAfter = 10*time.Second, 20*time.Second
			cfg.StopTimeout = tt.stopTimeout
			cfg.Process = func(ctx context.Context, _ string) (queue.Outcome, error) {
				close(inFlight)
				select {
				case <-release:
					return queue.Outcome{Records: 7}, nil
				case <-ctx.Done():
					return queue.Outcome{}, ctx.Err()
				}
			}
			runCtx, cancel := context.WithCancel(ctx)
			done := make(chan error, 1)
			go func() { done <- queue.Run(runCtx, cfg) }()
			<-inFlight
			cancel()
			returned := false
			select {
			case err := <-done:
				require.NotZero(t, tt.stopTimeout, "Run returned (%v) before its in-flight job finished", err)
				require.NoError(t, err)
				returned = true
			case <-time.After(500 * time.Millisecond):
				require.Zero(t, tt.stopTimeout, "Run ignored StopTimeout")
			}
			if tt.release {
				close(release)
			}
			if !returned {
				select {
				case err := <-done:
					require.NoError(t, err)
				case <-time.After(10 * time.Second):
					t.Fatal("Run did not return")
				}
			}
			pending, running, done2, failed, err := queue.Status(ctx, pool)
			require.NoError(t, err)
			assert.Equal(t, tt.wantStatus, []int{pending, running, done2, failed})
			var attempt int
			require.NoError(t, pool.QueryRow(ctx, "SELECT attempt FROM river_job").Scan(&attempt))
			if !tt.release {
				assert.Zero(t, attempt, "an interrupted run does not use an attempt")
			}
		})
	}
}

func TestRunRejectsBadConfig(t *testing.T) {
	dsn := baseDSN(t)
	pool := newPool(t, dsn, newSchema(t, dsn))
	process := func(context.Context, string) (queue.Outcome, error) { return queue.Outcome{}, nil }
	tests := []struct {
		name    string
		cfg     queue.Config
		wantErr error
	}{
		{name: "no pool", cfg: queue.Config{Process: process}, wantErr: queue.ErrConfig},
		{name: "no process", cfg: queue.Config{Pool: pool}, wantErr: queue.ErrConfig},
		{name: "rescue before timeout", cfg: queue.Config{Pool: pool, Process: process, JobTimeout: time.Minute, RescueAfter: time.Second}, wantErr: queue.ErrConfig},
		{name: "too many attempts", cfg: queue.Config{Pool: pool, Process: process, MaxAttempts: 100}, wantErr: queue.ErrConfig},
		{name: "not migrated", cfg: queue.Config{Pool: pool, Process: process}, wantErr: queue.ErrNotMigrated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := queue.Run(context.Background(), tt.cfg)
			require.ErrorIs(t, err, tt.wantErr)
			assert.True(t, strings.HasPrefix(err.Error(), "queue: "), err.Error())
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func TestRunGivesUp(t *testing.T) {
	dsn := baseDSN(t)
	tests := []struct {
		name         string
		priorRuns    int  // runs whose worker died, as River's rescuer leaves them
		priorVerdict bool // the last of them recorded a failure before dying
		process      func(context.Context, string) (queue.Outcome, error)
		wantAttempts int
		wantError    string
		wantCalls    int
	}{
		{
			name:      "input whose workers keep dying",
			priorRuns: 3,
			process: func(context.Context, string) (queue.Outcome, error) {
				return queue.Outcome{Records: 1}, nil
			},
			wantAttempts: 4, wantError: "gave up after 3 attempts", wantCalls: 0,
		},
		{
			name:      "worker died after recording the failure",
			priorRuns: 3, priorVerdict: true,
			process: func(context.Context, string) (queue.Outcome, error) {
				return queue.Outcome{Records: 1}, nil
			},
			wantAttempts: 3, wantError: "first verdict", wantCalls: 0,
		},
		{
			name: "input slower than JobTimeout",
			process: func(ctx context.Context, _ string) (queue.Outcome, error) {
				<-ctx.Done()
				return queue.Outcome{}, ctx.Err()
			},
			wantAttempts: 3, wantError: "timed out after 300ms", wantCalls: 3,
		},
		{
			name: "panicking process",
			process: func(context.Context, string) (queue.Outcome, error) {
				var m map[string]int
				m["x"]++
				return queue.Outcome{}, nil
			},
			wantAttempts: 3, wantError: "process panicked: assignment to entry in nil map", wantCalls: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pool := newPool(t, dsn, newSchema(t, dsn))
			ctx := context.Background()
			require.NoError(t, queue.Migrate(ctx, pool))
			_, _, err := queue.Add(ctx, pool, []string{"poison.warc.gz"})
			require.NoError(t, err)
			if tt.priorRuns > 0 {
				_, err := pool.Exec(ctx, `UPDATE river_job SET attempt = $1,
					errors = ARRAY['{"at":"2026-01-01T00:00:00Z","attempt":3,"error":"Stuck job rescued by JobRescuer"}'::jsonb]`, tt.priorRuns)
				require.NoError(t, err)
			}
			if tt.priorVerdict {
				_, err := pool.Exec(ctx, `INSERT INTO queue_outcomes (input, status, worker, job_id, attempts, error, started_at, finished_at)
					SELECT args->>'input', 'failed', 'dead', id, attempt, 'first verdict', now(), now() FROM river_job`)
				require.NoError(t, err)
			}
			var mu sync.Mutex
			calls := 0
			cfg := fastConfig(pool, "solo")
			cfg.JobTimeout, cfg.RescueAfter = 300*time.Millisecond, 5*time.Second
			cfg.Process = func(ctx context.Context, input string) (queue.Outcome, error) {
				mu.Lock()
				calls++
				mu.Unlock()
				return tt.process(ctx, input)
			}
			stop := startWorker(t, cfg)
			waitCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
			defer cancel()
			require.NoError(t, queue.Wait(waitCtx, pool))
			require.NoError(t, stop())

			outcomes, err := queue.Outcomes(ctx, pool)
			require.NoError(t, err)
			require.Len(t, outcomes, 1)
			o := outcomes[0]
			assert.Equal(t, queue.StatusFailed, o.Status)
			assert.Equal(t, tt.wantAttempts, o.Attempts)
			assert.Contains(t, o.Error, tt.wantError)
			assert.Equal(t, tt.wantCalls, calls)
			_, _, _, failed, err := queue.Status(ctx, pool)
			require.NoError(t, err)
			assert.Equal(t, 1, failed)
		})
	}
}
