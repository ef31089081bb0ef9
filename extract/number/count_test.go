package number

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// want is the part of a Count a test checks; empty fields are not checked
// except Text and Value.
type want struct {
	text     string
	value    float64
	approx   string
	kind     string
	unit     string
	currency string
	rangeEnd float64
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{name: "separators", in: "The total grew to 3,850 over the last year.",
			want: []want{{text: "3,850", value: 3850, approx: Exact, kind: KindCount}}},
		{name: "unit after the count", in: "The trust has cancelled 736 appointments or operations initially scheduled last week.",
			want: []want{{text: "736", value: 736, unit: "appointments or operations"}}},
		{name: "decimal percent in words", in: "a 10.3 per cent pay increase",
			want: []want{{text: "10.3 per cent", value: 10.3, kind: KindPercent, unit: "pay increase"}}},
		{name: "percent sign", in: "NHS England said 38% of junior doctors had turned up",
			want: []want{{text: "38%", value: 38, kind: KindPercent, unit: "junior doctors"}}},
		{name: "percent word number", in: "consultants are receiving a six per cent pay rise",
			want: []want{{text: "six per cent", value: 6, kind: KindPercent}}},
		{name: "percent spelled percent", in: "up by 12 percent on last year",
			want: []want{{text: "12 percent", value: 12, kind: KindPercent}}},
		{name: "bracketed percent", in: "more than half (54%) of planned surgeries",
			want: []want{{text: "more than half", value: 50, approx: Over, kind: KindPercent}, {text: "54%", value: 54, kind: KindPercent, unit: "planned surgeries"}}},
		{name: "three-quarters", in: "expected three-quarters of its 65 junior doctors to strike",
			want: []want{{text: "three-quarters", value: 75, kind: KindPercent}, {text: "65", value: 65, unit: "junior doctors"}}},
		{name: "surpassed with unit before", in: "the number of outpatient appointments cancelled due to strikes across England surpassed one million following the strike",
			want: []want{{text: "surpassed one million", value: 1e6, approx: Over, unit: "outpatient appointments"}}},
		{name: "over one million", in: "the grim milestone of over one million appointments cancelled",
			want: []want{{text: "over one million", value: 1e6, approx: Over, unit: "appointments"}}},
		{name: "half a million under", in: "We have now seen nearly half a million appointments rescheduled",
			want: []want{{text: "nearly half a million", value: 5e5, approx: Under, unit: "appointments"}}},
		{name: "around capitalised", in: "Around 200,000 hospital appointments were postponed",
			want: []want{{text: "Around 200,000", value: 2e5, approx: About, unit: "hospital appointments"}}},
		{name: "just over", in: "Just over 4,000 were postponed", want: []want{{text: "Just over 4,000", value: 4000, approx: Over}}},
		{name: "typo more more than", in: "there have been more more than 150 pickets",
			want: []want{{text: "more than 150", value: 150, approx: Over, unit: "pickets"}}},
		{name: "at least", in: "There are expected to be at least 100 picket lines today",
			want: []want{{text: "at least 100", value: 100, approx: AtLeast, unit: "picket lines"}}},
		{name: "up to", in: "Nissan plans to cut up to 700 contract workers.",
			want: []want{{text: "up to 700", value: 700, approx: UpTo, unit: "contract workers"}}},
		{name: "fewer than a thousand", in: "Fewer than a thousand pandas live in the wild.",
			want: []want{{text: "Fewer than a thousand", value: 1000, approx: Under, unit: "pandas"}}},
		{name: "odd suffix", in: "the 20-odd junior doctors on the picket line",
			want: []want{{text: "20-odd", value: 20, approx: About, unit: "junior doctors"}}},
		{name: "plus suffix", in: "We have 100+ sources.", want: []want{{text: "100+", value: 100, approx: AtLeast}}},
		{name: "or more", in: "waits of 300 or more patients", want: []want{{text: "300 or more", value: 300, approx: AtLeast}}},
		{name: "approximately", in: "Approximately 11% outpatient appointments have also been cancelled.",
			want: []want{{text: "Approximately 11%", value: 11, approx: About, kind: KindPercent, unit: "outpatient appointments"}}},
		{name: "money bn", in: "a £22bn NHS efficiency savings programme",
			want: []want{{text: "£22bn", value: 22e9, kind: KindMoney, currency: "GBP"}}},
		{name: "money k", in: "a student debt of £80k and starting salary of £22k",
			want: []want{{text: "£80k", value: 80000, kind: KindMoney, currency: "GBP"}, {text: "£22k", value: 22000, kind: KindMoney, currency: "GBP"}}},
		{name: "money dollars million", in: "a $1.5 million grant", want: []want{{text: "$1.5 million", value: 1.5e6, kind: KindMoney, currency: "USD"}}},
		{name: "money euro word", in: "it cost 300 euros", want: []want{{text: "300 euros", value: 300, kind: KindMoney, currency: "EUR"}}},
		{name: "pence", in: "a rise of 50p a week", want: []want{{text: "50p", value: 0.5, kind: KindMoney, currency: "GBP"}}},
		{name: "magnitude m", in: "The trust saved 1.2m this year.", want: []want{{text: "1.2m", value: 1.2e6}}},
		{name: "magnitude word", in: "2.5 billion items", want: []want{{text: "2.5 billion", value: 2.5e9, unit: "items"}}},
		{name: "two and a half million", in: "two and a half million patients", want: []want{{text: "two and a half million", value: 2.5e6, unit: "patients"}}},
		{name: "compound words", in: "three hundred and sixty-five beds", want: []want{{text: "three hundred and sixty-five", value: 365, unit: "beds"}}},
		{name: "a quarter of a million", in: "a quarter of a million people", want: []want{{text: "a quarter of a million", value: 250000, unit: "people"}}},
		{name: "range to", in: "between 200 and 300 beds", want: []want{{text: "between 200 and 300", value: 200, rangeEnd: 300, unit: "beds"}}},
		{name: "range dash magnitude", in: "The number range is 5k-20k", want: []want{{text: "5k-20k", value: 5000, rangeEnd: 20000}}},
		{name: "range percent carries back", in: "from 10 to 20 per cent of staff", want: []want{{text: "from 10 to 20 per cent", value: 10, rangeEnd: 20, kind: KindPercent, unit: "staff"}}},
		{name: "range scale carries back", in: "1-2 million patients", want: []want{{text: "1-2 million", value: 1e6, rangeEnd: 2e6}}},
		{name: "a possible", in: "out of a possible 26,000 have reported", want: []want{{text: "26,000", value: 26000, approx: Exact}}},
		{name: "space groups", in: "China's population is 1 414 021 100.", want: []want{{text: "1 414 021 100", value: 1414021100}}},

		// Not counts.
		{name: "years", in: "modernising the 2009 contract started back in 2012, got nowhere", want: nil},
		{name: "financial year", in: "in 2010-11 the trust", want: nil},
		{name: "year used as count", in: "some 2000 appointments were lost", want: []want{{text: "some 2000", value: 2000, approx: About}}},
		{name: "dates", in: "between September 19 and 23 and then on October 2, 3 and 4 and 26 to 28 January", want: nil},
		{name: "numeric date", in: "on 6/10/2018 and 24/7", want: nil},
		{name: "times", in: "from 8am to 5pm, and at 8.15am, or 10:30", want: nil},
		{name: "times in capitals", in: "doors open 8.45 A.M. / 6.15 P.M. daily", want: nil},
		{name: "time run into the next word", in: "posted 10:35PMThe debate", want: nil},
		{name: "am starting a word", in: "Iran detained 10 American sailors",
			want: []want{{text: "10", value: 10, unit: "American sailors"}}},
		{name: "among is not am", in: "ahead by 516 to 39 among superdelegates",
			want: []want{{text: "516", value: 516}, {text: "39", value: 39}}},
		{name: "age comma", in: "Dr Marianne Hilton, 36, described the contract", want: nil},
		{name: "age end of line", in: "Aimee Priestman (left), 34, and Dr Marianne Hilton, 36\nNext line", want: nil},
		{name: "age words", in: "a 31-year-old trainee, aged 27", want: nil},
		{name: "ordinal", in: "the 19th time and the 2nd", want: nil},
		{name: "durations", in: "a 96-hour strike, a 12-hour shift, 13 hour shifts, for 18 months, working 80 to 90 hours a week, between four and 10 hours", want: nil},
		{name: "day cases are not durations", in: "192 inpatients and 462 day cases", want: []want{{text: "192", value: 192, unit: "inpatients"}, {text: "462", value: 462, unit: "day cases"}}},
		{name: "levels and grades", in: "a level 4 incident, an F2 junior, a foundation year 1 or 2 doctor, on Radio 4", want: nil},
		{name: "names with numbers", in: "Covid-19 and the M62 and SCP-173", want: nil},
		{name: "decades", in: "in their early 20s and the 1990s", want: nil},
		{name: "vague plural", in: "100's of titles and thousands of appointments and hundreds of thousands of patients", want: nil},
		{name: "measurements stuck", in: "the 180ml liquid on 29km Road", want: nil},
		{name: "one alone", in: "one of the trusts and no one else", want: nil},
		{name: "half an hour", in: "half an hour later in the second half of the year", want: nil},
		{name: "small words kept", in: "two young children", want: []want{{text: "two", value: 2, unit: "young children"}}},
		{name: "year before a percent", in: "cut landfill waste by 2030 to 40 percent below 2010 levels", want: []want{{text: "40 percent", value: 40, kind: KindPercent}}},
		{name: "scores", in: "a surprise 5-4 decision and a 4-4 ruling", want: nil},
		{name: "plus suffix duration", in: "no tax for 15-plus years", want: nil},
		{name: "age before a dash", in: "Crutcher, 40 ― a father", want: nil},
		{name: "and a half years", in: "his seven and a half years in office and three o’clock", want: nil},
		{name: "ratios as shares", in: "about 4 in 10 voters and nine out of 10 doctors", want: []want{
			{text: "about 4 in 10", value: 40, approx: About, kind: KindPercent, unit: "voters"},
			{text: "nine out of 10", value: 90, kind: KindPercent, unit: "doctors"}}},
		{name: "list numbers and No.", in: "Intro\n2. PANEL RULES and the No. 1 enemy in the Constitution of 1780", want: nil},
		{name: "change is not a range", in: "rates rose from 3.9 per cent to 5.8 per cent", want: []want{
			{text: "3.9 per cent", value: 3.9, kind: KindPercent}, {text: "5.8 per cent", value: 5.8, kind: KindPercent}}},
		{name: "phone numbers and index values", in: "WhatsApp: +44 7756 165803 and FTSE 100 5976.77 up", want: nil},
		{name: "years after months and before contractions", in: "from April 2017 parents would get it. Unlike 2008 there's no one.", want: nil},
		{name: "millimetres are not millions", in: "a gap of 22mm between them", want: nil},
		{name: "a failed range keeps its kind", in: "Down -7.05 -0.18%", want: []want{{text: "7.05", value: 7.05, kind: KindCount}, {text: "0.18%", value: 0.18, kind: KindPercent}}},
		{name: "identifiers with underscores", in: "AP_20130322 and CNN_20130321_821", want: nil},
		{name: "year before a singular in s", in: "a 2009 analysis by the office", want: nil},
		{name: "scaled decimals are exact", in: "$17.1bn in cash", want: []want{{text: "$17.1bn", value: 17.1e9, kind: KindMoney}}},
		{name: "empty", in: "", want: nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in)
			require.Len(t, got, len(tc.want), "counts: %+v", got)
			for i, w := range tc.want {
				g := got[i]
				assert.Equal(t, w.text, g.Text)
				assert.Equal(t, tc.in[g.Start:g.End], g.Text)
				assert.InDelta(t, w.value, g.Value, 1e-6)
				if w.approx != "" {
					assert.Equal(t, w.approx, g.Approx)
				}
				if w.kind != "" {
					assert.Equal(t, w.kind, g.Kind)
				}
				if w.unit != "" {
					assert.Equal(t, w.unit, g.Unit)
				}
				if w.currency != "" {
					assert.Equal(t, w.currency, g.Currency)
				}
				assert.InDelta(t, w.rangeEnd, g.RangeEnd, 1e-6)
			}
		})
	}
}

func TestCountHelpers(t *testing.T) {
	assert.True(t, Count{Text: "six per cent"}.Words())
	assert.False(t, Count{Text: "6%"}.Words())
	assert.True(t, Count{Value: 1, RangeEnd: 2}.IsRange())
	assert.False(t, Count{Value: 1}.IsRange())
}
