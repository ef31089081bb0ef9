package storetest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
)

// Run runs the contract suite. open must return a new, empty store for each
// call and arrange (with t.Cleanup) for it to be closed and removed.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"HostileText", testHostileText},
		{"UpsertReplaces", testUpsertReplaces},
		{"EmptyIDRejectsBatch", testEmptyID},
		{"Done", testDone},
		{"RecordsPaging", testRecordsPaging},
		{"RecordsBreak", testRecordsBreak},
		{"RawPages", testRawPages},
		{"RunsAndFailures", testRunsAndFailures},
		{"Claims", testClaims},
		{"ConcurrentPut", testConcurrentPut},
		{"CancelledContext", testCancelled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.run(t, open(t))
		})
	}
}

// canon returns rec as the contract's JSON, so that records compare equal
// when they would be written the same.
func canon(t *testing.T, rec normalize.Record) string {
	t.Helper()
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	return string(b)
}

func all(t *testing.T, s store.Store) []normalize.Record {
	t.Helper()
	var out []normalize.Record
	for r, err := range s.Records(context.Background()) {
		require.NoError(t, err)
		out = append(out, r)
	}
	return out
}

func sizes(t *testing.T, s store.Store) map[string]int64 {
	t.Helper()
	sz, ok := s.(Sizer)
	require.True(t, ok, "%T must implement storetest.Sizer", s)
	m, err := sz.TableSizes(context.Background())
	require.NoError(t, err)
	return m
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	recs := []normalize.Record{Record(2), Record(1), Record(3)}
	require.NoError(t, s.Put(ctx, 0, recs, nil))
	got := all(t, s)
	require.Len(t, got, 3)
	for i, want := range []normalize.Record{Record(1), Record(2), Record(3)} {
		assert.Equal(t, canon(t, want), canon(t, got[i]), "record %d", i)
	}
	// Record 3 has no publication date: it must come back as null.
	assert.Empty(t, got[2].Published)
	assert.Equal(t, map[string]int64{
		"articles": 3, "organisations": 12, "people": 3, "quotes": 3, "dates": 6, "counts": 6, "claims": 6,
		"raw_pages": 0, "runs": 0, "failures": 0,
	}, sizes(t, s))
}

func testHostileText(t *testing.T, s store.Store) {
	ctx := context.Background()
	rec := Record(1)
	rec.Text = Hostile
	rec.Title = "Robert'); DROP TABLE articles;--"
	rec.Authors = []string{"O'Brien; Jr", `Back\slash "Q"`}
	rec.Quotes[0].Text = "'; DELETE FROM claims WHERE '1'='1"
	rec.Quotes[0].Speaker = "Dr O'Neil"
	rec.Claims[0].Evidence = Hostile
	require.NoError(t, s.Put(ctx, 0, []normalize.Record{rec}, nil))
	got := all(t, s)
	require.Len(t, got, 1)
	assert.Equal(t, Hostile, got[0].Text)
	assert.Equal(t, canon(t, rec), canon(t, got[0]))
	cl, err := s.Claims(ctx, store.ClaimFilter{Subject: "rxx"})
	require.NoError(t, err)
	require.Len(t, cl, 1)
	assert.Equal(t, rec.Title, cl[0].Title)
	// The claims table keeps the text as written, except that a NUL byte
	// may be dropped by backends whose text columns cannot hold one.
	assert.Equal(t, string(bytes.ReplaceAll([]byte(Hostile), []byte{0}, nil)),
		string(bytes.ReplaceAll([]byte(cl[0].Claim.Evidence), []byte{0}, nil)))
	assert.EqualValues(t, 2, sizes(t, s)["claims"], "nothing deleted by the hostile text")
}

func testUpsertReplaces(t *testing.T, s store.Store) {
	ctx := context.Background()
	rec := Record(1)
	require.NoError(t, s.Put(ctx, 0, []normalize.Record{rec, Record(2)}, nil))
	// Re-run with fewer quotes and claims and a new title: one article,
	// child rows replaced, not added to.
	rec.Title = "Updated title"
	rec.Quotes = nil
	rec.Claims = rec.Claims[:1]
	rec.Organisations = append(rec.Organisations, normalize.Organisation{Name: "NHS England", Kind: "nhs-body"})
	for range 3 {
		require.NoError(t, s.Put(ctx, 0, []normalize.Record{rec}, nil))
	}
	got := all(t, s)
	require.Len(t, got, 2)
	assert.Equal(t, canon(t, rec), canon(t, got[0]))
	sz := sizes(t, s)
	assert.EqualValues(t, 2, sz["articles"])
	assert.EqualValues(t, 1, sz["quotes"], "record 2's quote only")
	assert.EqualValues(t, 3, sz["claims"])
	assert.EqualValues(t, 9, sz["organisations"])
}

