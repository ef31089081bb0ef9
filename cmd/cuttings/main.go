// Command cuttings turns news articles into structured, checkable records:
// organisations with their NHS codes, quotes with their speakers, dates,
// counts and the claims built from them, stored in SQLite or PostgreSQL.
//
// Usage:
//
//	cuttings run [flags] PATH...        files, folders, JSON Lines, WARC, - for stdin
//	cuttings fetch [flags] URL...       web pages, --urls FILE, --feed URL, --sitemap URL
//	cuttings reprocess [flags]          re-extract every stored raw page
//	cuttings export --table T [flags]   articles, quotes, ... as csv, jsonl or parquet
//	cuttings claims [flags]             list stored claims
//	cuttings compare [flags]            claims that disagree across articles
//	cuttings errors [flags]             failed inputs of a run
//	cuttings refdata update --from DIR  rebuild the embedded NHS reference data
//	cuttings queue add [flags] INPUT... enqueue inputs for distributed workers
//	cuttings worker [flags]             process queued inputs (PostgreSQL)
//
// Exit status: 0 when every input was processed, 1 when some failed (each
// is named on stderr), 2 on bad usage.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1
	exitUsage   = 2
	programName = "cuttings"
)

// errUsage marks a command-line mistake (exit status 2).
var errUsage = errors.New("usage")

// errSomeFailed marks a run in which some inputs failed (exit status 1).
var errSomeFailed = errors.New("some inputs failed")

// env is what a command may touch of the outside world; tests give their own.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"run", "process files, folders, JSON Lines and web archives", cmdRun},
		{"fetch", "fetch web pages, feeds and sitemaps politely and process them", cmdFetch},
		{"reprocess", "re-extract every stored raw page, without the network", cmdReprocess},
		{"export", "write a table as csv, jsonl or parquet", cmdExport},
		{"claims", "list stored claims", cmdClaims},
		{"compare", "group claims across articles and flag disagreements", cmdCompare},
		{"errors", "list the failed inputs of a run", cmdErrors},
		{"refdata", "rebuild the embedded NHS reference data (refdata update --from DIR)", cmdRefdata},
		{"queue", "enqueue inputs for distributed workers (queue add)", cmdQueue},
		{"worker", "process queued inputs from PostgreSQL", cmdWorker},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// Pages are parsed into many short-lived trees: collecting less often
		// saves a fifth of the CPU, and the soft limit makes the collector
		// work harder again before memory grows past it.
		debug.SetGCPercent(400)
		debug.SetMemoryLimit(256 << 20)
	}
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run executes one command line and returns the exit status.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return exitOK
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "%s %s: %v\n", programName, c.name, err)
			return exitUsage
		case errors.Is(err, errSomeFailed):
			return exitFailed
		default:
			fmt.Fprintf(e.stderr, "%s %s: %v\n", programName, c.name, err)
			return exitFailed
		}
	}
	fmt.Fprintf(e.stderr, "%s: unknown command %q\n", programName, args[0])
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "usage: %s COMMAND [flags] [args]\n\ncommands:\n", programName)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun '%s COMMAND -h' for a command's flags.\n", programName)
}
