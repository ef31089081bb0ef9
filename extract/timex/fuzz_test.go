package timex

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"between September 19 and 23",
		"October 2, 3 and 4, 2023",
		"from 26 to 28 January",
		"on Monday and last week, 6/10/2018, 2010-11",
		"the day before yesterday (Monday) until Christmas",
		"31/02/2020 29 February 1 December 2015-13-45",
		"Feb. 28 – March 3, earlier this month, two weeks ago",
		"£2012, 2,015, 1957-58 and 99/99/99",
		"Tuesday, 12 January 2016 at 8am on Wednesday",
		"\xff\xfe May 5 \u2019s today\u2019s",
	} {
		f.Add(s, int64(1695686400))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		ref := time.Unix(unix%(1<<34), 0).UTC()
		if unix%7 == 0 {
			ref = time.Time{}
		}
		for _, m := range Find(text, ref) {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad offsets %d..%d in %d bytes", m.Start, m.End, len(text))
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("span %q != text %q", text[m.Start:m.End], m.Text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("span %q splits a character", m.Text)
			}
			s, err1 := time.Parse(isoDay, m.StartDate)
			e, err2 := time.Parse(isoDay, m.EndDate)
			if err1 != nil || err2 != nil {
				t.Fatalf("dates %q..%q are not ISO", m.StartDate, m.EndDate)
			}
			if e.Before(s) {
				t.Fatalf("end %s before start %s for %q", m.EndDate, m.StartDate, m.Text)
			}
			for _, d := range m.Days {
				if _, err := time.Parse(isoDay, d); err != nil {
					t.Fatalf("list day %q is not ISO", d)
				}
			}
		}
	})
}
