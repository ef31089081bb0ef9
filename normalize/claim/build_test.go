package claim

import (
	"strings"
	"testing"

	"github.com/cuttings/cuttings/extract/number"
	"github.com/cuttings/cuttings/normalize"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixture builds a record by hand: organisations, dates and quotes are
// placed on the text by the words given; counts come from extract/number.
type fixture struct {
	rec *normalize.Record
}

func newFixture(text, published string) *fixture {
	r := &normalize.Record{Text: text, Published: normalize.OptString(published)}
	for _, c := range number.Find(text) {
		r.Counts = append(r.Counts, normalize.Count{Text: c.Text, Value: c.Value, Approx: c.Approx, Unit: c.Unit,
			Kind: c.Kind, Currency: c.Currency, Span: normalize.Span{Start: c.Start, End: c.End}})
	}
	return &fixture{rec: r}
}

// org adds a coded trust mentioned wherever one of the phrases appears.
func (f *fixture) org(name, code string, phrases ...string) *fixture {
	o := normalize.Organisation{Name: name, Code: normalize.OptString(code), Kind: "nhs-trust"}
	if code == "" {
		o.Kind = "nhs-body"
	}
	for _, p := range phrases {
		for i := 0; ; {
			k := strings.Index(f.rec.Text[i:], p)
			if k < 0 {
				break
			}
			o.Mentions = append(o.Mentions, normalize.Mention{Text: p, Start: i + k, End: i + k + len(p)})
			i += k + len(p)
		}
	}
	f.rec.Organisations = append(f.rec.Organisations, o)
	return f
}

// date adds a resolved date at the nth occurrence (from 0) of its text.
func (f *fixture) date(text string, nth int, start, end, kind string) *fixture {
	pos := -1
	for i, from := 0, 0; i <= nth; i++ {
		k := strings.Index(f.rec.Text[from:], text)
		if k < 0 {
			panic("fixture: no " + text)
		}
		pos = from + k
		from = pos + len(text)
	}
	f.rec.Dates = append(f.rec.Dates, normalize.Date{Text: text, Start: start, End: end, Kind: kind,
		Span: normalize.Span{Start: pos, End: pos + len(text)}})
	return f
}

// quote adds a quote over the given words.
func (f *fixture) quote(words, speaker, title string) *fixture {
	k := strings.Index(f.rec.Text, words)
	if k < 0 {
		panic("fixture: no quote " + words)
	}
	f.rec.Quotes = append(f.rec.Quotes, normalize.Quote{Text: words, Speaker: normalize.OptString(speaker),
		SpeakerTitle: normalize.OptString(title), Kind: "direct", Start: k, End: k + len(words)})
	return f
}

// person adds a person with titles, mentioned where the name appears.
func (f *fixture) person(name string, titles ...string) *fixture {
	p := normalize.Person{Name: name, Titles: titles}
	if k := strings.Index(f.rec.Text, name); k >= 0 {
		p.Mentions = append(p.Mentions, normalize.Mention{Text: name, Start: k, End: k + len(name)})
	}
	f.rec.People = append(f.rec.People, p)
	return f
}

// expect is the part of a claim a test checks.
type expect struct {
	subject    string // code, else name
	metric     string
	value      float64
	approx     string
	what       string
	period     string // "start..end", "" for none
	cumulative bool
	cause      string
	speaker    string
}

func period(p *normalize.Period) string {
	if p == nil {
		return ""
	}
	return p.Start + ".." + p.End
}

func TestBuild(t *testing.T) {
	const trust, code = "Northshire NHS Foundation Trust", "RXX"
	tests := []struct {
		name string
		rec  *normalize.Record
		want []expect
	}{
		{
			name: "trust claim with period and cause, then a running total by coreference",
			rec: newFixture("NHS England figures show Northshire NHS Foundation Trust has cancelled 812 appointments or operations "+
				"initially scheduled between October 2 and 4 as a direct result of strike action by NHS staff.\n\n"+
				"It means the total number of treatments cancelled grew to 2,140 over the last year.", "2023-10-10").
				org(trust, code, "Northshire NHS Foundation Trust").
				date("between October 2 and 4", 0, "2023-10-02", "2023-10-04", "range").rec,
			want: []expect{
				{subject: code, metric: "cancelled", value: 812, approx: "exact", what: "appointments or operations",
					period: "2023-10-02..2023-10-04", cause: "strike action"},
				{subject: code, metric: "cancelled", value: 2140, approx: "exact", what: "treatments", cumulative: true},
			},
		},
		{
			name: "national total and a national figure's quote are two claims",
			rec: newFixture("The number of inpatient appointments cancelled due to strikes across England surpassed one million earlier this month.\n\n"+
				"Unions met on Friday.\n\nTalks went on.\n\nNothing was agreed.\n\n"+
				"Health Secretary Jane Doe said: \"Today marks the grim milestone of over one million appointments cancelled as a result of strikes.\"", "2023-09-26").
				date("earlier this month", 0, "2023-09-01", "2023-09-30", "relative").
				date("Today", 0, "2023-09-26", "2023-09-26", "relative").
				quote("Today marks the grim milestone of over one million appointments cancelled as a result of strikes.", "Jane Doe", "Health Secretary").rec,
			want: []expect{
				{subject: "England", metric: "cancelled", value: 1e6, approx: "over", what: "inpatient appointments", cumulative: true, cause: "strikes"},
				{subject: "England", metric: "cancelled", value: 1e6, approx: "over", what: "appointments", cumulative: true, cause: "strikes", speaker: "Jane Doe"},
			},
		},
		{
			name: "national figure named next to the speaker without titles in the record",
			rec: newFixture("The health secretary, Jane Doe, spoke today.\n\nJane Doe said “nearly 40% of junior doctors” had turned up to work.", "2016-01-12").
				person("Jane Doe").
				quote("nearly 40% of junior doctors", "Jane Doe", "").rec,
			want: []expect{{subject: "England", metric: "in work", value: 40, approx: "under", speaker: "Jane Doe"}},
		},
		{
			name: "running subject and the period of the sentence before",
			rec: newFixture("Around 150,000 hospital appointments were postponed last week, new NHS data shows.\n\n"+
				"Some 145,000 patient appointments were postponed in acute hospitals last week. Just over 3,000 were postponed by mental health hospitals.", "2023-04-18").
				date("last week", 0, "2023-04-10", "2023-04-16", "relative").
				date("last week", 1, "2023-04-10", "2023-04-16", "relative").rec,
			want: []expect{
				{subject: "England", metric: "postponed", value: 150000, approx: "about", what: "hospital appointments", period: "2023-04-10..2023-04-16"},
				{subject: "England", metric: "postponed", value: 145000, approx: "about", what: "patient appointments", period: "2023-04-10..2023-04-16"},
				{subject: "England", metric: "postponed", value: 3000, approx: "over", what: "patient appointments", period: "2023-04-10..2023-04-16"},
			},
		},
		{
			name: "since runs to publication",
			rec: newFixture("NHS figures show 420,000 appointments have been rescheduled due to strike action since December.", "2023-04-18").
				date("since December", 0, "2022-12-01", "2022-12-31", "relative").rec,
			want: []expect{{subject: "England", metric: "rescheduled", value: 420000, approx: "exact", what: "appointments",
				period: "2022-12-01..2023-04-18", cumulative: true, cause: "strike action"}},
		},
		{
			name: "a breakdown in dashes goes to the place after it, not the figure before",
			rec: newFixture("NHS England said that 900 operations had been cancelled. "+
				"It said that 2,100 of the cancellations were today and 500 – 300 inpatients and 200 day cases – are in London.", "2016-01-12").
				date("today", 0, "2016-01-12", "2016-01-12", "relative").rec,
			want: []expect{
				{subject: "England", metric: "cancelled", value: 900, approx: "exact", what: "operations"},
				{subject: "England", metric: "cancelled", value: 2100, approx: "exact", what: "cancellations", period: "2016-01-12..2016-01-12"},
				{subject: "London", metric: "cancelled", value: 500, approx: "exact"},
				{subject: "London", metric: "cancelled", value: 300, approx: "exact", what: "inpatients"},
				{subject: "London", metric: "cancelled", value: 200, approx: "exact", what: "day cases"},
			},
		},
		{
			name: "an organisation wins over a place in its clause; the trust speaks in its quote",
			rec: newFixture("Southfield Mental Health NHS Trust, in north London, expected 48 junior doctors to be on strike. "+
				"“We are anticipating around 75% of the 48 juniors to take industrial action,” it said.", "2016-01-12").
				org("Southfield Mental Health NHS Trust", "RYY", "Southfield Mental Health NHS Trust").
				quote("We are anticipating around 75% of the 48 juniors to take industrial action,", "Southfield Mental Health NHS Trust", "").rec,
			want: []expect{
				{subject: "RYY", metric: "on strike", value: 48, approx: "exact", what: "junior doctors"},
				{subject: "RYY", metric: "on strike", value: 75, approx: "about", what: "juniors", speaker: "Southfield Mental Health NHS Trust"},
			},
		},
		{
			name: "the hospital refers to the organisation named before",
			rec: newFixture("Pickets stood outside Eastgate hospital, which has about 900 hospital beds.", "2016-01-12").
				org("Eastgate Hospitals NHS Trust", "RZZ", "Eastgate hospital").rec,
			want: []expect{{subject: "RZZ", metric: "beds", value: 900, approx: "about", what: "hospital beds"}},
		},
		{
			name: "a claim stated twice nearby is one claim",
			rec:  newFixture("There are about 45,000 junior doctors across the NHS in England.\n\nAll of them are in England: all 45,000 junior doctors in England.", "2016-01-12").rec,
			want: []expect{{subject: "England", metric: "junior doctors", value: 45000, approx: "about", what: "junior doctors"}},
		},
		{
			name: "pay percentages, subjectless figures and small words are not claims",
			rec: newFixture("Nurses will get a 6.5 per cent pay rise, NHS England said. Doctors say they are 20% more likely to leave. "+
				"The trust cancelled two clinics. A £3bn efficiency savings programme cuts pay.", "2023-04-18").rec,
			want: nil,
		},
		{
			name: "a figure restated later with a loose subject is not a new claim; loose head counts are not claims",
			rec: newFixture("There are about 45,000 junior doctors across the NHS in England, and 98% of them voted to strike.\n\n"+
				"One.\n\nTwo.\n\nThree.\n\n"+
				"We marched in London, and 98% of us voted to strike. The 20-odd junior doctors in London were on strike.", "2016-01-12").rec,
			want: []expect{
				{subject: "England", metric: "junior doctors", value: 45000, approx: "about", what: "junior doctors"},
				{subject: "England", metric: "on strike", value: 98, approx: "exact"},
			},
		},
		{
			name: "a date after coordinated figures dates them all; a participial clause holds its own total",
			rec: newFixture("Figures show Northshire NHS Foundation Trust rescheduled 1,214 procedures and 3,560 appointments between July 13 and 18.\n\n"+
				"NHS England said 148,951 appointments were rearranged, bringing the total since December to more than 835,000.", "2023-07-25").
				org(trust, code, "Northshire NHS Foundation Trust").
				date("between July 13 and 18", 0, "2023-07-13", "2023-07-18", "range").
				date("since December", 0, "2022-12-01", "2022-12-31", "relative").rec,
			want: []expect{
				{subject: code, metric: "rescheduled", value: 1214, approx: "exact", what: "procedures", period: "2023-07-13..2023-07-18"},
				{subject: code, metric: "rescheduled", value: 3560, approx: "exact", what: "appointments", period: "2023-07-13..2023-07-18"},
				{subject: "England", metric: "rescheduled", value: 148951, approx: "exact", what: "appointments"},
				{subject: "England", metric: "rescheduled", value: 835000, approx: "over", period: "2022-12-01..2023-07-25", cumulative: true},
			},
		},
		{
			name: "a level that rose is not a running total",
			rec:  newFixture("Waiting lists in Yorkshire rose to 650,000 patients.", "2023-07-25").rec,
			want: []expect{{subject: "Yorkshire", metric: "waiting", value: 650000, approx: "exact", what: "patients"}},
		},
		{
			name: "a daily total is a rate, not a running total",
			rec:  newFixture("NHS England said the postponed operations amount to about 13% of the normal daily total of 30,000.", "2016-01-12").rec,
			want: []expect{
				{subject: "England", metric: "postponed", value: 13, approx: "about"},
				{subject: "England", metric: "postponed", value: 30000, approx: "exact"},
			},
		},
		{
			name: "places inside names are not subjects; England and Wales is one place",
			rec: newFixture("The government owns 83% of the Royal Bank of Scotland. The London Ambulance Service took 9,000 calls. "+
				"Up to 30,000 firefighters across England and Wales will get the new kit.", "2023-07-25").rec,
			want: []expect{{subject: "England and Wales", metric: "firefighters", value: 30000, approx: "up_to", what: "firefighters"}},
		},
		{
			name: "no counts",
			rec:  newFixture("Northshire NHS Foundation Trust cancelled clinics.", "").org(trust, code, "Northshire NHS Foundation Trust").rec,
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Build(tc.rec)
			require.Len(t, got, len(tc.want), "claims: %+v", got)
			for i, w := range tc.want {
				g := got[i]
				assert.Equal(t, w.subject, subjectKeyOrName(g.Subject), "subject of %v", g.Value)
				assert.Equal(t, w.metric, g.Metric, "metric of %v", g.Value)
				assert.InDelta(t, w.value, g.Value, 1e-9)
				assert.Equal(t, w.approx, g.Approx, "approx of %v", g.Value)
				if w.what != "" {
					assert.Equal(t, w.what, g.What, "what of %v", g.Value)
				}
				assert.Equal(t, w.period, period(g.Period), "period of %v", g.Value)
				assert.Equal(t, w.cumulative, g.Cumulative, "cumulative of %v", g.Value)
				if w.cause != "" {
					assert.Equal(t, w.cause, string(g.Cause), "cause of %v", g.Value)
				}
				assert.Equal(t, w.speaker, string(g.Speaker), "speaker of %v", g.Value)
				assert.Equal(t, strings.TrimSpace(tc.rec.Text[g.Span.Start:g.Span.End]), g.Evidence)
			}
		})
	}
}

