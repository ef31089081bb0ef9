package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/sqlite"
	"github.com/cuttings/cuttings/store/storetest"
)

// FuzzRoundTrip stores records with arbitrary text, title, speaker and
// failure reason: nothing panics, nothing fails, and valid UTF-8 comes back
// exactly as written.
func FuzzRoundTrip(f *testing.F) {
	f.Add("plain text", "title", "speaker", "reason")
	f.Add(storetest.Hostile, "Robert'); DROP TABLE articles;--", "O'Brien", "line 3: ';")
	f.Add("a\x00b", "\xff\xfe", "?", "%s $1 ?1 :name @p")
	f.Add("", "", "", "")
	db, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), sqlite.Options{})
	require.NoError(f, err)
	f.Cleanup(func() { _ = db.Close() })
	f.Fuzz(func(t *testing.T, text, title, speaker, reason string) {
		ctx := context.Background()
		rec := storetest.Record(1)
		rec.Text, rec.Title = text, title
		rec.Quotes[0].Speaker = normalize.OptString(speaker)
		rec.Claims[0].Evidence = text
		require.NoError(t, db.Put(ctx, 0, []normalize.Record{rec}, nil))
		require.NoError(t, db.Fail(ctx, []store.Failure{{Input: title, Stage: "extract", Reason: reason}}))
		n := 0
		for got, err := range db.Records(ctx) {
			require.NoError(t, err)
			n++
			if utf8.ValidString(text) && utf8.ValidString(title) && utf8.ValidString(speaker) {
				require.Equal(t, text, got.Text)
				require.Equal(t, title, got.Title)
				require.Equal(t, speaker, string(got.Quotes[0].Speaker))
			}
		}
		require.Equal(t, 1, n)
		fs, err := db.Failures(ctx, -1)
		require.NoError(t, err)
		require.Equal(t, reason, fs[len(fs)-1].Reason, "reasons are kept byte for byte")
	})
}
