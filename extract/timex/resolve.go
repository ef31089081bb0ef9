package timex

import "time"

const isoDay = "2006-01-02"

// Grains of a resolved mention.
const (
	GrainDay   = "day"
	GrainWeek  = "week"
	GrainMonth = "month"
	GrainYear  = "year"
)

// Kinds of a resolved mention.
const (
	KindDate     = "date"
	KindRange    = "range"
	KindList     = "list"
	KindRelative = "relative"
)

// span is a resolved interval of whole days, both ends inclusive.
type span struct{ from, to time.Time }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := day(y, time.Month(m), d)
	return t.Day() == d && int(t.Month()) == m
}

func monthSpan(y, m int) span {
	f := day(y, time.Month(m), 1)
	return span{f, f.AddDate(0, 1, -1)}
}

func yearSpan(y int) span { return span{day(y, 1, 1), day(y, 12, 31)} }

func fySpan(y int) span { return span{day(y, 4, 1), day(y+1, 3, 31)} }

// weekStart is the Monday of the week holding t.
func weekStart(t time.Time) time.Time {
	back := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -back)
}

// fyStart is the first year of the UK financial year holding t.
func fyStart(t time.Time) int {
	if t.Month() >= time.April {
		return t.Year()
	}
	return t.Year() - 1
}

// pick chooses among candidate spans (one per year, in time order) the one
// the lean asks for.
func pick(cands []span, ref time.Time, lean Lean) (span, bool) {
	if len(cands) == 0 {
		return span{}, false
	}
	switch lean {
	case LeanFuture:
		for _, c := range cands {
			if !c.to.Before(ref) {
				return c, true
			}
		}
		return span{}, false
	case LeanPast:
		for i := len(cands) - 1; i >= 0; i-- {
			if !cands[i].from.After(ref) {
				return cands[i], true
			}
		}
		return span{}, false
	}
	best, bestDist := -1, 0.0
	for i, c := range cands {
		var dist float64
		switch {
		case c.to.Before(ref):
			dist = ref.Sub(c.to).Hours()
		case c.from.After(ref):
			// Future candidates count treble: news mostly reports the
			// past, and the guide reads a year-less date as past unless
			// the wording points forward.
			dist = 3 * c.from.Sub(ref).Hours()
		}
		if best < 0 || dist < bestDist {
			best, bestDist = i, dist
		}
	}
	return cands[best], true
}

// yearless builds the candidate spans for the years around ref using mk,
// which returns false for years where the date does not exist (29 February),
// and picks the one the lean asks for.
func yearless(ref time.Time, lean Lean, mk func(y int) (span, bool)) (span, bool) {
	var cands []span
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		if s, ok := mk(y); ok {
			cands = append(cands, s)
		}
	}
	return pick(cands, ref, lean)
}

