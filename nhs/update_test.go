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

// TestUpdateFixture runs Update on invented raw files laid out like
// ../shared/data/nhs and checks what Load makes of the result.
func TestUpdateFixture(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, Update(filepath.Join("testdata", "raw"), dir))
	d, err := Load(os.DirFS(dir))
	require.NoError(t, err)

	tests := []struct {
		name, id, at string
		want         []string
	}{
		{name: "open trust", id: "RZA", at: "2024-01-01", want: []string{"RZA"}},
		{name: "merged trust before", id: "RZB", at: "2020-01-01", want: []string{"RZB"}},
		{name: "merged trust after", id: "RZB", at: "2024-01-01", want: []string{"RZC"}},
		{name: "merger product before it opened", id: "RZC", at: "2020-01-01", want: []string{"RZB"}},
		{name: "Scottish board recoded", id: "S08000998", at: "2020-01-01", want: []string{"S08000999"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, d.InForce(tt.id, date(tt.at)))
		})
	}
	require.Equal(t, "Alphaville Hospitals NHS Trust", d.NameAt("RZA", date("2024-01-01")))
	require.Equal(t, KindBody, d.Orgs["QZZ"].Kind)
	require.Equal(t, KindBoard, d.Orgs["7Z9"].Kind)
	require.Equal(t, "Cwm Example University Health Board", d.NameAt("7Z9", date("2024-01-01")))
	ni := d.Orgs["NI-EHSCT"]
	require.NotNil(t, ni)
	require.Empty(t, ni.Code)
	// Sites: the independent clinic is dropped, the others keep their trust.
	parents := map[string]string{}
	for _, s := range d.Sites {
		parents[s.Name] = s.Parent
	}
	require.Equal(t, map[string]string{
		"Betaton General Hospital":   "RZB",
		"Alphaville Royal Infirmary": "RZA",
		"Glenshire Royal Hospital":   "S08000999",
	}, parents)
}
