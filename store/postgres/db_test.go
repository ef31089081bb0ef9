package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/postgres"
	"github.com/cuttings/cuttings/store/storetest"
)

// envDSN names the environment variable that enables these tests.
const envDSN = "CUTTINGS_TEST_POSTGRES"

// testDSN returns the test database's DSN, skipping the test when none is
// configured.
func testDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(envDSN)
	if dsn == "" {
		t.Skipf("set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run the PostgreSQL tests", envDSN)
	}
	return dsn
}

// openTemp opens a store in a new schema of its own, dropped when the test
// ends, so parallel tests and packages never share tables.
func openTemp(t testing.TB) *postgres.DB {
	t.Helper()
	dsn := testDSN(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "cuttings_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	db, err := postgres.Open(ctx, dsn, postgres.Options{Schema: schema})
	require.NoError(t, err)
	t.Cleanup(func() {
		require.NoError(t, db.DropSchema(ctx))
		require.NoError(t, db.Close())
	})
	return db
}

func TestContract(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}