func testEmptyID(t *testing.T, s store.Store) {
	ctx := context.Background()
	bad := Record(2)
	bad.ID = ""
	err := s.Put(ctx, 0, []normalize.Record{Record(1), bad}, nil)
	require.ErrorIs(t, err, store.ErrInvalid)
	assert.Empty(t, all(t, s), "the batch is all or nothing")
	err = s.Put(ctx, 0, nil, []store.RawPage{{URL: "https://x.example/"}})
	require.ErrorIs(t, err, store.ErrInvalid)
}

func testDone(t *testing.T, s store.Store) {
	ctx := context.Background()
	rec := Record(5)
	done, err := s.Done(ctx, rec.Source.URI)
	require.NoError(t, err)
	assert.False(t, done)
	require.NoError(t, s.Put(ctx, 0, []normalize.Record{rec}, nil))
	done, err = s.Done(ctx, rec.Source.URI)
	require.NoError(t, err)
	assert.True(t, done)
	done, err = s.Done(ctx, Record(6).Source.URI)
	require.NoError(t, err)
	assert.False(t, done)
}

func testRecordsPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = 601
	var batch []normalize.Record
	for i := range n {
		batch = append(batch, Record(n-i))
		if len(batch) == 100 {
			require.NoError(t, s.Put(ctx, 0, batch, nil))
			batch = batch[:0]
		}
	}
	require.NoError(t, s.Put(ctx, 0, batch, nil))
	got := all(t, s)
	require.Len(t, got, n)
	ids := make([]string, n)
	for i, r := range got {
		ids[i] = r.ID
	}
	assert.True(t, sort.StringsAreSorted(ids), "records in id order")
	seen := map[string]bool{}
	for _, id := range ids {
		assert.False(t, seen[id], "duplicate %s", id)
		seen[id] = true
	}
}

