package extract

import (
	"strings"
	"time"
)

// dateLayouts are the publication date forms met in metadata, most common
// first.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05",
	"2006-01-02T15:04:05-0700", "2006-01-02", "2006/01/02", "02/01/2006", "2 January 2006",
	"January 2, 2006", "Jan 2, 2006", "2 Jan 2006", time.RFC1123Z, time.RFC1123, "20060102",
}

// ParseDate reads a publication date as metadata writes it. It returns the
// calendar day of publication (midnight UTC), the ISO form (a date, or a
// date-time with its offset when a time of day was given) and whether it was
// understood.
func ParseDate(s string) (time.Time, string, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1800 || t.Year() > 2200 {
			return time.Time{}, "", false
		}
		// The reference day is the calendar day where it was published.
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		if strings.Contains(layout, "15:04") && (t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0) {
			return day, t.Format(time.RFC3339), true
		}
		return day, t.Format(time.DateOnly), true
	}
	return time.Time{}, "", false
}
