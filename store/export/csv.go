package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/cuttings/cuttings/store/internal/codec"
	"github.com/cuttings/cuttings/store/internal/rows"
)

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

type csvWriter[T any] struct {
	buf  *bufio.Writer
	cw   *csv.Writer
	t    rows.Table
	o    Options
	vals []any
	rec  []string
}

func newCSV[T any](w io.Writer, t rows.Table, o Options) (*csvWriter[T], error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	if !o.NoBOM {
		if _, err := buf.WriteString(bom); err != nil {
			return nil, err
		}
	}
	// Rows end in "\n", which spreadsheets and Unix tools read alike;
	// newlines inside a quoted cell stay as they are in the text.
	cw := csv.NewWriter(buf)
	if err := cw.Write(t.Names()); err != nil {
		return nil, err
	}
	return &csvWriter[T]{buf: buf, cw: cw, t: t, o: o, rec: make([]string, len(t.Columns))}, nil
}

func (c *csvWriter[T]) write(rs []T) error {
	for _, r := range rs {
		c.vals = c.t.Values(c.vals[:0], r)
		for i, v := range c.vals {
			c.rec[i] = c.cell(v)
		}
		if err := c.cw.Write(c.rec); err != nil {
			return err
		}
	}
	return nil
}

func (c *csvWriter[T]) cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if c.o.Verbatim {
			return x
		}
		return SpreadsheetSafe(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	default:
		return ""
	}
}

// SpreadsheetSafe returns s as Write puts it in a CSV cell: valid UTF-8
// (bad bytes become U+FFFD), without NUL bytes (which end a cell early in
// some spreadsheets), and with a leading apostrophe if a spreadsheet would
// otherwise run it as a formula.
func SpreadsheetSafe(s string) string {
	// The same repair as for PostgreSQL text columns.
	s = codec.PGText(s)
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

// formulaLike reports whether a spreadsheet would read s as a formula.
func formulaLike(s string) bool {
	return s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0
}

func (c *csvWriter[T]) close() error {
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	return c.buf.Flush()
}
