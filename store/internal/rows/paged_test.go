package rows

import (
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPaged(t *testing.T) {
	keys := make([]string, 10)
	for i := range keys {
		keys[i] = strconv.Itoa(i)
	}
	fetches := 0
	fetch := func(after string, size int) ([]string, error) {
		fetches++
		var out []string
		for _, k := range keys {
			if k > after && len(out) < size {
				out = append(out, k)
			}
		}
		return out, nil
	}
	var got []string
	for k, err := range Paged(4, func(s string) string { return s }, fetch) {
		assert.NoError(t, err)
		got = append(got, k)
	}
	assert.Equal(t, keys, got)
	assert.Equal(t, 3, fetches, "pages of 4, 4 and 2")

	// Stopping early fetches no further page.
	fetches = 0
	for range Paged(4, func(s string) string { return s }, fetch) {
		break
	}
	assert.Equal(t, 1, fetches)

	// An error is yielded once and ends the iteration.
	boom := errors.New("boom")
	n := 0
	for _, err := range Paged(4, func(s string) string { return s }, func(string, int) ([]string, error) { return nil, boom }) {
		assert.ErrorIs(t, err, boom)
		n++
	}
	assert.Equal(t, 1, n)
}
