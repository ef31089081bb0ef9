package pipeline

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/extract"
	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/normalize"
)

var update = flag.Bool("update", false, "rewrite the golden records in fixtures/golden")

// fixtureDocs reads the seed articles and the HTML fixtures as documents
// with stable provenance, so that golden records do not depend on the
// machine.
func fixtureDocs(t testing.TB) map[string]*fetch.Document {
	t.Helper()
	root := filepath.Join("..", "fixtures")
	fixed := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	files := &fetch.Files{Now: func() time.Time { return fixed }}
	docs := map[string]*fetch.Document{}
	for doc, err := range files.Read([]string{filepath.Join(root, "seeds"), filepath.Join(root, "html")}) {
		require.NoError(t, err)
		name := filepath.Base(doc.URI)
		doc.URI = "file:///fixtures/" + filepath.Base(filepath.Dir(doc.URI)) + "/" + name
		docs[strings.TrimSuffix(name, filepath.Ext(name))] = doc
	}
	require.Len(t, docs, 6)
	return docs
}

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New(extract.Config{})
	require.NoError(t, err)
	return x
}

// TestGolden runs every fixture through extract and normalize and compares
// the record with fixtures/golden/NAME.json (go test ./pipeline -update
// rewrites them: review the diff).
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	for name, doc := range fixtureDocs(t) {
		t.Run(name, func(t *testing.T) {
			rec, err := Process(x, doc)
			require.NoError(t, err)
			checkRecord(t, rec)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			require.NoError(t, enc.Encode(rec))
			path := filepath.Join("..", "fixtures", "golden", name+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "no golden record: run go test ./pipeline -update")
			require.JSONEq(t, string(want), buf.String())
		})
	}
}

// checkRecord asserts the contract's invariants: every span lies inside the
// text and its text equals text[start:end]; everything is valid UTF-8.
func checkRecord(t testing.TB, rec normalize.Record) {
	t.Helper()
	text := rec.Text
	require.True(t, utf8.ValidString(text), "text is not valid UTF-8")
	span := func(what, s string, start, end int) {
		t.Helper()
		require.True(t, 0 <= start && start <= end && end <= len(text), "%s %q: span %d..%d outside text of %d bytes", what, s, start, end, len(text))
		require.Equal(t, s, text[start:end], "%s span text", what)
	}
	for _, o := range rec.Organisations {
		for _, m := range o.Mentions {
			span("organisation", m.Text, m.Start, m.End)
		}
	}
	for _, p := range rec.People {
		for _, m := range p.Mentions {
			span("person", m.Text, m.Start, m.End)
		}
	}
	for _, q := range rec.Quotes {
		span("quote", q.Text, q.Start, q.End)
	}
	for _, d := range rec.Dates {
		span("date", d.Text, d.Span.Start, d.Span.End)
		require.LessOrEqual(t, d.Start, d.End, "date %q", d.Text)
	}
	for _, c := range rec.Counts {
		span("count", c.Text, c.Span.Start, c.Span.End)
	}
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	require.True(t, json.Valid(b))
}
