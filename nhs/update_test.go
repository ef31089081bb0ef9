package nhs

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the embedded data from ../shared/data/nhs")

const sharedNHS = "../../shared/data/nhs"

// TestUpdate regenerates the compact files from the shared raw data and
// checks the embedded copies are current (or rewrites them with -update).
func TestUpdate(t *testing.T) {
	if _, err := os.Stat(sharedNHS); err != nil {
		t.Skipf("no shared reference data at %s", sharedNHS)
	}
	dir := t.TempDir()
	require.NoError(t, Update(sharedNHS, dir))
	for _, name := range []string{fileOrgs, fileSucc, fileSites} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		if *update {
			require.NoError(t, os.WriteFile(filepath.Join("data", name), got, 0o644))
			continue
		}
		want, err := os.ReadFile(filepath.Join("data", name))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "%s is stale: run go test ./nhs -run TestUpdate -update", name)
	}
}

func TestUpdateMissingSource(t *testing.T) {
	err := Update(t.TempDir(), t.TempDir())
	require.ErrorIs(t, err, ErrMissingSource)
}
