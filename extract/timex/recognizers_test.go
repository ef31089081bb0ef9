package timex

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Microsoft Recognizers-Text's English DateTime model specs (MIT licence),
// read from ../shared when present; see its README there. Only the cases
// that fit this package's contract are run: every expected result is a
// date or a date range (no times, durations or repeating sets), and US
// month-first numeric dates that UK day-first order would read otherwise
// are left out. Negative cases (nothing to find) are kept.
type rtCase struct {
	Input   string `json:"Input"`
	Context struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	Results []struct {
		Text       string `json:"Text"`
		Start      int    `json:"Start"`
		End        int    `json:"End"`
		TypeName   string `json:"TypeName"`
		Resolution struct {
			Values []map[string]any `json:"values"`
		} `json:"Resolution"`
	} `json:"Results"`
}

type daySpan struct{ start, end string }

var (
	reTimexDay   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	reTimexMonth = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reTimexYear  = regexp.MustCompile(`^(\d{4})$`)
	reTimexWeek  = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)
	reTimexRange = regexp.MustCompile(`^\((\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2}),P\d+[DWMY]\)$`)
	// Expressions the contract leaves out: rolling windows and offsets
	// ("next 3 days", "within 9 months", "in two weeks", "3 days from
	// today"), quarters, halves, decades and centuries, and weeks counted
	// inside a month or year ("the last week of July").
	reOutOfContract = regexp.MustCompile(`(?i)\b(?:next|last|past|previous|upcoming|coming|following|within|remaining)\b.*\b(?:days|weeks|months|years|business)\b|\b\d+\s+(?:next|past|previous|upcoming)\b|^in\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b|\b(?:days?|weeks?|months?|years?)\s+(?:from|after|before|since|starting)\b|quarter|\bq[1-4]\b|\bhalf\b|century|\d0\s*s\b|\bweek\s+of\b|\bweek\s+\d|\b(?:first|second|third|fourth|last|\d(?:st|nd|rd|th))\s+week\b`)
	// Slash dates whose two first parts could both be a month.
	reAmbiguousNumeric = regexp.MustCompile(`\b(0?[1-9]|1[0-2])/(0?[1-9]|1[0-2])\b`)
)

func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse(isoDay, s)
	return t, err == nil
}

// timexSpans turns one expected resolution into the day spans it allows.
func timexSpans(v map[string]any) []daySpan {
	var out []daySpan
	str := func(k string) string { s, _ := v[k].(string); return s }
	tx := str("timex")
	switch {
	case reTimexDay.MatchString(tx):
		out = append(out, daySpan{tx, tx})
	case reTimexMonth.MatchString(tx):
		t, _ := parseDay(tx + "-01")
		out = append(out, daySpan{t.Format(isoDay), t.AddDate(0, 1, -1).Format(isoDay)})
	case reTimexYear.MatchString(tx):
		out = append(out, daySpan{tx + "-01-01", tx + "-12-31"})
	case reTimexWeek.MatchString(tx):
		m := reTimexWeek.FindStringSubmatch(tx)
		y, w := atoi(m[1]), atoi(m[2])
		jan4 := day(y, 1, 4)
		mon := weekStart(jan4).AddDate(0, 0, 7*(w-1))
		out = append(out, daySpan{mon.Format(isoDay), mon.AddDate(0, 0, 6).Format(isoDay)})
	case reTimexRange.MatchString(tx):
		// Recognizers writes a range's end as exclusive even where the
		// text names the last day ("November 18-19" ends "11-19"), so
		// both readings are accepted.
		m := reTimexRange.FindStringSubmatch(tx)
		if e, ok := parseDay(m[2]); ok {
			out = append(out, daySpan{m[1], e.AddDate(0, 0, -1).Format(isoDay)}, daySpan{m[1], m[2]})
		}
	}
	if val := str("value"); val != "" {
		if _, ok := parseDay(val); ok {
			out = append(out, daySpan{val, val})
		}
	}
	if s, e := str("start"), str("end"); s != "" && e != "" {
		if et, ok := parseDay(e); ok {
			out = append(out, daySpan{s, et.AddDate(0, 0, -1).Format(isoDay)})
			if strings.HasPrefix(tx, "(") {
				out = append(out, daySpan{s, e})
			}
		}
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func loadRecognizers(t *testing.T, rel string) []rtCase {
	t.Helper()
	path := filepath.Join(sharedDir, "data", "specs", "recognizers-text", rel)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("Recognizers-Text specs not found: %v", err)
	}
	var cases []rtCase
	require.NoError(t, json.Unmarshal(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), &cases))
	return cases
}

