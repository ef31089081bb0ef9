package number

import "github.com/cuttings/cuttings/normalize"

// ToRecord turns counts into the record contract's counts. A range
// becomes two entries over the same span: the lower bound "at_least" and
// the upper bound "up_to" (a hedged range keeps its hedge on both).
func ToRecord(cs []Count) []normalize.Count {
	out := make([]normalize.Count, 0, len(cs))
	for _, c := range cs {
		rc := normalize.Count{
			Text: c.Text, Value: c.Value, Approx: c.Approx, Unit: c.Unit, Kind: c.Kind,
			Currency: c.Currency, Span: normalize.Span{Start: c.Start, End: c.End},
		}
		if !c.IsRange() {
			out = append(out, rc)
			continue
		}
		lo, hi := rc, rc
		hi.Value = c.RangeEnd
		if c.Approx == Exact {
			lo.Approx, hi.Approx = AtLeast, UpTo
		}
		out = append(out, lo, hi)
	}
	return out
}
