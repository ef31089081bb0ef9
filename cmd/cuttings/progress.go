package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/pipeline"
)

// progress shows a run's progress: a status line redrawn in place on a
// terminal, a log line every logEvery otherwise.
type progress struct {
	mu       sync.Mutex
	w        io.Writer
	log      zerolog.Logger
	total    int
	tty      bool
	last     time.Time
	shown    bool
	every    time.Duration
	snapshot pipeline.Stats
}

const (
	drawEvery = 200 * time.Millisecond
	logEvery  = 10 * time.Second
)

func newProgress(w io.Writer, log zerolog.Logger, total int) *progress {
	p := &progress{w: w, log: log, total: total, tty: isTerminal(w), last: time.Now()}
	p.every = logEvery
	if p.tty {
		p.every = drawEvery
	}
	return p
}

func (p *progress) update(st pipeline.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.snapshot = st
	if time.Since(p.last) < p.every {
		return
	}
	p.last = time.Now()
	p.show(st)
}

func (p *progress) show(st pipeline.Stats) {
	_, rate := st.Rate()
	eta := ""
	// The total counts files; inputs count articles, so an ETA is shown only
	// while articles have not outrun files (no archives or JSON Lines).
	if p.total > 0 && st.Inputs <= p.total && rate > 0 {
		left := time.Duration(float64(p.total-st.Inputs) / rate * float64(time.Second)).Round(time.Second)
		eta = fmt.Sprintf(", %d%% ETA %s", st.Inputs*100/p.total, left)
	}
	if p.tty {
		fmt.Fprintf(p.w, "\r\033[K%d articles, %.0f/s, %d errors%s", st.Inputs, rate, st.Failures, eta)
		p.shown = true
		return
	}
	p.log.Info().Int("inputs", st.Inputs).Int("records", st.Records).Int("errors", st.Failures).
		Float64("per_second", rate).Msg("progress" + eta)
}

// clear removes the status line so that another line can be printed.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.tty && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

func (p *progress) done() { p.clear() }
