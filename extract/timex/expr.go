package timex

import "time"

// Shape says what kind of calendar reference an Expr is and which of its
// fields are set.
type Shape int

// The shapes an expression can take.
const (
	// ShapeDay is one calendar day: Month and Day, Year when written.
	ShapeDay Shape = iota + 1
	// ShapeDayOfMonth is Day of a month not written ("on the 18th");
	// with Rel "weekday" the day must also fall on Weekday ("Friday
	// 14th").
	ShapeDayOfMonth
	// ShapeWeekOf is the seven days starting on Month/Day ("the week
	// commencing 4 February", "w/c Feb 4"), or ending on it when Rel is
	// "ending" ("the week ending 1 October"), or the Monday-to-Sunday
	// week holding it when Rel is "of" ("the week of 4 October"); Year
	// when written.
	ShapeWeekOf
	// ShapeDayRange runs from Month/Day to EndMonth/EndDay (Year and
	// EndYear when written).
	ShapeDayRange
	// ShapeDayList is several days of one month: Days in Month (Year when
	// written).
	ShapeDayList
	// ShapeMonth is a whole month: Month, Year when written.
	ShapeMonth
	// ShapeMonthRange runs from the first day of Month to the last of
	// EndMonth (Year and EndYear when written).
	ShapeMonthRange
	// ShapeYear is a whole calendar year: Year.
	ShapeYear
	// ShapeFinancialYear is the UK financial year starting 1 April of Year.
	ShapeFinancialYear
	// ShapeHoliday is a named day (Holiday), Year when written.
	ShapeHoliday
	// ShapeRelDay is Offset days from the reference date ("yesterday" = -1).
	ShapeRelDay
	// ShapeRelWeek is the Monday-to-Sunday week Offset weeks from the
	// reference week.
	ShapeRelWeek
	// ShapeRelWeekend is the Saturday and Sunday of the week Offset weeks
	// from the reference week.
	ShapeRelWeekend
	// ShapeRelMonth is the month Offset months from the reference month.
	ShapeRelMonth
	// ShapeRelYear is the calendar year Offset years from the reference year.
	ShapeRelYear
	// ShapeRelFinancialYear is the UK financial year Offset years from the
	// one holding the reference date.
	ShapeRelFinancialYear
	// ShapeWeekday is a named day of the week (Weekday), placed by Rel and
	// Lean.
	ShapeWeekday
	// ShapeRelMonthName is a named month placed by Rel ("last May").
	ShapeRelMonthName
	// ShapeMonthOfRelYear is Month of the year Offset years from the
	// reference year ("May last year").
	ShapeMonthOfRelYear
)

// Lean says which way a year-less or bare reference leans in time when the
// wording decides it.
type Lean int

// Leans.
const (
	// LeanNearest takes the candidate nearest the reference date, with a
	// preference for the past.
	LeanNearest Lean = iota
	// LeanPast takes the latest candidate starting on or before the
	// reference date.
	LeanPast
	// LeanFuture takes the earliest candidate ending on or after the
	// reference date.
	LeanFuture
)

// Expr is a calendar reference found in text and not yet resolved: what was
// written, where, and what it means relative to an unknown reference date.
type Expr struct {
	Text       string // the words, text[Start:End]
	Start, End int    // byte offsets, end exclusive
	Shape      Shape

	Year, Month, Day          int // Year 0: not written
	EndYear, EndMonth, EndDay int // for ShapeDayRange
	Days                      []int
	Holiday                   string
	Weekday                   time.Weekday
	// Rel is "last", "next", "this" or "coming" for ShapeWeekday, "last",
	// "next" or "this" for ShapeRelMonthName and ShapeHoliday ("last
	// Christmas"), "ending" or "of" for a ShapeWeekOf
	// that ends on its day, "weekday" for a ShapeDayOfMonth or year-less
	// ShapeDay tied to Weekday; empty for a bare weekday.
	Rel string
	// Offset counts units from the reference for the ShapeRel* shapes,
	// and years from the reference year when YearFromRef is set.
	Offset int
	// YearFromRef says a ShapeDay's year is Offset years from the
	// reference year ("June 16th of last year").
	YearFromRef bool
	// Lean is what the words around the expression say about its
	// direction in time; Resolve reads it where the text leaves the year,
	// month or week open.
	Lean Lean
}

// Absolute reports whether the expression can be resolved without a
// reference date.
func (e Expr) Absolute() bool {
	switch e.Shape {
	case ShapeYear, ShapeFinancialYear:
		return true
	case ShapeDay, ShapeWeekOf, ShapeDayList, ShapeMonth:
		return e.Year != 0 && !e.YearFromRef
	case ShapeHoliday:
		return e.Year != 0
	case ShapeDayRange, ShapeMonthRange:
		return e.Year != 0 || e.EndYear != 0
	}
	return false
}