// Resolve turns an expression into a Mention against ref, the publication
// date. A zero ref resolves only absolute expressions (those with a year
// written); ok is false for anything else and for impossible dates.
func Resolve(e Expr, ref time.Time) (m Mention, ok bool) {
	if ref.IsZero() && !e.Absolute() {
		return Mention{}, false
	}
	if !ref.IsZero() {
		ref = day(ref.Year(), ref.Month(), ref.Day())
	}
	m = Mention{Text: e.Text, Start: e.Start, End: e.End, Grain: GrainDay, Kind: KindDate}
	var s span
	switch e.Shape {
	case ShapeDay:
		year := e.Year
		if e.YearFromRef {
			year = ref.Year() + e.Offset
			m.Kind = KindRelative
		}
		if year == 0 && e.Rel == "weekday" {
			s, ok = resolveDayWithWeekday(e, ref)
			break
		}
		s, ok = fixedOrYearless(year, ref, e.Lean, dayIn(e.Month, e.Day))
	case ShapeDayOfMonth:
		m.Kind = KindRelative
		s, ok = resolveDayOfMonth(e, ref)
	case ShapeWeekOf:
		m.Grain = GrainWeek
		s, ok = fixedOrYearless(e.Year, ref, e.Lean, func(y int) (span, bool) {
			if !validDay(y, e.Month, e.Day) {
				return span{}, false
			}
			d := day(y, time.Month(e.Month), e.Day)
			switch e.Rel {
			case "ending":
				return span{d.AddDate(0, 0, -6), d}, true
			case "of":
				return span{weekStart(d), weekStart(d).AddDate(0, 0, 6)}, true
			}
			return span{d, d.AddDate(0, 0, 6)}, true
		})
	case ShapeDayList:
		m.Kind = KindList
		s, ok = fixedOrYearless(e.Year, ref, e.Lean, func(y int) (span, bool) {
			for _, d := range e.Days {
				if !validDay(y, e.Month, d) {
					return span{}, false
				}
			}
			return span{day(y, time.Month(e.Month), e.Days[0]), day(y, time.Month(e.Month), e.Days[len(e.Days)-1])}, true
		})
		if ok {
			for _, d := range e.Days {
				m.Days = append(m.Days, day(s.from.Year(), time.Month(e.Month), d).Format(isoDay))
			}
		}
	case ShapeDayRange:
		m.Kind = KindRange
		s, ok = resolveRange(e, ref)
	case ShapeMonth:
		m.Grain = GrainMonth
		s, ok = fixedOrYearless(e.Year, ref, e.Lean, func(y int) (span, bool) { return monthSpan(y, e.Month), true })
	case ShapeMonthRange:
		m.Grain, m.Kind = GrainMonth, KindRange
		s, ok = fixedOrYearless(e.Year, ref, e.Lean, func(y int) (span, bool) {
			y2 := y
			if e.EndYear != 0 {
				y2 = y + e.EndYear - e.Year
			} else if e.EndMonth < e.Month {
				y2 = y + 1
			}
			return span{monthSpan(y, e.Month).from, monthSpan(y2, e.EndMonth).to}, true
		})
	case ShapeYear:
		m.Grain = GrainYear
		s, ok = yearSpan(e.Year), true
	case ShapeFinancialYear:
		m.Grain = GrainYear
		s, ok = fySpan(e.Year), true
	case ShapeHoliday:
		year, lean := e.Year, e.Lean
		switch e.Rel {
		case "this":
			year = ref.Year()
		case "last":
			lean = LeanPast
		case "next":
			lean = LeanFuture
		}
		if e.Rel != "" && e.Year == 0 {
			m.Kind = KindRelative
		}
		s, ok = fixedOrYearless(year, ref, lean, func(y int) (span, bool) {
			d, ok := holidayDate(e.Holiday, y)
			return span{d, d}, ok
		})
	default:
		m.Kind = KindRelative
		s, ok = resolveRelative(e, ref, &m)
	}
	if !ok {
		return Mention{}, false
	}
	m.StartDate, m.EndDate = s.from.Format(isoDay), s.to.Format(isoDay)
	return m, true
}

func fixedOrYearless(year int, ref time.Time, lean Lean, mk func(y int) (span, bool)) (span, bool) {
	if year != 0 {
		return mk(year)
	}
	return yearless(ref, lean, mk)
}

// resolveDayWithWeekday places a year-less date written with its weekday
// ("Tuesday 12 January") in a year where the two agree within about half
// a year of ref; the weekday outweighs the tense of the sentence. With no
// such year it is ignored (a slip of the writer's).
func resolveDayWithWeekday(e Expr, ref time.Time) (span, bool) {
	var cands []span
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		if !validDay(y, e.Month, e.Day) {
			continue
		}
		d := day(y, time.Month(e.Month), e.Day)
		if d.Weekday() == e.Weekday && absDays(d.Sub(ref)) <= 200 {
			cands = append(cands, span{d, d})
		}
	}
	if len(cands) > 0 {
		if s, ok := pick(cands, ref, e.Lean); ok {
			return s, true
		}
		return pick(cands, ref, LeanNearest)
	}
	return yearless(ref, e.Lean, dayIn(e.Month, e.Day))
}

// dayIn makes the candidate for month m, day d in a given year: that
// one day, where it exists.
func dayIn(m, d int) func(y int) (span, bool) {
	return func(y int) (span, bool) {
		if !validDay(y, m, d) {
			return span{}, false
		}
		t := day(y, time.Month(m), d)
		return span{t, t}, true
	}
}

func absDays(d time.Duration) int {
	n := int(d.Hours() / 24)
	if n < 0 {
		return -n
	}
	return n
}

