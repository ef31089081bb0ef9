// Package export writes a store's tables as files a data desk can open:
// CSV (UTF-8 with a header row, one row per item, the article's URL and
// publication date on every row), JSON Lines (one object per row, the same
// columns) and Parquet.
//
// The tables are articles, organisations, people, quotes, dates, counts and
// claims; their columns are those of the database tables of the same name.
// Exports read the records through store.Store, so they are the same for
// every backend.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/internal/rows"
)

// ErrUnknownTable is returned for a table name export does not know.
var ErrUnknownTable = errors.New("export: unknown table")

// ErrUnknownFormat is returned for a format name export does not know.
var ErrUnknownFormat = errors.New("export: unknown format")

// Options adjust how tables are written. The zero value is what Write uses.
type Options struct {
	// NoBOM leaves out the byte order mark CSV files start with by default.
	// The mark is what makes Excel read the file as UTF-8 (so "£" and
	// curly quotes survive a double click); tools that choke on it can ask
	// for it to be left out.
	NoBOM bool
	// Verbatim writes CSV text cells exactly as stored. By default they go
	// through SpreadsheetSafe: NUL bytes dropped, invalid UTF-8 replaced,
	// and a cell starting with =, +, -, @, tab or carriage return given a
	// leading apostrophe so a spreadsheet shows it as text instead of
	// running it as a formula.
	Verbatim bool
}

// Tables lists the table names Write accepts.
func Tables() []string {
	return []string{"articles", "organisations", "people", "quotes", "dates", "counts", "claims"}
}

// Formats lists the format names Write accepts.
func Formats() []string { return []string{"csv", "jsonl", "parquet"} }

// Write writes table from s to w in format (csv, jsonl or parquet), with
// the default Options.
func Write(ctx context.Context, s store.Store, table, format string, w io.Writer) error {
	return WriteOptions(ctx, s, table, format, w, Options{})
}

// WriteOptions is Write with options.
func WriteOptions(ctx context.Context, s store.Store, table, format string, w io.Writer, o Options) error {
	if !slices.Contains(Tables(), table) {
		return fmt.Errorf("%w %q (want one of %v)", ErrUnknownTable, table, Tables())
	}
	if !slices.Contains(Formats(), format) {
		return fmt.Errorf("%w %q (want one of %v)", ErrUnknownFormat, format, Formats())
	}
	switch table {
	case "articles":
		return write(ctx, s, rows.Articles, format, w, o, func(s *rows.Set) []rows.Article { return []rows.Article{s.Article} })
	case "organisations":
		return write(ctx, s, rows.Organisations, format, w, o, func(s *rows.Set) []rows.Organisation { return s.Organisations })
	case "people":
		return write(ctx, s, rows.People, format, w, o, func(s *rows.Set) []rows.Person { return s.People })
	case "quotes":
		return write(ctx, s, rows.Quotes, format, w, o, func(s *rows.Set) []rows.Quote { return s.Quotes })
	case "dates":
		return write(ctx, s, rows.Dates, format, w, o, func(s *rows.Set) []rows.Date { return s.Dates })
	case "counts":
		return write(ctx, s, rows.Counts, format, w, o, func(s *rows.Set) []rows.Count { return s.Counts })
	default:
		return write(ctx, s, rows.Claims, format, w, o, func(s *rows.Set) []rows.Claim { return s.Claims })
	}
}

// rowWriter writes the rows of one table in one format.
type rowWriter[T any] interface {
	write(rs []T) error
	close() error
}

func write[T any](ctx context.Context, s store.Store, t rows.Table, format string, w io.Writer, o Options,
	pick func(*rows.Set) []T) error {
	var rw rowWriter[T]
	var err error
	switch format {
	case "csv":
		rw, err = newCSV[T](w, t, o)
	case "jsonl":
		rw = newJSONL[T](w, t)
	default:
		rw = newParquet[T](w, t.Name)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	for rec, err := range s.Records(ctx) {
		if err != nil {
			return fmt.Errorf("export %s: %w", t.Name, err)
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("export %s: %w", t.Name, err)
		}
		if err := writeRecord(&rec, rw, pick); err != nil {
			return fmt.Errorf("export %s: %s: %w", t.Name, rec.ID, err)
		}
	}
	if err := rw.close(); err != nil {
		return fmt.Errorf("export %s: %w", t.Name, err)
	}
	return nil
}

func writeRecord[T any](rec *normalize.Record, rw rowWriter[T], pick func(*rows.Set) []T) error {
	set, err := rows.Build(rec, nil)
	if err != nil {
		return err
	}
	rs := pick(&set)
	if len(rs) == 0 {
		return nil
	}
	return rw.write(rs)
}
