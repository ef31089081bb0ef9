package rows

import (
	"cmp"
	"slices"

	"github.com/cuttings/cuttings/normalize"
)

// Latest returns the records of a batch to write, in id order, keeping only
// the last of several records with the same id. Writing in id order means
// two concurrent batches lock articles in the same order and so cannot
// deadlock.
func Latest(recs []normalize.Record) []*normalize.Record {
	out := make([]*normalize.Record, 0, len(recs))
	for i := range recs {
		out = append(out, &recs[i])
	}
	// A stable sort keeps a batch's duplicates in input order, so the last
	// of each run of equal ids is the one to keep.
	slices.SortStableFunc(out, func(a, b *normalize.Record) int { return cmp.Compare(a.ID, b.ID) })
	j := 0
	for i := range out {
		if i+1 < len(out) && out[i+1].ID == out[i].ID {
			continue
		}
		out[j] = out[i]
		j++
	}
	return out[:j]
}
