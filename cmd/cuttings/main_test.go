package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/cuttings/cuttings/normalize"
)

type result struct {
	code   int
	stdout string
	stderr string
}

func cli(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

func readJSONL(t *testing.T, path string) []normalize.Record {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var recs []normalize.Record
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r normalize.Record
		require.NoError(t, json.Unmarshal([]byte(line), &r), line)
		recs = append(recs, r)
	}
	return recs
}

func countRows(t *testing.T, db, table string) int {
	t.Helper()
	conn, err := sql.Open("sqlite", db)
	require.NoError(t, err)
	defer conn.Close()
	var n int
	require.NoError(t, conn.QueryRow("SELECT count(*) FROM "+table).Scan(&n))
	return n
}

func TestRunSeeds(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "c.db"), filepath.Join(dir, "out.jsonl")
	r := cli(t, "", "run", "--db", db, "--format", "jsonl", "--out", out, "../../fixtures/seeds")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Empty(t, r.stdout, "records went to --out")
	assert.Contains(t, r.stderr, "4 inputs, 4 records")
	recs := readJSONL(t, out)
	require.Len(t, recs, 4)
	for _, rec := range recs {
		assert.NotEmpty(t, rec.ID)
		assert.Equal(t, "file", rec.Source.Kind)
		assert.True(t, strings.HasPrefix(rec.Source.URI, "file:///"))
		assert.NotEmpty(t, rec.Text)
		assert.NotEmpty(t, rec.Published)
	}
	assert.Equal(t, 4, countRows(t, db, "articles"))

	// Re-running with --redo updates in place: no duplicates.
	r = cli(t, "", "run", "--db", db, "--redo", "../../fixtures/seeds")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Equal(t, 4, countRows(t, db, "articles"))

	// Without --redo, the same command skips what is done.
	r = cli(t, "", "run", "--db", db, "../../fixtures/seeds")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stderr, "4 skipped as already stored")
}

func TestRunBadInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	require.NoError(t, os.MkdirAll(in, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(in, "good.txt"), []byte("Bolton NHS Foundation Trust cancelled 736 operations."), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "empty.html"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "pic.html"), append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), 0o644))
	missing := filepath.Join(dir, "missing.txt")
	db := filepath.Join(dir, "c.db")

	r := cli(t, "", "run", "--db", db, missing, in)
	require.Equal(t, 1, r.code, r.stderr)
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	var errs []string
	for _, l := range lines {
		if strings.HasPrefix(l, "cuttings run: ") && !strings.Contains(l, " inputs, ") {
			errs = append(errs, l)
		}
	}
	require.Len(t, errs, 3, r.stderr)
	assert.Contains(t, errs[0], missing+": fetch: no such file or directory")
	assert.Contains(t, errs[1], "empty.html: fetch: empty input")
	assert.Contains(t, errs[2], "pic.html: fetch: binary content")
	assert.Equal(t, 1, countRows(t, db, "articles"), "the good input is stored")
	assert.Equal(t, 3, countRows(t, db, "failures"))

	r = cli(t, "", "errors", "--db", db)
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "empty.html")
	assert.Contains(t, r.stderr, "3 failed inputs")
}

func TestRunStdinJSONL(t *testing.T) {
	in := `{"id":"a1","url":"https://example.org/a","published":"2023-09-26","title":"A","text":"Bolton NHS Foundation Trust said it cancelled 736 appointments."}` + "\n" + "oops\n"
	r := cli(t, in, "run", "--db", "none", "--format", "jsonl", "-")
	require.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, "-: fetch: line 2: not JSON")
	var rec normalize.Record
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(r.stdout)), &rec))
	assert.Equal(t, "a1", rec.ID)
	assert.Equal(t, "jsonl", rec.Source.Kind)
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "no command", args: nil, want: "usage:"},
		{name: "unknown command", args: []string{"frobnicate"}, want: `unknown command "frobnicate"`},
		{name: "run without inputs", args: []string{"run"}, want: "no inputs"},
		{name: "bad flag", args: []string{"run", "--nope", "x"}, want: "flag provided but not defined"},
		{name: "bad published", args: []string{"run", "--published", "soon", "x"}, want: "--published"},
		{name: "bad log level", args: []string{"run", "--log-level", "loud", "x"}, want: "--log-level"},
		{name: "export without table", args: []string{"export"}, want: "export --table"},
		{name: "refdata without update", args: []string{"refdata"}, want: "refdata update"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli(t, "", tt.args...)
			assert.Equal(t, 2, r.code)
			assert.Contains(t, r.stderr, tt.want)
		})
	}
}

func TestExportAndCompare(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	r := cli(t, "", "run", "--db", db, "../../fixtures/seeds")
	require.Equal(t, 0, r.code, r.stderr)

	r = cli(t, "", "export", "--db", db, "--table", "quotes", "--format", "csv")
	require.Equal(t, 0, r.code, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "article_id,") || strings.Contains(strings.SplitN(r.stdout, "\n", 2)[0], "url"), r.stdout[:min(200, len(r.stdout))])

	r = cli(t, "", "claims", "--db", db, "--format", "csv")
	require.Equal(t, 0, r.code, r.stderr)
	assert.Contains(t, r.stdout, "subject,code,metric")

	r = cli(t, "", "compare", "--db", db, "--all")
	require.Equal(t, 0, r.code, r.stderr)
}

func TestParseInterleaved(t *testing.T) {
	var f runFlags
	fs := f.register("run", &env{stderr: &bytes.Buffer{}, getenv: func(string) string { return "" }})
	pos, err := fs.parse([]string{"a", "--format", "jsonl", "b", "--", "--c"})
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "--c"}, pos)
	assert.Equal(t, "jsonl", f.format)
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "postgres://user:secret@db.example:5432/news", want: "postgres://user:***@db.example:5432/news"},
		{in: "postgres://user@127.0.0.1/test", want: "postgres://user@127.0.0.1/test"},
		{in: "cuttings.db", want: "cuttings.db"},
		{in: "/data/a@b.db", want: "/data/a@b.db"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, redact(tt.in), tt.in)
	}
}
