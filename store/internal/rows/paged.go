package rows

import "iter"

// Paged iterates over rows fetched size at a time, in key order: fetch
// returns the rows whose key is after the given one (the empty string
// before the first page). Paging by key instead of holding one long read
// transaction open lets a caller write while iterating. An error from fetch
// is yielded once and ends the iteration.
func Paged[T any](size int, key func(T) string, fetch func(after string, size int) ([]T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		after := ""
		for {
			page, err := fetch(after, size)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, r := range page {
				if !yield(r, nil) {
					return
				}
			}
			if len(page) < size {
				return
			}
			after = key(page[len(page)-1])
		}
	}
}