func subjectKeyOrName(s normalize.Subject) string {
	if s.Code != "" {
		return s.Code
	}
	return s.Name
}

func TestBuildNilAndEmpty(t *testing.T) {
	assert.Nil(t, Build(nil))
	assert.Nil(t, Build(&normalize.Record{}))
	// Counts whose spans fall outside the text are ignored, not a panic.
	bad := &normalize.Record{Text: "NHS England said 300 operations were cancelled.",
		Counts: []normalize.Count{{Text: "x", Value: 5, Span: normalize.Span{Start: 40, End: 400}}, {Value: 1, Span: normalize.Span{Start: -3, End: 2}}}}
	assert.Empty(t, Build(bad))
}

func TestSentences(t *testing.T) {
	text := "Dr. Smith said 10.3 per cent. It rose. • Next item here\nA heading\n\nNew paragraph? Yes."
	var got []string
	var paras []int
	for _, s := range sentences(text) {
		got = append(got, text[s.start:s.end])
		paras = append(paras, s.para)
	}
	assert.Equal(t, []string{"Dr. Smith said 10.3 per cent.", "It rose.", "Next item here", "A heading", "New paragraph?", "Yes."}, got)
	assert.Equal(t, []int{0, 0, 0, 0, 1, 1}, paras)
}

func TestCauseOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"cancelled as a direct result of strike action by NHS staff.", "strike action"},
		{"cancelled due to strikes across England", "strikes"},
		{"postponed due to the four-day walkout by junior doctors", "four-day walkout"},
		{"no cause here", ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, causeOf(tc.in, strings.ToLower(tc.in)), tc.in)
	}
}
