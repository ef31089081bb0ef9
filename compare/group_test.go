package compare

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"testing"

	"github.com/cuttings/cuttings/normalize"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func src(article, site, published string, subj normalize.Subject, metric string, v float64, approx string, period *normalize.Period, evidence string) Source {
	return Source{ArticleID: article, URL: "https://example.org/" + article, Site: site, Published: published,
		Claim: normalize.Claim{Subject: subj, Metric: metric, Value: v, Approx: approx, Kind: "count", Period: period, Evidence: evidence}}
}

var (
	trust   = normalize.Subject{Name: "Northshire NHS Foundation Trust", Code: "RXX"}
	england = normalize.Subject{Name: "England"}
	week    = &normalize.Period{Start: "2023-09-19", End: "2023-09-23"}
)

func TestBounds(t *testing.T) {
	tests := []struct {
		name      string
		value     float64
		approx    string
		low, high float64
	}{
		{name: "exact units", value: 604, approx: "exact", low: 603.5, high: 604.5},
		{name: "exact tens", value: 640, approx: "exact", low: 635, high: 645},
		{name: "rounded thousands", value: 531000, approx: "exact", low: 530500, high: 531500},
		{name: "half a million under", value: 500000, approx: "under", low: 375000, high: 550000},
		{name: "about", value: 200000, approx: "about", low: 180000, high: 220000},
		{name: "over", value: 1e6, approx: "over", low: 900000, high: math.Inf(1)},
		{name: "up to", value: 700, approx: "up_to", low: 0, high: 750},
		{name: "decimal", value: 10.3, approx: "exact", low: 10.25, high: 10.35},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := Bounds(normalize.Claim{Value: tc.value, Approx: tc.approx})
			assert.InDelta(t, tc.low, b.Low, 1e-6)
			if math.IsInf(tc.high, 1) {
				assert.True(t, math.IsInf(b.High, 1))
			} else {
				assert.InDelta(t, tc.high, b.High, 1e-6)
			}
		})
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		name        string
		in          []Source
		groups      int
		conflict    []bool
		independent []int
	}{
		{
			name: "604 against 640 conflict",
			in: []Source{
				src("a", "Paper A", "2023-09-26", trust, "cancelled", 604, "exact", week, "The trust cancelled 604 operations."),
				src("b", "Paper B", "2023-09-27", trust, "cancelled", 640, "exact", week, "Some 640 operations were cancelled at the trust, figures show."),
			},
			groups: 1, conflict: []bool{true}, independent: []int{2},
		},
		{
			name: "nearly half a million against 531,000 agree",
			in: []Source{
				src("a", "Paper A", "2023-04-18", england, "rescheduled", 531000, "exact", nil, "To date, 531,000 appointments have been rescheduled."),
				src("b", "Paper B", "2023-04-18", england, "Rescheduled", 500000, "under", nil, "Nearly half a million appointments were moved, officials said."),
			},
			groups: 1, conflict: []bool{false}, independent: []int{2},
		},
		{
			name: "syndicated copy is a repeat, not corroboration",
			in: []Source{
				src("a", "Paper A", "2023-09-26", england, "cancelled", 1e6, "over", nil, "The number of appointments cancelled due to strikes across England surpassed one million following the strike."),
				src("b", "Paper B", "2023-10-03", england, "cancelled", 1e6, "over", nil, "It comes as the number of appointments cancelled due to strikes across England surpassed one million following the strike."),
			},
			groups: 1, conflict: []bool{false}, independent: []int{1},
		},
		{
			name: "periods that do not overlap are apart",
			in: []Source{
				src("a", "Paper A", "2023-09-26", trust, "cancelled", 604, "exact", week, "x"),
				src("b", "Paper B", "2023-10-10", trust, "cancelled", 900, "exact", &normalize.Period{Start: "2023-10-02", End: "2023-10-04"}, "y"),
			},
			groups: 2, conflict: []bool{false, false}, independent: []int{1, 1},
		},
		{
			name: "different subjects and metrics are apart",
			in: []Source{
				src("a", "Paper A", "", trust, "cancelled", 604, "exact", week, "x"),
				src("b", "Paper B", "", england, "cancelled", 604, "exact", week, "x"),
				src("c", "Paper C", "", trust, "postponed", 604, "exact", week, "x"),
			},
			groups: 3, conflict: []bool{false, false, false}, independent: []int{1, 1, 1},
		},
		{name: "empty", in: nil, groups: 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := Groups(tc.in)
			require.Len(t, gs, tc.groups)
			for i, g := range gs {
				assert.Equal(t, tc.conflict[i], g.Conflict, g.Reason)
				assert.Equal(t, tc.independent[i], g.Independent)
				assert.Len(t, g.RepeatOf, len(g.Sources))
				if g.Conflict {
					assert.NotEmpty(t, g.Reason)
				}
			}
		})
	}
}

