package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/rs/zerolog"
)

// newFlags makes a command's flag set; errors are returned, not printed and
// exited on.
func newFlags(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(programName+" "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}

// parse parses flags and positional arguments in any order ("run DIR
// --format jsonl" as well as "run --format jsonl DIR"); "--" ends flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, fmt.Errorf("%w: help requested", errUsage)
			}
			return nil, fmt.Errorf("%w: %w", errUsage, err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// common holds the flags most commands share.
type common struct {
	db        string
	logLevel  string
	logFormat string
}

func (c *common) register(fs *flag.FlagSet, e *env) {
	def := e.getenv("CUTTINGS_DB")
	if def == "" {
		def = "cuttings.db"
	}
	fs.StringVar(&c.db, "db", def, "database: a SQLite file, or postgres://... (env CUTTINGS_DB)")
	fs.StringVar(&c.logLevel, "log-level", "warn", "log level: debug, info, warn, error")
	fs.StringVar(&c.logFormat, "log-format", "console", "log format: console or json")
}

// logger builds the zerolog logger the flags ask for, writing to stderr.
func (c *common) logger(e *env) (zerolog.Logger, error) {
	lvl, err := zerolog.ParseLevel(strings.ToLower(c.logLevel))
	if err != nil || c.logLevel == "" {
		return zerolog.Nop(), fmt.Errorf("%w: --log-level %q: want debug, info, warn or error", errUsage, c.logLevel)
	}
	var w io.Writer
	switch c.logFormat {
	case "json":
		w = e.stderr
	case "console":
		w = zerolog.ConsoleWriter{Out: e.stderr, TimeFormat: "15:04:05", NoColor: !isTerminal(e.stderr)}
	default:
		return zerolog.Nop(), fmt.Errorf("%w: --log-format %q: want console or json", errUsage, c.logFormat)
	}
	return zerolog.New(w).Level(lvl).With().Timestamp().Logger(), nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// flagSet wraps a flag.FlagSet with parse.
type flagSet struct{ *flag.FlagSet }

func (fs *flagSet) parse(args []string) ([]string, error) { return parse(fs.FlagSet, args) }
