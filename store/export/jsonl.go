package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/cuttings/cuttings/store/internal/rows"
)

type jsonlWriter[T any] struct {
	buf  *bufio.Writer
	t    rows.Table
	keys [][]byte // each column's name as a JSON string and a colon
	vals []any
	line bytes.Buffer
}

func newJSONL[T any](w io.Writer, t rows.Table) *jsonlWriter[T] {
	keys := make([][]byte, len(t.Columns))
	for i, c := range t.Columns {
		k, _ := json.Marshal(c.Name)
		keys[i] = append(k, ':')
	}
	return &jsonlWriter[T]{buf: bufio.NewWriterSize(w, 64<<10), t: t, keys: keys}
}

// write writes each row as one JSON object with the table's columns in
// order; list columns are JSON arrays, unknown values null.
func (j *jsonlWriter[T]) write(rs []T) error {
	for _, r := range rs {
		j.vals = j.t.Values(j.vals[:0], r)
		j.line.Reset()
		j.line.WriteByte('{')
		for i, v := range j.vals {
			c := j.t.Columns[i]
			if i > 0 {
				j.line.WriteByte(',')
			}
			j.line.Write(j.keys[i])
			if s, ok := v.(string); ok && c.List && json.Valid([]byte(s)) {
				j.line.WriteString(s)
				continue
			}
			b, err := json.Marshal(v)
			if err != nil {
				return err
			}
			j.line.Write(b)
		}
		j.line.WriteString("}\n")
		if _, err := j.buf.Write(j.line.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func (j *jsonlWriter[T]) close() error { return j.buf.Flush() }