func testRecordsBreak(t *testing.T, s store.Store) {
	ctx := context.Background()
	require.NoError(t, s.Put(ctx, 0, []normalize.Record{Record(1), Record(2), Record(3)}, nil))
	n := 0
	for _, err := range s.Records(ctx) {
		require.NoError(t, err)
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
	// The store is still usable after an abandoned iteration.
	require.NoError(t, s.Put(ctx, 0, []normalize.Record{Record(4)}, nil))
	assert.Len(t, all(t, s), 4)
}

func testRawPages(t *testing.T, s store.Store) {
	ctx := context.Background()
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = byte(i*7 + i/251) // binary, every byte value, poorly compressible
	}
	t0 := time.Date(2023, 9, 26, 10, 2, 11, 0, time.UTC)
	gzPage := bytes.Repeat([]byte("<p>A page read from a .gz file.</p>\n"), 100)
	pages := []store.RawPage{
		{URI: "https://a.example/1", Kind: "http", URL: "https://a.example/1", FetchedAt: t0,
			Header:      map[string][]string{"Etag": {`"abc"`}, "Content-Type": {"text/html; charset=utf-8"}},
			ContentType: "text/html; charset=utf-8", Format: "html", Body: []byte("<p>It's; \"quoted\"\x00</p>"),
			ETag: `"abc"`, LastModified: "Tue, 26 Sep 2023 09:00:00 GMT"},
		{URI: "file:///tmp/b.warc.gz#<urn:uuid:1>", Kind: "warc", URL: "https://a.example/1",
			FetchedAt: t0.Add(time.Hour), WARCRecordID: "<urn:uuid:1>", ContentType: "text/html",
			Format: "html", MetaJSON: []byte(`{"site":"A"}`), Body: big},
		{URI: "file:///tmp/empty.html", Kind: "file", URL: "", Format: "html"},
		// A page that arrived gzipped is kept as it arrived.
		{URI: "file:///tmp/c.html.gz", Kind: "file", Format: "html", Body: gzPage, Gzip: gzipped(t, gzPage)},
		// A sidecar that is not JSON is kept as a JSON string.
		{URI: "file:///tmp/broken.html", Kind: "file", URL: "https://b.example/", Format: "html",
			MetaJSON: []byte(`{"title": "unterminated`), Body: []byte("<p>x</p>")},
	}
	run, err := s.BeginRun(ctx, store.Run{Command: "cuttings run"})
	require.NoError(t, err)
	require.NoError(t, s.Put(ctx, run, nil, pages))
	require.NoError(t, s.Put(ctx, run, nil, pages[:1]), "re-put is an upsert")

	var got []store.RawPage
	for p, err := range s.Raw(ctx) {
		require.NoError(t, err)
		got = append(got, p)
	}
	require.Len(t, got, len(pages))
	byURI := map[string]store.RawPage{}
	for _, p := range got {
		byURI[p.URI] = p
	}
	for _, want := range pages {
		p, ok := byURI[want.URI]
		require.True(t, ok, want.URI)
		assert.Equal(t, want.Kind, p.Kind)
		assert.Equal(t, want.URL, p.URL)
		assert.True(t, want.FetchedAt.Equal(p.FetchedAt), "fetched_at %v != %v", want.FetchedAt, p.FetchedAt)
		assert.Equal(t, want.WARCRecordID, p.WARCRecordID)
		assert.Equal(t, want.ContentType, p.ContentType)
		assert.Equal(t, want.Format, p.Format)
		assert.Equal(t, want.ETag, p.ETag)
		assert.Equal(t, want.LastModified, p.LastModified)
		assert.True(t, bytes.Equal(want.Body, p.Body), "body of %s", want.URI)
		assert.True(t, bytes.Equal(want.Gzip, p.Gzip), "gzip of %s", want.URI)
		if want.Header != nil {
			assert.Equal(t, want.Header, p.Header)
		}
		switch {
		case want.MetaJSON == nil:
			assert.Nil(t, p.MetaJSON)
		case json.Valid(want.MetaJSON):
			assert.JSONEq(t, string(want.MetaJSON), string(p.MetaJSON))
		default:
			var s string
			require.NoError(t, json.Unmarshal(p.MetaJSON, &s), "kept as a JSON string")
			assert.Equal(t, string(want.MetaJSON), s)
		}
	}
	latest, err := s.RawByURL(ctx, "https://a.example/1")
	require.NoError(t, err)
	assert.Equal(t, pages[1].URI, latest.URI, "the most recent fetch wins")
	_, err = s.RawByURL(ctx, "https://nowhere.example/")
	require.ErrorIs(t, err, store.ErrNotFound)
	assert.EqualValues(t, len(pages), sizes(t, s)["raw_pages"])
}

