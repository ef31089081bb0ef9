package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tuesday is the reference date of most cases: Tuesday 26 September 2023.
var tuesday = time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC)

type want struct {
	text, start, end, grain, kind string
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		ref  time.Time
		want []want
	}{
		{name: "range with between", text: "Operations scheduled between September 19 and 23 were cancelled.",
			want: []want{{"between September 19 and 23", "2023-09-19", "2023-09-23", "day", "range"}}},
		{name: "range without between", text: "The clinic closed on September 19 and 23.",
			want: []want{{"September 19 and 23", "2023-09-19", "2023-09-23", "day", "range"}}},
		{name: "range day first", text: "The next walkout runs from 26 to 28 January.",
			want: []want{{"from 26 to 28 January", "2024-01-26", "2024-01-28", "day", "range"}}},
		{name: "range across months", text: "Talks were held from 28 August to 2 September.",
			want: []want{{"from 28 August to 2 September", "2023-08-28", "2023-09-02", "day", "range"}}},
		{name: "range with hyphen", text: "The festival took place on 8-10 September 2022.",
			want: []want{{"8-10 September 2022", "2022-09-08", "2022-09-10", "day", "range"}}},
		{name: "list", text: "Strike action is set to take place on October 2, 3 and 4, the union said.",
			want: []want{{"October 2, 3 and 4", "2023-10-02", "2023-10-04", "day", "list"}}},
		{name: "list day first", text: "Walkouts are planned on 2, 3 and 4 October.",
			want: []want{{"2, 3 and 4 October", "2023-10-02", "2023-10-04", "day", "list"}}},
		{name: "day month", text: "Emergency cover starts at 8am on 26 January.",
			ref:  time.Date(2016, 1, 12, 0, 0, 0, 0, time.UTC),
			want: []want{{"26 January", "2016-01-26", "2016-01-26", "day", "date"}}},
		{name: "day month past", text: "A previous walkout was planned for 1 December.",
			ref:  time.Date(2016, 1, 12, 0, 0, 0, 0, time.UTC),
			want: []want{{"1 December", "2015-12-01", "2015-12-01", "day", "date"}}},
		{name: "month day with year", text: "The report was published on March 22, 2013.",
			want: []want{{"March 22, 2013", "2013-03-22", "2013-03-22", "day", "date"}}},
		{name: "abbreviated month", text: "Prices peaked on Feb. 28 and fell.",
			ref:  time.Date(2013, 3, 21, 0, 0, 0, 0, time.UTC),
			want: []want{{"Feb. 28", "2013-02-28", "2013-02-28", "day", "date"}}},
		{name: "weekday past", text: "The trust said on Monday that 300 operations were postponed.",
			want: []want{{"on Monday", "2023-09-25", "2023-09-25", "day", "relative"}}},
		{name: "weekday same day", text: "Doctors gathered on Tuesday afternoon outside the hospital.",
			want: []want{{"on Tuesday afternoon", "2023-09-26", "2023-09-26", "day", "relative"}}},
		{name: "weekday future", text: "The strike will finish at 8am on Wednesday.",
			want: []want{{"on Wednesday", "2023-09-27", "2023-09-27", "day", "relative"}}},
		{name: "weekday future past same name", text: "Talks will resume on Monday.",
			want: []want{{"on Monday", "2023-10-02", "2023-10-02", "day", "relative"}}},
		{name: "last weekday", text: "Members rejected the offer last Friday.",
			want: []want{{"last Friday", "2023-09-22", "2023-09-22", "day", "relative"}}},
		{name: "next weekday", text: "Members have until next Friday to vote.",
			want: []want{{"next Friday", "2023-10-06", "2023-10-06", "day", "relative"}}},
		{name: "last week", text: "Some 2,000 appointments were postponed last week.",
			want: []want{{"last week", "2023-09-18", "2023-09-24", "week", "relative"}}},
		{name: "this week", text: "This week, consultants are striking again.",
			want: []want{{"This week", "2023-09-25", "2023-10-01", "week", "relative"}}},
		{name: "next week", text: "Results are expected next week.",
			want: []want{{"next week", "2023-10-02", "2023-10-08", "week", "relative"}}},
		{name: "earlier this month", text: "Consultants walked out earlier this month.",
			want: []want{{"earlier this month", "2023-09-01", "2023-09-30", "month", "relative"}}},
		{name: "next month", text: "The union threatened to strike again next month.",
			want: []want{{"next month", "2023-10-01", "2023-10-31", "month", "relative"}}},
		{name: "last month", text: "Last month, waiting lists grew.",
			want: []want{{"Last month", "2023-08-01", "2023-08-31", "month", "relative"}}},
		{name: "since month", text: "Nurses have walked out eight times since December.",
			want: []want{{"December", "2022-12-01", "2022-12-31", "month", "date"}}},
		{name: "in month", text: "The offer was made in November.",
			want: []want{{"November", "2022-11-01", "2022-11-30", "month", "date"}}},
		{name: "mid month", text: "The dispute began in mid-August.",
			want: []want{{"mid-August", "2023-08-01", "2023-08-31", "month", "date"}}},
		{name: "month and year", text: "The ballot closed in May 2010.",
			want: []want{{"May 2010", "2010-05-01", "2010-05-31", "month", "date"}}},
		{name: "last named month", text: "He lost his seat at last May's election.",
			want: []want{{"last May's", "2023-05-01", "2023-05-31", "month", "relative"}}},
		{name: "in year", text: "Talks started back in 2012.",
			want: []want{{"2012", "2012-01-01", "2012-12-31", "year", "date"}}},
		{name: "year as attribute", text: "Doctors want to keep the 2009 contract.",
			want: []want{{"2009", "2009-01-01", "2009-12-31", "year", "date"}}},
		{name: "year in a name", text: "He was held under the 2003 Extradition Act.",
			want: nil},
		{name: "year as a count", text: "Some 2000 patients were affected.",
			want: nil},
		{name: "financial year", text: "Spending rose in 2010-11.",
			want: []want{{"2010-11", "2010-04-01", "2011-03-31", "year", "date"}}},
		{name: "this financial year", text: "Staff get a rise this financial year and a payment for the previous financial year.",
			ref: time.Date(2023, 4, 18, 0, 0, 0, 0, time.UTC),
			want: []want{
				{"this financial year", "2023-04-01", "2024-03-31", "year", "relative"},
				{"the previous financial year", "2022-04-01", "2023-03-31", "year", "relative"},
			}},
		{name: "today yesterday tomorrow", text: "Today's strike follows yesterday's talks and ends tomorrow.",
			want: []want{
				{"Today's", "2023-09-26", "2023-09-26", "day", "relative"},
				{"yesterday's", "2023-09-25", "2023-09-25", "day", "relative"},
				{"tomorrow", "2023-09-27", "2023-09-27", "day", "relative"},
			}},
		{name: "the Today programme", text: "Speaking on BBC Radio 4's Today programme, he said so.",
			want: nil},
		{name: "christmas day", text: "Cover is at the same level as on Christmas Day.",
			ref:  time.Date(2016, 1, 12, 0, 0, 0, 0, time.UTC),
			want: []want{{"Christmas Day", "2015-12-25", "2015-12-25", "day", "date"}}},
		{name: "until christmas", text: "Strikes could last until Christmas.",
			ref:  time.Date(2023, 4, 18, 0, 0, 0, 0, time.UTC),
			want: []want{{"Christmas", "2023-12-25", "2023-12-25", "day", "date"}}},
		{name: "christmas as attribute", text: "The Christmas chart-toppers sang outside.", want: nil},
		{name: "uk numeric", text: "The letter is dated 6/10/2018.",
			want: []want{{"6/10/2018", "2018-10-06", "2018-10-06", "day", "date"}}},
		{name: "numeric month first when forced", text: "Filed on 10/25/2018.",
			want: []want{{"10/25/2018", "2018-10-25", "2018-10-25", "day", "date"}}},
		{name: "iso", text: "Updated 2013-03-22 at noon.",
			want: []want{{"2013-03-22", "2013-03-22", "2013-03-22", "day", "date"}}},
		{name: "weeks ago", text: "The ballot closed two weeks ago.",
			want: []want{{"two weeks ago", "2023-09-11", "2023-09-17", "week", "relative"}}},
		{name: "year ago", text: "A year ago the backlog was smaller.",
			want: []want{{"A year ago", "2022-01-01", "2022-12-31", "year", "relative"}}},
		{name: "days ago", text: "The letter arrived 10 days ago.",
			want: []want{{"10 days ago", "2023-09-16", "2023-09-16", "day", "relative"}}},
		{name: "earlier this year", text: "Earlier this year nurses voted to strike.",
			want: []want{{"Earlier this year", "2023-01-01", "2023-12-31", "year", "relative"}}},
		{name: "durations are not dates", text: "A four-day walkout over the last year; they struck for five days and in the previous week.",
			want: nil},
		{name: "times and vague periods are not dates", text: "This morning and tonight, this winter and in recent years, at 8am.",
			want: nil},
		{name: "ages are not dates", text: "Dr Marianne Hilton, 36, has been a GP since she was 29.",
			want: nil},
		{name: "generic weekdays", text: "We run clinics Monday to Friday and extend hours to Saturday, on Saturdays and Sundays.",
			want: nil},
		{name: "newspaper names", text: "He told the Sunday Times and the Mail on Sunday.",
			want: nil},
		{name: "theresa may", text: "Theresa May said 10 ministers agreed.",
			want: nil},
		{name: "weekend", text: "Protests were held last weekend.",
			want: []want{{"last weekend", "2023-09-23", "2023-09-24", "day", "relative"}}},
		{name: "easter", text: "The strike ended on Easter Monday 2024.",
			want: []want{{"Easter Monday 2024", "2024-04-01", "2024-04-01", "day", "date"}}},
		{name: "relative skipped without a reference", text: "On Monday, 26 January and in 2012 and on 6/10/2018.",
			ref: time.Time{},
			want: []want{
				{"2012", "2012-01-01", "2012-12-31", "year", "date"},
				{"6/10/2018", "2018-10-06", "2018-10-06", "day", "date"},
			}},
		{name: "weekday with date", text: "It happened on Tuesday, 12 January 2016.",
			want: []want{{"Tuesday, 12 January 2016", "2016-01-12", "2016-01-12", "day", "date"}}},
		{name: "month of last year", text: "Travellers were stranded in October last year.",
			want: []want{{"October last year", "2022-10-01", "2022-10-31", "month", "relative"}}},
		{name: "day of last year", text: "We opened the shop on June 16th of last year.",
			want: []want{{"June 16th of last year", "2022-06-16", "2022-06-16", "day", "relative"}}},
		{name: "compound number before ago", text: "Seventy-four years ago a battle was fought here.", want: nil},
		{name: "Today inside a name", text: "He spoke to Russia Today and to Trending Today USA.", want: nil},
		{name: "this weekend gone", text: "The president told supporters this weekend that he would stand.",
			want: []want{{"this weekend", "2023-09-23", "2023-09-24", "day", "relative"}}},
		{name: "this weekend to come", text: "Protests will be held this weekend.",
			want: []want{{"this weekend", "2023-09-30", "2023-10-01", "day", "relative"}}},
		{name: "figurative tomorrow", text: "They still hope for a brighter tomorrow.", want: nil},
		{name: "offsets from events are not dates", text: "A week after the speech, and the Monday after the strike, the day after the vote.", want: nil},
		{name: "weekday followed by a verb", text: "Figures published on Monday show a rise.",
			want: []want{{"on Monday", "2023-09-25", "2023-09-25", "day", "relative"}}},
		{name: "abbreviated numeric forms", text: "Filed 05-Aug-2016, due Dec-2018, revised 2019/aug/01 and 2015-12.",
			want: []want{
				{"05-Aug-2016", "2016-08-05", "2016-08-05", "day", "date"},
				{"Dec-2018", "2018-12-01", "2018-12-31", "month", "date"},
				{"2019/aug/01", "2019-08-01", "2019-08-01", "day", "date"},
				{"2015-12", "2015-12-01", "2015-12-31", "month", "date"},
			}},
		{name: "lower-case abbreviation before a number is a verb", text: "It would mar 10 years of work.", want: nil},
		{name: "week commencing", text: "Rotas for the week commencing 2 October are out.",
			want: []want{{"the week commencing 2 October", "2023-10-02", "2023-10-08", "week", "date"}}},
		{name: "week ending", text: "In the week ending 17 September, 1,200 operations were cancelled.",
			want: []want{{"the week ending 17 September", "2023-09-11", "2023-09-17", "week", "date"}}},
		{name: "end of the year", text: "The backlog will be cleared by the end of the year.",
			want: []want{{"the end of the year", "2023-01-01", "2023-12-31", "year", "relative"}}},
		{name: "weekday and ordinal day", text: "The next walkout is on Friday 13th.",
			want: []want{{"Friday 13th", "2023-10-13", "2023-10-13", "day", "relative"}}},
		{name: "ordinal day alone", text: "Ballots must be returned by the 30th.",
			want: []want{{"by the 30th", "2023-09-30", "2023-09-30", "day", "relative"}}},
		{name: "weekday before a count", text: "On Monday 20 people were arrested.",
			want: []want{{"On Monday", "2023-09-25", "2023-09-25", "day", "relative"}}},
		{name: "ordinals that are not days", text: "He played the 18th hole with the 4th Battalion on the 2nd floor, removed by the 25th Amendment.", want: nil},
		{name: "abbreviated weekday before a date", text: "Posted Tue May 9 2017.",
			want: []want{{"Tue May 9 2017", "2017-05-09", "2017-05-09", "day", "date"}}},
		{name: "fortnight ago", text: "The ballot closed a fortnight ago.",
			want: []want{{"a fortnight ago", "2023-09-11", "2023-09-17", "week", "relative"}}},
		{name: "programme name", text: "She told ABC's This Week programme she would run.", want: nil},
		{name: "last and this Christmas", text: "Wards were busier than last Christmas and will be again this Christmas.",
			ref: time.Date(2023, 4, 18, 0, 0, 0, 0, time.UTC),
			want: []want{
				{"last Christmas", "2022-12-25", "2022-12-25", "day", "relative"},
				{"this Christmas", "2023-12-25", "2023-12-25", "day", "relative"},
			}},
		{name: "weekday outweighs tense", text: "Amnesty said it would publish on Tuesday, November 19.",
			ref:  time.Date(2019, 9, 10, 0, 0, 0, 0, time.UTC),
			want: []want{{"Tuesday, November 19", "2019-11-19", "2019-11-19", "day", "date"}}},
		{name: "weekday slip is ignored", text: "The strike began on Monday 12 January.",
			ref:  time.Date(2016, 1, 20, 0, 0, 0, 0, time.UTC),
			want: []want{{"Monday 12 January", "2016-01-12", "2016-01-12", "day", "date"}}},
		{name: "week of", text: "The next strike is planned for the week of 4 October.",
			want: []want{{"the week of 4 October", "2023-10-02", "2023-10-08", "week", "date"}}},
		{name: "month range", text: "The ward was closed from March to May.",
			want: []want{{"from March to May", "2023-03-01", "2023-05-31", "month", "range"}}},
		{name: "month range across a year end", text: "Cases rose between November 2022 and February.",
			want: []want{{"between November 2022 and February", "2022-11-01", "2023-02-28", "month", "range"}}},
		{name: "last weekday is last week's", text: "The board met last Monday.",
			want: []want{{"last Monday", "2023-09-18", "2023-09-18", "day", "relative"}}},
		{name: "weekday of next week", text: "Talks resume on Tuesday of next week.",
			want: []want{{"on Tuesday of next week", "2023-10-03", "2023-10-03", "day", "relative"}}},
		{name: "phone numbers and ratios are not dates", text: "Call 0161-2010-2015 or 0161 2010 2015, or see the ratio 30/4.85.", want: nil},
		{name: "year pair", text: "The pandemic of 2009-2010 killed hundreds.",
			want: []want{
				{"2009", "2009-01-01", "2009-12-31", "year", "date"},
				{"2010", "2010-01-01", "2010-12-31", "year", "date"},
			}},
		{name: "money and counts are not years", text: "It cost £2012 and 2,015 staff, 2013% up.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := tt.ref
			if ref.IsZero() && tt.name != "relative skipped without a reference" {
				ref = tuesday
			}
			got := Find(tt.text, ref)
			var gotW []want
			for _, m := range got {
				assert.Equal(t, m.Text, tt.text[m.Start:m.End])
				gotW = append(gotW, want{m.Text, m.StartDate, m.EndDate, m.Grain, m.Kind})
			}
			assert.Equal(t, tt.want, gotW)
		})
	}
}

func TestFindListDays(t *testing.T) {
	got := Find("Walkouts on October 2, 3 and 4.", tuesday)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"2023-10-02", "2023-10-03", "2023-10-04"}, got[0].Days)
}

func TestResolveImpossibleDate(t *testing.T) {
	_, ok := Resolve(Expr{Shape: ShapeDay, Year: 2023, Month: 2, Day: 30}, tuesday)
	assert.False(t, ok)
	m, ok := Resolve(Expr{Shape: ShapeDay, Month: 2, Day: 29}, tuesday)
	require.True(t, ok)
	assert.Equal(t, "2024-02-29", m.StartDate, "29 February only exists in leap years")
}

func TestEaster(t *testing.T) {
	for y, want := range map[int]string{2016: "2016-03-27", 2023: "2023-04-09", 2024: "2024-03-31", 2000: "2000-04-23"} {
		assert.Equal(t, want, easter(y).Format(isoDay), "Easter %d", y)
	}
}
