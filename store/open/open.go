// Package open chooses a store backend from a DSN, so that commands can
// take one --db flag: PostgreSQL for postgres:// and postgresql:// URLs,
// SQLite (the default) for anything else.
package open

import (
	"context"
	"fmt"
	"strings"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/postgres"
	"github.com/cuttings/cuttings/store/sqlite"
)

// Backend names the backend a DSN selects: "postgres" or "sqlite".
func Backend(dsn string) string {
	l := strings.ToLower(dsn)
	if strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") {
		return "postgres"
	}
	return "sqlite"
}

// Open opens the store dsn names:
//
//	postgres://user@host:5432/db?sslmode=disable   PostgreSQL (also postgresql://;
//	                                               ?search_path=NAME picks the schema)
//	sqlite:path/to/file.db                         SQLite
//	path/to/file.db                                SQLite
//
// The caller closes the store.
func Open(ctx context.Context, dsn string, opt store.Options) (store.Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, fmt.Errorf("open store: %w: empty DSN", store.ErrInvalid)
	}
	switch Backend(dsn) {
	case "postgres":
		db, err := postgres.Open(ctx, dsn, opt)
		if err != nil {
			return nil, err
		}
		return db, nil
	default:
		path := dsn
		if len(path) > len("sqlite:") && strings.EqualFold(path[:len("sqlite:")], "sqlite:") {
			path = strings.TrimPrefix(path[len("sqlite:"):], "//")
		}
		db, err := sqlite.Open(ctx, path, opt)
		if err != nil {
			return nil, err
		}
		return db, nil
	}
}
