// Package number finds the counts in a news story: cardinal quantities,
// percentages and sums of money, with the qualifier that hedges them
// ("nearly", "more than", "around") and the thing counted.
//
// Find reads digits with thousands separators ("3,850"), decimals,
// number words ("one million", "half a million"), magnitudes ("£22bn",
// "1.2m"), percentages ("10.3 per cent", "38%", "three-quarters of") and
// money (£, $, €). It leaves out what is not a count: years, dates, times
// of day, ages, ordinals, durations ("a 96-hour strike"), levels and grades
// ("level 4", "F2"), numbers inside names ("Radio 4", "Covid-19") and vague
// plurals ("thousands", "100s of").
//
// Ranges ("between 200 and 300 beds", "5k-20k") are one Count whose Value
// is the lower bound and RangeEnd the upper; the record contract holds them
// as two counts over the same span, the lower bound "at_least" and the
// upper "up_to" (normalize writes them so), so that no bound is lost.
// Ranges of hours, days and the like are durations and are left out.
package number
