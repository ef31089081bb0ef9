// Package timex finds calendar references in news English ("between
// September 19 and 23", "October 2, 3 and 4", "last week", "on Monday",
// "the 2009 contract", "6/10/2018") and resolves them to ISO date ranges
// against the article's publication date.
//
// Finding and resolving are separate steps: Parse returns unresolved
// expressions (Expr) with their byte spans, and Resolve turns one expression
// into a Mention for a given reference date. Find does both.
//
// Conventions (from the project's annotation guide): weeks run Monday to
// Sunday; a year-less date takes the year that puts it nearest the
// publication date, leaning to the past unless the sentence points forward
// ("will", "is set to", "is due to"); UK financial years run 1 April to
// 31 March; numeric dates are day-first unless only month-first is valid.
// Durations ("a four-day walkout"), rolling windows ("over the last year",
// "in the previous week"), times of day on their own ("this morning"), ages,
// vague periods ("this winter") and years inside proper names ("the 2003
// Extradition Act") are not dates.
package timex