func TestGroupKeepsCodeAndPeriodUnion(t *testing.T) {
	named := normalize.Subject{Name: "Northshire hospital", Code: "rxx"}
	gs := Groups([]Source{
		src("a", "A", "2023-09-26", trust, "cancelled", 604, "exact", week, "x"),
		src("b", "B", "2023-09-27", named, "cancelled", 604, "exact", &normalize.Period{Start: "2023-09-22", End: "2023-09-30"}, "y"),
	})
	require.Len(t, gs, 1)
	assert.Equal(t, trust, gs[0].Subject)
	assert.Equal(t, &normalize.Period{Start: "2023-09-19", End: "2023-09-30"}, gs[0].Period)
}

func TestWriters(t *testing.T) {
	gs := Groups([]Source{
		src("a", "Paper A", "2023-09-26", trust, "cancelled", 604, "exact", week, "The trust cancelled 604 operations."),
		src("b", "Paper B", "2023-09-27", trust, "cancelled", 640, "exact", week, "Some 640 operations were cancelled."),
		src("c", "Paper C", "2023-09-28", trust, "cancelled", 640, "exact", week, "Some 640 operations were cancelled."),
	})
	require.Len(t, gs, 1)

	var txt bytes.Buffer
	require.NoError(t, WriteText(&txt, gs))
	assert.Contains(t, txt.String(), "CONFLICT")
	assert.Contains(t, txt.String(), "Northshire NHS Foundation Trust (RXX)")
	assert.Contains(t, txt.String(), "repeats source 2")

	var js bytes.Buffer
	require.NoError(t, WriteJSON(&js, gs))
	var decoded []map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &decoded))
	require.Len(t, decoded, 1)
	assert.Equal(t, true, decoded[0]["conflict"])
	sources := decoded[0]["sources"].([]any)
	require.Len(t, sources, 3)
	assert.Nil(t, sources[0].(map[string]any)["repeat_of"])
	assert.InDelta(t, 1, sources[2].(map[string]any)["repeat_of"], 0)

	var cs bytes.Buffer
	require.NoError(t, WriteCSV(&cs, gs))
	rows, err := csv.NewReader(&cs).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, csvHeader, rows[0])
	assert.Equal(t, "2", rows[3][12]) // repeat_of
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, assert.AnError }

func TestWritersReportErrors(t *testing.T) {
	gs := Groups([]Source{src("a", "A", "", trust, "cancelled", 1, "exact", nil, "x")})
	require.ErrorIs(t, WriteText(failWriter{}, gs), assert.AnError)
	require.ErrorIs(t, WriteJSON(failWriter{}, gs), assert.AnError)
	require.ErrorIs(t, WriteCSV(failWriter{}, gs), assert.AnError)
}

func TestFormatValue(t *testing.T) {
	assert.Equal(t, "531,000", formatValue(531000))
	assert.Equal(t, "10.3", formatValue(10.3))
	assert.Equal(t, "-1,200", formatValue(-1200))
	assert.Equal(t, "604", formatValue(604))
	assert.Equal(t, "49,500", formatValue(45000*1.1))
}

func TestSameWhat(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"appointments", "inpatient and outpatient appointments and operations", true},
		{"inpatient operations and procedures", "outpatient operations", false},
		{"planned surgeries", "outpatient appointments", false},
		{"", "anything", true},
		{"hospital appointments", "patient appointments and procedures", true},
		{"treatments", "appointments or operations", false},
		{"surgeries", "planned surgery", true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, SameWhat(tc.a, tc.b), "%q / %q", tc.a, tc.b)
	}
}

func TestSameArticleFiguresDoNotConflict(t *testing.T) {
	a := src("a", "Paper A", "2016-01-12", england, "cancelled", 1425, "exact", nil, "1,425 inpatient operations alongside 2,535 outpatient ones")
	b := src("a", "Paper A", "2016-01-12", england, "cancelled", 2535, "exact", nil, "1,425 inpatient operations alongside 2,535 outpatient ones")
	gs := Groups([]Source{a, b})
	require.Len(t, gs, 1)
	assert.False(t, gs[0].Conflict)
	assert.Equal(t, 1, gs[0].Independent) // one article
}
