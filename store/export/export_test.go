package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/export"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture is a store holding three records: two ordinary ones (one without
// a publication date) and one with hostile text.
func fixture(t *testing.T) (store.Store, []normalize.Record) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), sqlite.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	hostile := storetest.Record(9)
	hostile.Text = storetest.Hostile
	hostile.Quotes[0].Text = "=HYPERLINK(\"http://evil.example\",\"click\")"
	hostile.Quotes = append(hostile.Quotes, normalize.Quote{Text: "It's \"fine\",\nreally; honestly", Cue: "said",
		Kind: "direct", Speaker: "O'Brien", Start: 1, End: 9})
	recs := []normalize.Record{storetest.Record(1), storetest.Record(3), hostile}
	require.NoError(t, s.Put(context.Background(), 0, recs, nil))
	return s, recs
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	require.True(t, bytes.HasPrefix(b, []byte("\uFEFF")), "starts with a BOM")
	r := csv.NewReader(bytes.NewReader(b[len("\uFEFF"):]))
	all, err := r.ReadAll()
	require.NoError(t, err)
	return all
}

func TestCSV(t *testing.T) {
	s, recs := fixture(t)
	byID := map[string]normalize.Record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	tests := []struct {
		table string
		rows  int
		first []string // leading header columns
	}{
		{table: "articles", rows: 3, first: []string{"id", "url", "published", "site", "title"}},
		{table: "organisations", rows: 12, first: []string{"article_id", "url", "published", "ord", "name", "code"}},
		{table: "people", rows: 3, first: []string{"article_id", "url", "published", "ord", "name"}},
		{table: "quotes", rows: 4, first: []string{"article_id", "url", "published", "ord", "text", "speaker"}},
		{table: "dates", rows: 6, first: []string{"article_id", "url", "published", "ord", "text", "start_date"}},
		{table: "counts", rows: 6, first: []string{"article_id", "url", "published", "ord", "text", "value"}},
		{table: "claims", rows: 6, first: []string{"article_id", "url", "published", "ord", "subject_name"}},
	}
	for _, tc := range tests {
		t.Run(tc.table, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, export.Write(context.Background(), s, tc.table, "csv", &buf))
			assert.True(t, strings.HasSuffix(buf.String(), "\n"))
			all := readCSV(t, buf.Bytes())
			require.Len(t, all, tc.rows+1)
			header := all[0]
			assert.Equal(t, tc.first, header[:len(tc.first)])
			col := map[string]int{}
			for i, h := range header {
				col[h] = i
			}
			idCol := "article_id"
			if tc.table == "articles" {
				idCol = "id"
			}
			for _, row := range all[1:] {
				require.Len(t, row, len(header))
				rec, ok := byID[row[col[idCol]]]
				require.True(t, ok, "row names a stored article")
				assert.Equal(t, rec.URL, row[col["url"]], "url on every row")
				assert.Equal(t, string(rec.Published), row[col["published"]], "date on every row")
			}
		})
	}
}

