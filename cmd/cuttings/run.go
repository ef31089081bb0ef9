package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/rs/zerolog"

	"github.com/cuttings/cuttings/extract"
	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/fetch/warc"
	"github.com/cuttings/cuttings/pipeline"
	"github.com/cuttings/cuttings/store"
)

// runFlags are the flags of the commands that process documents.
type runFlags struct {
	common
	format     string
	out        string
	published  string
	workers    int
	redo       bool
	maxBytes   int64
	noRaw      bool
	refdata    string
	cpuprofile string
}

func (f *runFlags) register(fsName string, e *env) *flagSet {
	fs := newFlags(fsName, e)
	f.common.register(fs, e)
	fs.StringVar(&f.format, "format", "", "also write records: jsonl (to --out or stdout)")
	fs.StringVar(&f.out, "out", "", "file for --format jsonl records (implies --format jsonl)")
	fs.StringVar(&f.published, "published", "", "publication date (YYYY-MM-DD) for inputs that give none")
	fs.IntVar(&f.workers, "workers", 0, "documents processed at once (default: every core)")
	fs.BoolVar(&f.redo, "redo", false, "re-extract inputs already in the store instead of skipping them")
	fs.Int64Var(&f.maxBytes, "max-bytes", fetch.DefaultMaxBytes, "largest input accepted, in bytes")
	fs.BoolVar(&f.noRaw, "no-raw", false, "do not keep raw pages in the store")
	fs.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof reads it)")
	fs.StringVar(&f.refdata, "refdata", "", "NHS reference data folder from 'cuttings refdata update' (default: the embedded data)")
	return &flagSet{fs}
}

// session is what a processing command sets up from its flags.
type session struct {
	log       zerolog.Logger
	store     store.Store
	runID     int64
	extractor *extract.Extractor
	out       io.Writer
	closeOut  func() error
}

func (f *runFlags) open(ctx context.Context, e *env, cmdline string) (*session, error) {
	log, err := f.logger(e)
	if err != nil {
		return nil, err
	}
	s := &session{log: log, closeOut: func() error { return nil }}
	switch {
	case f.out != "" && f.format == "":
		f.format = "jsonl"
	case f.format != "" && f.format != "jsonl":
		return nil, fmt.Errorf("%w: --format %q: only jsonl is written here (see 'cuttings export' for csv and parquet)", errUsage, f.format)
	}
	if s.extractor, err = f.extractor(log); err != nil {
		return nil, err
	}
	if f.format == "jsonl" {
		s.out = e.stdout
		if f.out != "" && f.out != "-" {
			file, err := os.Create(f.out)
			if err != nil {
				return nil, fmt.Errorf("--out: %w", err)
			}
			s.out, s.closeOut = file, file.Close
		}
	}
	if f.db != "" && f.db != "none" {
		st, err := openStore(ctx, f.db, log)
		if err != nil {
			s.closeOut()
			return nil, err
		}
		s.store = st
		id, err := st.BeginRun(ctx, store.Run{StartedAt: time.Now().UTC(), Command: cmdline})
		if err != nil {
			st.Close()
			s.closeOut()
			return nil, fmt.Errorf("begin run: %w", err)
		}
		s.runID = id
	}
	return s, nil
}

// extractor builds the extract stage the flags ask for.
func (f *runFlags) extractor(log zerolog.Logger) (*extract.Extractor, error) {
	cfg := extract.Config{Logger: log}
	if f.refdata != "" {
		if _, err := os.Stat(f.refdata); err != nil {
			return nil, fmt.Errorf("%w: --refdata: %w", errUsage, err)
		}
		cfg.RefData = os.DirFS(f.refdata)
	}
	if f.published != "" {
		t, _, ok := extract.ParseDate(f.published)
		if !ok {
			return nil, fmt.Errorf("%w: --published %q: want a date such as 2023-09-26", errUsage, f.published)
		}
		cfg.DefaultPublished = t
	}
	return extract.New(cfg)
}

