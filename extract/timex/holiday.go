package timex

import (
	"strings"
	"time"
)

// Holiday names Expr.Holiday takes, as the lower-case keys of holidayDate.
const (
	HolidayChristmasDay = "christmas day"
	HolidayChristmasEve = "christmas eve"
	HolidayBoxingDay    = "boxing day"
	HolidayNewYearsDay  = "new year's day"
	HolidayNewYearsEve  = "new year's eve"
	HolidayEasterSunday = "easter sunday"
	HolidayEasterMonday = "easter monday"
	HolidayGoodFriday   = "good friday"
	HolidayValentines   = "valentine's day"
	HolidayHalloween    = "halloween"
	HolidayBonfireNight = "bonfire night"
	HolidayStPatricks   = "st patrick's day"
)

// holidayKey normalises a written holiday name ("New Year’s Day",
// "Christmas") to one of the Holiday constants.
func holidayKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.ReplaceAll(s, "’", "'")
	s = strings.ReplaceAll(s, "st. ", "st ")
	switch s {
	case "christmas":
		return HolidayChristmasDay
	case "easter", "easter day":
		return HolidayEasterSunday
	case "guy fawkes night":
		return HolidayBonfireNight
	}
	return s
}

// holidayDate gives the date of a named holiday in year y.
func holidayDate(name string, y int) (time.Time, bool) {
	switch name {
	case HolidayChristmasDay:
		return day(y, 12, 25), true
	case HolidayChristmasEve:
		return day(y, 12, 24), true
	case HolidayBoxingDay:
		return day(y, 12, 26), true
	case HolidayNewYearsDay:
		return day(y, 1, 1), true
	case HolidayNewYearsEve:
		return day(y, 12, 31), true
	case HolidayValentines:
		return day(y, 2, 14), true
	case HolidayHalloween:
		return day(y, 10, 31), true
	case HolidayBonfireNight:
		return day(y, 11, 5), true
	case HolidayStPatricks:
		return day(y, 3, 17), true
	case HolidayEasterSunday:
		return easter(y), true
	case HolidayEasterMonday:
		return easter(y).AddDate(0, 0, 1), true
	case HolidayGoodFriday:
		return easter(y).AddDate(0, 0, -2), true
	}
	return time.Time{}, false
}

// easter is Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian algorithm, Meeus/Jones/Butcher).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, time.Month(month), dd)
}