func TestCSVText(t *testing.T) {
	s, recs := fixture(t)
	var buf bytes.Buffer
	require.NoError(t, export.Write(context.Background(), s, "articles", "csv", &buf))
	all := readCSV(t, buf.Bytes())
	text := map[string]string{}
	for _, row := range all[1:] {
		text[row[0]] = row[7]
	}
	assert.Equal(t, "text", all[0][7])
	// The hostile text (quotes, semicolons, newlines) comes back as written,
	// less its NUL byte.
	assert.Equal(t, strings.ReplaceAll(storetest.Hostile, "\x00", ""), text[recs[2].ID])

	buf.Reset()
	require.NoError(t, export.Write(context.Background(), s, "quotes", "csv", &buf))
	all = readCSV(t, buf.Bytes())
	var quotes []string
	for _, row := range all[1:] {
		quotes = append(quotes, row[4])
	}
	assert.Contains(t, quotes, "'=HYPERLINK(\"http://evil.example\",\"click\")", "formula guarded")
	assert.Contains(t, quotes, "It's \"fine\",\nreally; honestly")

	buf.Reset()
	require.NoError(t, export.WriteOptions(context.Background(), s, "quotes", "csv", &buf,
		export.Options{NoBOM: true, Verbatim: true}))
	assert.False(t, bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")))
	all, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	quotes = quotes[:0]
	for _, row := range all[1:] {
		quotes = append(quotes, row[4])
	}
	assert.Contains(t, quotes, "=HYPERLINK(\"http://evil.example\",\"click\")")
}

func TestCSVGolden(t *testing.T) {
	s, _ := fixture(t)
	for _, table := range []string{"quotes", "claims"} {
		var buf bytes.Buffer
		require.NoError(t, export.Write(context.Background(), s, table, "csv", &buf))
		golden := filepath.Join("testdata", table+".csv")
		if *update {
			require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
		}
		want, err := os.ReadFile(golden)
		require.NoError(t, err, "run go test -update to create %s", golden)
		assert.Equal(t, string(want), buf.String(), table)
	}
}

func TestJSONL(t *testing.T) {
	s, _ := fixture(t)
	var buf bytes.Buffer
	require.NoError(t, export.Write(context.Background(), s, "people", "jsonl", &buf))
	sc := bufio.NewScanner(&buf)
	n := 0
	for sc.Scan() {
		var row struct {
			ArticleID    string           `json:"article_id"`
			URL          string           `json:"url"`
			Published    *string          `json:"published"`
			Titles       []string         `json:"titles"`
			Organisation *string          `json:"organisation"`
			Mentions     []map[string]any `json:"mentions"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &row), sc.Text())
		assert.NotEmpty(t, row.URL)
		assert.Equal(t, []string{"Dr"}, row.Titles, "list columns are arrays")
		require.Len(t, row.Mentions, 1)
		assert.Equal(t, "Dr Jane Smith", row.Mentions[0]["text"])
		n++
	}
	assert.Equal(t, 3, n)

	buf.Reset()
	require.NoError(t, export.Write(context.Background(), s, "articles", "jsonl", &buf))
	nulls := 0
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m))
		if m["published"] == nil {
			nulls++
		}
	}
	assert.Equal(t, 1, nulls, "unknown published date is null")
}

func TestParquet(t *testing.T) {
	s, recs := fixture(t)
	var buf bytes.Buffer
	require.NoError(t, export.Write(context.Background(), s, "claims", "parquet", &buf))
	type claim struct {
		ArticleID   string  `parquet:"article_id"`
		URL         string  `parquet:"url"`
		Published   *string `parquet:"published,optional"`
		SubjectName string  `parquet:"subject_name"`
		SubjectCode *string `parquet:"subject_code,optional"`
		Value       float64 `parquet:"value"`
		Cumulative  bool    `parquet:"cumulative"`
		Evidence    string  `parquet:"evidence"`
	}
	got, err := parquet.Read[claim](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	require.Len(t, got, 6)
	var want []claim
	for _, r := range recs { // stored order is id order, as recs are
		for _, c := range r.Claims {
			w := claim{ArticleID: r.ID, URL: r.URL, SubjectName: c.Subject.Name, Value: c.Value,
				Cumulative: c.Cumulative, Evidence: c.Evidence}
			if r.Published != "" {
				p := string(r.Published)
				w.Published = &p
			}
			if c.Subject.Code != "" {
				code := c.Subject.Code
				w.SubjectCode = &code
			}
			want = append(want, w)
		}
	}
	assert.Equal(t, want, got)

	buf.Reset()
	require.NoError(t, export.Write(context.Background(), s, "articles", "parquet", &buf))
	type article struct {
		ID   string `parquet:"id"`
		Text string `parquet:"text"`
	}
	arts, err := parquet.Read[article](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	require.Len(t, arts, 3)
	assert.Equal(t, storetest.Hostile, arts[2].Text)
}

func TestEmptyStore(t *testing.T) {
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"), sqlite.Options{})
	require.NoError(t, err)
	defer s.Close()
	for _, f := range export.Formats() {
		var buf bytes.Buffer
		require.NoError(t, export.Write(context.Background(), s, "quotes", f, &buf), f)
		if f == "csv" {
			assert.Len(t, readCSV(t, buf.Bytes()), 1, "header only")
		}
	}
}

func TestUnknown(t *testing.T) {
	s, _ := fixture(t)
	var buf bytes.Buffer
	err := export.Write(context.Background(), s, "raw_pages", "csv", &buf)
	require.ErrorIs(t, err, export.ErrUnknownTable)
	err = export.Write(context.Background(), s, "quotes", "xlsx", &buf)
	require.ErrorIs(t, err, export.ErrUnknownFormat)
	assert.Zero(t, buf.Len(), "nothing written on a bad request")
}

func TestCancelled(t *testing.T) {
	s, _ := fixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := export.Write(ctx, s, "quotes", "csv", &bytes.Buffer{})
	require.ErrorIs(t, err, context.Canceled)
}

// TestParquetRowGroups exports more articles than fit one row group.
func TestParquetRowGroups(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 1,100 records")
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "x.db"), sqlite.Options{})
	require.NoError(t, err)
	defer s.Close()
	var batch []normalize.Record
	for i := range 1100 {
		batch = append(batch, storetest.Record(i))
		if len(batch) == 275 {
			require.NoError(t, s.Put(ctx, 0, batch, nil))
			batch = batch[:0]
		}
	}
	var buf bytes.Buffer
	require.NoError(t, export.Write(ctx, s, "articles", "parquet", &buf))
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	assert.EqualValues(t, 1100, f.NumRows())
	assert.Len(t, f.RowGroups(), 2)
}

func TestSpreadsheetSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "plain", want: "plain"},
		{in: "=SUM(A1:A9)", want: "'=SUM(A1:A9)"},
		{in: "+44 20 7946 0000", want: "'+44 20 7946 0000"},
		{in: "-5 degrees", want: "'-5 degrees"},
		{in: "@mention", want: "'@mention"},
		{in: "\tindented", want: "'\tindented"},
		{in: "a = b", want: "a = b"},
		{in: "nul\x00byte", want: "nulbyte"},
		{in: "\x00=1", want: "'=1"},
		{in: "bad \xff byte", want: "bad \uFFFD byte"},
		{in: "", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, export.SpreadsheetSafe(tc.in))
		})
	}
}
