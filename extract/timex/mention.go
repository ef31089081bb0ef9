package timex

import "time"

// Mention is a calendar reference found in a text and resolved against the
// publication date.
type Mention struct {
	Text       string // text[Start:End]
	Start, End int    // byte offsets into the text, end exclusive
	// StartDate and EndDate are ISO dates ("2023-09-19"), equal for a
	// single day, both inclusive.
	StartDate, EndDate string
	Grain              string   // GrainDay, GrainWeek, GrainMonth or GrainYear
	Kind               string   // KindDate, KindRange, KindList or KindRelative
	Days               []string // the listed days, for KindList
}

// Find finds the calendar references in text and resolves them against ref,
// the publication date. With a zero ref only absolute references (those
// that carry their year) are returned; the caller should then say in the
// record's warnings that relative dates were left out. Mentions come in
// text order and never overlap.
func Find(text string, ref time.Time) []Mention {
	exprs := Parse(text)
	out := make([]Mention, 0, len(exprs))
	for _, e := range exprs {
		if m, ok := Resolve(e, ref); ok {
			out = append(out, m)
		}
	}
	return out
}