// gzipped returns b as a gzip stream.
func gzipped(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func testRunsAndFailures(t *testing.T, s store.Store) {
	ctx := context.Background()
	fs, err := s.Failures(ctx, 0)
	require.NoError(t, err)
	assert.Empty(t, fs, "no runs yet")

	r1, err := s.BeginRun(ctx, store.Run{Command: "cuttings run a.warc"})
	require.NoError(t, err)
	r2, err := s.BeginRun(ctx, store.Run{Command: "cuttings run b.warc", StartedAt: time.Now()})
	require.NoError(t, err)
	assert.Greater(t, r2, r1)

	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	require.NoError(t, s.Fail(ctx, []store.Failure{
		{RunID: r1, Input: "a.warc#<urn:uuid:9>", Stage: "fetch", Reason: "gzip: invalid header", At: at},
	}))
	require.NoError(t, s.Fail(ctx, []store.Failure{
		{RunID: r2, Input: "file:///in/x.html", Stage: "extract", Reason: "no body text; it's 'empty'"},
		{RunID: r2, Input: "input.jsonl#17", Stage: "fetch", Reason: "line 17: invalid character"},
	}))
	require.NoError(t, s.Fail(ctx, nil))

	latest, err := s.Failures(ctx, 0)
	require.NoError(t, err)
	require.Len(t, latest, 2)
	assert.Equal(t, "file:///in/x.html", latest[0].Input)
	assert.Equal(t, "extract", latest[0].Stage)
	assert.Equal(t, "no body text; it's 'empty'", latest[0].Reason)
	assert.Equal(t, r2, latest[0].RunID)
	assert.False(t, latest[0].At.IsZero())
	assert.Equal(t, "input.jsonl#17", latest[1].Input)

	first, err := s.Failures(ctx, r1)
	require.NoError(t, err)
	require.Len(t, first, 1)
	assert.True(t, at.Equal(first[0].At))

	everything, err := s.Failures(ctx, -1)
	require.NoError(t, err)
	assert.Len(t, everything, 3)

	require.NoError(t, s.EndRun(ctx, store.Run{ID: r2, Inputs: 10, Records: 8, Failures: 2}))
	err = s.EndRun(ctx, store.Run{ID: r2 + 1000})
	require.ErrorIs(t, err, store.ErrNotFound)

	// Records written in a run keep working after the run is gone from view.
	require.NoError(t, s.Put(ctx, r2, []normalize.Record{Record(1)}, nil))
	assert.EqualValues(t, 2, sizes(t, s)["runs"])
}

func testClaims(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, b := Record(1), Record(2)
	b.URL = "https://other.example.com/news/2"
	b.Source.URI = b.URL
	b.Claims[0].Subject = normalize.Subject{Name: "Bolton NHS Foundation Trust", Code: "RMC"}
	b.Claims[0].Period = &normalize.Period{Start: "2023-10-02", End: "2023-10-04"}
	require.NoError(t, s.Put(ctx, 0, []normalize.Record{a, b}, nil))

	tests := []struct {
		name   string
		filter store.ClaimFilter
		want   []string // article id + metric
	}{
		{name: "all", filter: store.ClaimFilter{},
			want: []string{a.ID + " cancelled", a.ID + " rescheduled", b.ID + " cancelled", b.ID + " rescheduled"}},
		{name: "code any case", filter: store.ClaimFilter{Subject: "rmc"}, want: []string{b.ID + " cancelled"}},
		{name: "name any case", filter: store.ClaimFilter{Subject: "example nhs foundation TRUST"},
			want: []string{a.ID + " cancelled"}},
		{name: "metric", filter: store.ClaimFilter{Metric: "Rescheduled"},
			want: []string{a.ID + " rescheduled", b.ID + " rescheduled"}},
		{name: "source substring", filter: store.ClaimFilter{Source: "other.example.com"},
			want: []string{b.ID + " cancelled", b.ID + " rescheduled"}},
		{name: "source is not a pattern", filter: store.ClaimFilter{Source: "%"}, want: nil},
		{name: "period overlap", filter: store.ClaimFilter{From: "2023-09-22", To: "2023-09-30"},
			want: []string{a.ID + " cancelled"}},
		{name: "period after", filter: store.ClaimFilter{From: "2023-10-04"}, want: []string{b.ID + " cancelled"}},
		{name: "period before", filter: store.ClaimFilter{To: "2023-09-19"}, want: []string{a.ID + " cancelled"}},
		{name: "nothing", filter: store.ClaimFilter{Subject: "RMC", Metric: "rescheduled"}, want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Claims(ctx, tc.filter)
			require.NoError(t, err)
			var got []string
			for _, r := range rows {
				got = append(got, r.ArticleID+" "+r.Claim.Metric)
			}
			assert.Equal(t, tc.want, got)
		})
	}
	rows, err := s.Claims(ctx, store.ClaimFilter{Subject: "RXX"})
	require.NoError(t, err)
	require.Len(t, rows, 1)
	r := rows[0]
	assert.Equal(t, a.URL, r.URL)
	assert.Equal(t, a.Site, r.Site)
	assert.Equal(t, a.Title, r.Title)
	assert.Equal(t, string(a.Published), r.Published)
	assert.Equal(t, a.Claims[0], r.Claim, "claim rebuilt from its columns")
	rows, err = s.Claims(ctx, store.ClaimFilter{Subject: "England", Source: a.URL})
	require.NoError(t, err)
	require.Len(t, rows, 1)
	assert.Equal(t, a.Claims[1], rows[0].Claim)
}

func testConcurrentPut(t *testing.T, s store.Store) {
	ctx := context.Background()
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				// Half the ids are shared between workers: concurrent
				// upserts of one record must not duplicate it.
				n := w*each + i
				if i%2 == 1 {
					n = i
				}
				if err := s.Put(ctx, 0, []normalize.Record{Record(n)}, nil); err != nil {
					errs <- fmt.Errorf("worker %d: %w", w, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	want := map[string]bool{}
	for w := range workers {
		for i := range each {
			n := w*each + i
			if i%2 == 1 {
				n = i
			}
			want[Record(n).ID] = true
		}
	}
	got := all(t, s)
	assert.Len(t, got, len(want))
	sz := sizes(t, s)
	assert.EqualValues(t, 2*len(want), sz["claims"])
}

func testCancelled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.Put(ctx, 0, []normalize.Record{Record(1)}, nil)
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)
	assert.Empty(t, all(t, s))
}
