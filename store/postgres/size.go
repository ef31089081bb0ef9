package postgres

import (
	"context"
	"fmt"
)

// Tables are the store's tables, as a data desk sees them.
var Tables = []string{"articles", "organisations", "people", "quotes", "dates", "counts", "claims",
	"raw_pages", "runs", "failures"}

// TableSizes returns the number of rows in each of Tables.
func (db *DB) TableSizes(ctx context.Context) (map[string]int64, error) {
	out := make(map[string]int64, len(Tables))
	for _, t := range Tables {
		var n int64
		// t comes from the fixed list above, never from the caller.
		if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM `+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("postgres: count %s: %w", t, err)
		}
		out[t] = n
	}
	return out, nil
}
