// Package storetest is the contract test suite every store backend runs:
// store/sqlite and store/postgres call Run from their tests, so both keep
// the same promises (upserts never duplicate, text round-trips exactly,
// failures are logged per run, ...).
package storetest

import (
	"fmt"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
)

// Sizer is store.Sizer; the suite requires it to check that upserts
// replace child rows.
type Sizer = store.Sizer

// Hostile is article text that breaks naive SQL building: quotes,
// semicolons, comment markers, backslashes, a NUL byte, and non-ASCII.
const Hostile = "It's \"fine\"; DROP TABLE articles; -- '); DELETE FROM quotes; /* */ \\x00 \\' \x00 " +
	"£22bn — “curly” ‘quotes’ naïve 😀\n\nSecond paragraph; with $1 and ? and %s placeholders."

// Record returns a full record numbered n, with every kind of child row, for
// use in backend tests and benchmarks. Different n give different ids and
// source URIs.
func Record(n int) normalize.Record {
	id := fmt.Sprintf("sha256:%064x", n)
	url := fmt.Sprintf("https://news.example.org/health/%d-trust-cancels-operations", n)
	warc := fmt.Sprintf("<urn:uuid:%08d-0000-4000-8000-000000000000>", n)
	text := fmt.Sprintf("Article %d. Nearly 1,200 operations were cancelled at Example NHS Foundation Trust "+
		"between September 19 and 23, the trust said.\n\n\"We are sorry for the disruption,\" said Dr Jane Smith.", n)
	published := "2023-09-26"
	if n%7 == 3 {
		published = "" // unknown
	}
	return normalize.Record{
		ID:        id,
		Source:    normalize.Source{URI: url, Kind: "http", FetchedAt: "2023-09-26T10:02:11Z", WARCRecordID: &warc},
		URL:       url,
		Site:      "Example Gazette",
		Title:     fmt.Sprintf("Operations cancelled as strike begins (%d)", n),
		Authors:   []string{"Chloe Writer", "Sam Reporter"},
		Published: normalize.OptString(published),
		Language:  "en",
		Text:      text,
		Organisations: []normalize.Organisation{
			{Name: "Example NHS Foundation Trust", Code: "RXX", Kind: "nhs-trust", How: "named",
				Mentions: []normalize.Mention{{Text: "Example NHS Foundation Trust", Start: 54, End: 82, How: "named"}}},
			{Name: "British Medical Association", Kind: "union",
				Mentions: []normalize.Mention{{Text: "BMA", Start: 10, End: 13, How: "acronym"}}},
			{Name: "NHS Example Integrated Care Board", Kind: "nhs-body", ODSCode: "QXX",
				Mentions: []normalize.Mention{{Text: "the ICB", Start: 20, End: 27, How: "alias"}}},
			{Name: "St Example's Hospital", Kind: "nhs-trust", Candidates: []string{"RAA", "RBB"},
				Mentions: []normalize.Mention{{Text: "St Example's Hospital", Start: 30, End: 51, How: "site"}}},
		},
		People: []normalize.Person{
			{Name: "Jane Smith", Titles: []string{"Dr"}, Organisation: "Example NHS Foundation Trust",
				Mentions: []normalize.Mention{{Text: "Dr Jane Smith", Start: 170, End: 183}}},
		},
		Quotes: []normalize.Quote{
			{Text: "We are sorry for the disruption,", Speaker: "Jane Smith", SpeakerTitle: "Dr",
				Cue: "said", Kind: "direct", Start: 133, End: 165},
		},
		Dates: []normalize.Date{
			{Text: "between September 19 and 23", Start: "2023-09-19", End: "2023-09-23", Grain: "day",
				Kind: "range", Span: normalize.Span{Start: 83, End: 110}},
			{Text: "on Monday and Tuesday", Start: "2023-09-18", End: "2023-09-19", Grain: "day",
				Kind: "list", Days: []string{"2023-09-18", "2023-09-19"}, Span: normalize.Span{Start: 1, End: 5}},
		},
		Counts: []normalize.Count{
			{Text: "Nearly 1,200 operations", Value: 1200, Approx: "under", Unit: "operations", Kind: "count",
				Span: normalize.Span{Start: 12, End: 35}},
			{Text: "£22bn", Value: 22e9, Approx: "exact", Kind: "money", Currency: "GBP",
				Span: normalize.Span{Start: 0, End: 7}},
		},
		Claims: []normalize.Claim{
			{Subject: normalize.Subject{Name: "Example NHS Foundation Trust", Code: "RXX"},
				Metric: "cancelled", What: "operations", Value: 1200, Approx: "under", Kind: "count",
				Period: &normalize.Period{Start: "2023-09-19", End: "2023-09-23"}, Cause: "strike action",
				Evidence: "Nearly 1,200 operations were cancelled", Span: normalize.Span{Start: 12, End: 130}},
			{Subject: normalize.Subject{Name: "England"}, Metric: "rescheduled", What: "appointments",
				Value: 1e6, Approx: "over", Cumulative: true, Speaker: "Jane Smith",
				Evidence: "over one million appointments", Span: normalize.Span{Start: 0, End: 10}},
		},
		Warnings: []string{"charset guessed"},
	}
}
