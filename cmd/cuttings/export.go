package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/store/export"
)

// cmdExport writes one table of the store as CSV, JSON Lines or Parquet.
func cmdExport(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags("export", e)
	c.register(fs, e)
	table := fs.String("table", "", "table: articles, organisations, people, quotes, dates, counts, claims")
	format := fs.String("format", "csv", "format: csv, jsonl or parquet")
	out := fs.String("out", "", "output file (default stdout; required for parquet on a terminal)")
	rawDir := fs.String("raw-dir", "", "instead of a table, write every stored raw page as a file in this folder")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *rawDir != "" && len(rest) == 0 {
		return exportRaw(ctx, e, &c, *rawDir)
	}
	if len(rest) > 0 || *table == "" {
		return fmt.Errorf("%w: export --table TABLE [--format csv|jsonl|parquet] [--out FILE]", errUsage)
	}
	st, err := c.readStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	var w io.Writer = e.stdout
	var file *os.File
	if *out != "" && *out != "-" {
		if file, err = os.Create(*out); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
		w = file
	} else if *format == "parquet" && isTerminal(e.stdout) {
		return fmt.Errorf("%w: parquet is binary: give --out FILE", errUsage)
	}
	err = export.Write(ctx, st, *table, *format, w)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("export %s as %s: %w", *table, *format, err)
	}
	return nil
}

// exportRaw writes each stored raw page to dir, named from its URL (or
// source URI) by fetch.SafeName so that no name can leave dir.
func exportRaw(ctx context.Context, e *env, c *common, dir string) error {
	st, err := c.readStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("--raw-dir: %w", err)
	}
	n := 0
	for p, err := range st.Raw(ctx) {
		if err != nil {
			return fmt.Errorf("read raw pages: %w", err)
		}
		label, ext := p.URL, ".html"
		if label == "" {
			label = p.URI
		}
		if p.Format == "text" {
			ext = ".txt"
		}
		if err := os.WriteFile(fetch.SafePath(dir, label, ext), p.Body, 0o644); err != nil {
			return fmt.Errorf("--raw-dir: %w", err)
		}
		n++
	}
	fmt.Fprintf(e.stderr, "%d raw pages written to %s\n", n, dir)
	return nil
}