// fits reports whether a case belongs to this package's contract.
func fits(c rtCase, dayFirst bool) bool {
	if c.Context.ReferenceDateTime == "" {
		return false
	}
	if !dayFirst && reAmbiguousNumeric.MatchString(c.Input) {
		return false
	}
	for _, r := range c.Results {
		if r.TypeName != "datetimeV2.date" && r.TypeName != "datetimeV2.daterange" {
			return false
		}
		if reOutOfContract.MatchString(r.Text) {
			return false
		}
		for _, v := range r.Resolution.Values {
			if _, mod := v["Mod"]; mod {
				return false // open-ended or approximate: "before", "since", "mid"
			}
		}
		ok := false
		for _, v := range r.Resolution.Values {
			if len(timexSpans(v)) > 0 {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// passes reports whether Find's mentions match a case's expected results
// one to one: overlapping spans and one of the allowed day spans.
func passes(c rtCase, got []Mention) bool {
	if len(got) != len(c.Results) {
		return false
	}
	used := make([]bool, len(got))
	for _, r := range c.Results {
		var allowed []daySpan
		for _, v := range r.Resolution.Values {
			allowed = append(allowed, timexSpans(v)...)
		}
		found := false
		for i, m := range got {
			if used[i] || m.End <= r.Start || m.Start > r.End {
				continue
			}
			for _, a := range allowed {
				if a.start == m.StartDate && a.end == m.EndDate {
					found, used[i] = true, true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func runRecognizers(t *testing.T, rel string, dayFirst bool) (pass, n int) {
	for _, c := range loadRecognizers(t, rel) {
		if !fits(c, dayFirst) {
			continue
		}
		ref, err := time.Parse("2006-01-02T15:04:05", c.Context.ReferenceDateTime)
		require.NoError(t, err)
		got := Find(c.Input, ref)
		n++
		if passes(c, got) {
			pass++
		} else if *evalDump {
			var exp []string
			for _, r := range c.Results {
				b, _ := json.Marshal(r.Resolution.Values)
				exp = append(exp, r.Text+" "+string(b))
			}
			var gs []string
			for _, m := range got {
				gs = append(gs, m.Text+" "+m.StartDate+".."+m.EndDate)
			}
			t.Logf("FAIL %q ref %s\n  want %s\n  got  %s", c.Input, c.Context.ReferenceDateTime[:10], strings.Join(exp, "; "), strings.Join(gs, "; "))
		}
	}
	return pass, n
}

// TestRecognizersDateTime reports the pass rate on the specs that fit and
// fails when it drops below what has been reached.
func TestRecognizersDateTime(t *testing.T) {
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("shared evaluation data not found at %s", sharedDir)
	}
	p1, n1 := runRecognizers(t, "DateTime/English/DateTimeModel.json", false)
	p2, n2 := runRecognizers(t, "DateTime/EnglishOthers/DateTimeModel.json", true)
	pass, n := p1+p2, n1+n2
	t.Logf("Recognizers-Text DateTimeModel: English %d/%d, EnglishOthers %d/%d, total %d/%d = %.3f",
		p1, n1, p2, n2, pass, n, float64(pass)/float64(max(n, 1)))
	require.NotZero(t, n)
	require.GreaterOrEqual(t, float64(pass)/float64(n), minRecognizersPassRate, "Recognizers-Text pass rate fell")
}

// minRecognizersPassRate is the pass rate reached so far; raise it as the
// package improves so that regressions fail.
const minRecognizersPassRate = 0.45