// process runs the pipeline over docs and reports the outcome: a summary on
// stderr, errSomeFailed when any input failed.
func (s *session) process(ctx context.Context, e *env, f *runFlags, name string, total int,
	docs iter.Seq2[*fetch.Document, error], resume bool) error {
	prog := newProgress(e.stderr, s.log, total)
	cfg := pipeline.Config{
		Extractor: s.extractor, Store: s.store, RunID: s.runID, Out: s.out, Workers: f.workers,
		Resume: resume && !f.redo && s.out == nil, KeepRaw: !f.noRaw, Logger: s.log,
		OnFailure: func(err error) {
			prog.clear()
			fmt.Fprintf(e.stderr, "%s %s: %s\n", programName, name, oneLine(err.Error()))
		},
		OnProgress: prog.update,
	}
	if f.cpuprofile != "" {
		stop, err := startProfile(f.cpuprofile)
		if err != nil {
			return err
		}
		defer stop()
	}
	stats, runErr := pipeline.Run(ctx, cfg, docs)
	prog.done()
	closeErr := s.closeOut()
	if s.store != nil {
		endErr := s.store.EndRun(context.WithoutCancel(ctx), store.Run{ID: s.runID, EndedAt: time.Now().UTC(),
			Inputs: stats.Inputs, Records: stats.Records, Failures: stats.Failures})
		if err := s.store.Close(); err != nil && endErr == nil {
			endErr = err
		}
		if runErr == nil {
			runErr = endErr
		}
	}
	summary(e.stderr, name, stats, s)
	switch {
	case runErr != nil && errors.Is(runErr, context.Canceled):
		return fmt.Errorf("interrupted: work done so far is saved; run the same command again to resume")
	case runErr != nil:
		return runErr
	case closeErr != nil:
		return fmt.Errorf("--out: %w", closeErr)
	case stats.Failures > 0:
		return errSomeFailed
	}
	return nil
}

func summary(w io.Writer, name string, st pipeline.Stats, s *session) {
	secs, rate := st.Rate()
	fmt.Fprintf(w, "%s %s: %d inputs, %d records, %d skipped as already stored, %d failed in %.1fs (%.0f/s)",
		programName, name, st.Inputs, st.Records, st.Skipped, st.Failures, secs, rate)
	if s.store != nil {
		fmt.Fprintf(w, "; run %d", s.runID)
		if st.Failures > 0 {
			fmt.Fprintf(w, " ('%s errors' lists the failures)", programName)
		}
	}
	fmt.Fprintln(w)
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func cmdRun(ctx context.Context, e *env, args []string) error {
	var f runFlags
	fs := f.register("run", e)
	paths, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: no inputs: name files, folders, .jsonl, .warc(.gz) or - for stdin", errUsage)
	}
	s, err := f.open(ctx, e, "run "+strings.Join(args, " "))
	if err != nil {
		return err
	}
	files := fileReader(f.maxBytes, e.stdin, s.log)
	return s.process(ctx, e, &f, "run", files.Count(paths), files.Read(paths), true)
}

// fileReader reads local inputs, web archives included, up to maxBytes each
// (a WARC record counting as an input).
func fileReader(maxBytes int64, stdin io.Reader, log zerolog.Logger) *fetch.Files {
	return &fetch.Files{MaxBytes: maxBytes, Stdin: stdin, Logger: log,
		Archive: func(path string) iter.Seq2[*fetch.Document, error] {
			return warc.Documents(path, warc.Options{MaxRecordSize: maxBytes, Logger: log})
		}}
}

// startProfile starts a CPU profile; the returned function stops it.
func startProfile(path string) (func(), error) {
	file, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(file); err != nil {
		file.Close()
		return nil, fmt.Errorf("--cpuprofile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		file.Close()
	}, nil
}
