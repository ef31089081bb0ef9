package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/export"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

// FuzzCSV exports a quote with arbitrary text and speaker: the CSV always
// parses, has one row per quote, and gives back valid UTF-8 text exactly
// (with the formula guard's apostrophe when it applies); the JSON Lines
// export is valid JSON on every line.
func FuzzCSV(f *testing.F) {
	f.Add("We are sorry,", "Jane Smith")
	f.Add("=cmd|' /C calc'!A0", "+44 20")
	f.Add("multi\nline \"quoted\", with; semicolons\r\n", "O'Brien")
	f.Add("\x00\xff\xfe", "")
	f.Add(storetest.Hostile, "\uFEFFbom")
	s, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), sqlite.Options{})
	require.NoError(f, err)
	f.Cleanup(func() { _ = s.Close() })
	f.Fuzz(func(t *testing.T, text, speaker string) {
		ctx := context.Background()
		rec := storetest.Record(1)
		rec.Quotes[0].Text = text
		rec.Quotes[0].Speaker = normalize.OptString(speaker)
		require.NoError(t, s.Put(ctx, 0, []normalize.Record{rec}, nil))

		var buf bytes.Buffer
		require.NoError(t, export.Write(ctx, s, "quotes", "csv", &buf))
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF")))).ReadAll()
		require.NoError(t, err)
		require.Len(t, rows, 2)
		require.Len(t, rows[1], len(rows[0]))
		for _, cell := range rows[1] {
			require.True(t, utf8.ValidString(cell), "cells are UTF-8: %q", cell)
			require.NotContains(t, cell, "\x00")
		}
		if utf8.ValidString(text) && !strings.ContainsAny(text, "\r\x00") {
			want := text
			if text != "" && strings.ContainsRune("=+-@\t\r", rune(text[0])) {
				want = "'" + text
			}
			require.Equal(t, want, rows[1][4])
		}

		buf.Reset()
		require.NoError(t, export.Write(ctx, s, "quotes", "jsonl", &buf))
		for _, line := range bytes.Split(bytes.TrimSuffix(buf.Bytes(), []byte("\n")), []byte("\n")) {
			require.True(t, json.Valid(line), "%q", line)
			require.True(t, utf8.Valid(line))
		}
	})
}