// resolveDayOfMonth places a day number with no month in the month the
// lean picks among the thirteen months either side of ref (with a weekday,
// only months where the day falls on it).
func resolveDayOfMonth(e Expr, ref time.Time) (span, bool) {
	var cands []span
	first := day(ref.Year(), ref.Month(), 1)
	for k := -13; k <= 13; k++ {
		f := first.AddDate(0, k, 0)
		if !validDay(f.Year(), int(f.Month()), e.Day) {
			continue
		}
		d := day(f.Year(), f.Month(), e.Day)
		if e.Rel == "weekday" && d.Weekday() != e.Weekday {
			continue
		}
		cands = append(cands, span{d, d})
	}
	return pick(cands, ref, e.Lean)
}

func resolveRange(e Expr, ref time.Time) (span, bool) {
	endMonth := e.EndMonth
	if endMonth == 0 {
		endMonth = e.Month
	}
	mk := func(y int) (span, bool) {
		y2 := y
		if e.EndYear != 0 {
			y2 = e.EndYear
		} else if endMonth < e.Month {
			y2 = y + 1
		}
		if !validDay(y, e.Month, e.Day) || !validDay(y2, endMonth, e.EndDay) {
			return span{}, false
		}
		s := span{day(y, time.Month(e.Month), e.Day), day(y2, time.Month(endMonth), e.EndDay)}
		if s.to.Before(s.from) {
			return span{}, false
		}
		return s, true
	}
	switch {
	case e.Year != 0:
		return mk(e.Year)
	case e.EndYear != 0:
		y := e.EndYear
		if endMonth < e.Month {
			y--
		}
		return mk(y)
	}
	return yearless(ref, e.Lean, mk)
}

func resolveRelative(e Expr, ref time.Time, m *Mention) (span, bool) {
	switch e.Shape {
	case ShapeRelDay:
		d := ref.AddDate(0, 0, e.Offset)
		return span{d, d}, true
	case ShapeRelWeek:
		m.Grain = GrainWeek
		mon := weekStart(ref).AddDate(0, 0, 7*e.Offset)
		return span{mon, mon.AddDate(0, 0, 6)}, true
	case ShapeRelWeekend:
		sat := weekStart(ref).AddDate(0, 0, 7*e.Offset+5)
		if e.Offset == 0 && e.Lean == LeanPast && sat.After(ref) {
			// "told reporters this weekend", written on a Monday, is the
			// weekend just gone.
			sat = sat.AddDate(0, 0, -7)
		}
		return span{sat, sat.AddDate(0, 0, 1)}, true
	case ShapeRelMonth:
		m.Grain = GrainMonth
		f := day(ref.Year(), ref.Month(), 1).AddDate(0, e.Offset, 0)
		return monthSpan(f.Year(), int(f.Month())), true
	case ShapeRelYear:
		m.Grain = GrainYear
		return yearSpan(ref.Year() + e.Offset), true
	case ShapeRelFinancialYear:
		m.Grain = GrainYear
		return fySpan(fyStart(ref) + e.Offset), true
	case ShapeWeekday:
		return resolveWeekday(e, ref), true
	case ShapeMonthOfRelYear:
		m.Grain = GrainMonth
		return monthSpan(ref.Year()+e.Offset, e.Month), true
	case ShapeRelMonthName:
		m.Grain = GrainMonth
		y := ref.Year()
		switch e.Rel {
		case "last":
			if e.Month >= int(ref.Month()) {
				y--
			}
		case "next":
			if e.Month <= int(ref.Month()) {
				y++
			}
		}
		return monthSpan(y, e.Month), true
	}
	return span{}, false
}

func resolveWeekday(e Expr, ref time.Time) span {
	wd := int(e.Weekday)
	cur := int(ref.Weekday())
	var d time.Time
	switch e.Rel {
	case "last":
		// "last Wednesday" is the Wednesday of the week before (the day
		// before would be "yesterday"), as "next Friday" is next week's.
		d = weekStart(ref).AddDate(0, 0, -7+(wd+6)%7)
	case "next":
		d = weekStart(ref).AddDate(0, 0, 7+(wd+6)%7)
	case "this":
		d = weekStart(ref).AddDate(0, 0, (wd+6)%7)
	case "coming":
		ahead := (wd - cur + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		d = ref.AddDate(0, 0, ahead)
	default:
		if e.Lean == LeanFuture {
			d = ref.AddDate(0, 0, (wd-cur+7)%7)
		} else {
			d = ref.AddDate(0, 0, -((cur - wd + 7) % 7))
		}
	}
	return span{d, d}
}
