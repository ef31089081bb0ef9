package quote

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSeedGolden keeps the quotes found in the seed articles in
// testdata/seeds.golden; run with -update after a deliberate change.
func TestSeedGolden(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/seeds/*.txt")
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no seed fixtures")
	}
	sort.Strings(files)
	e := newTestExtractor(t)
	var b strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(raw)
		res := e.Extract(text, Options{Orgs: findUnions(text)})
		checkInvariants(t, text, res)
		fmt.Fprintf(&b, "# %s\n", filepath.Base(f))
		for _, q := range res.Quotes {
			words := strings.Fields(q.Text)
			if len(words) > 8 {
				words = words[:8]
			}
			fmt.Fprintf(&b, "%d-%d %s %q %q: %s\n", q.Start, q.End, q.Kind, q.Speaker, q.Cue, strings.Join(words, " "))
		}
		for _, p := range res.People {
			fmt.Fprintf(&b, "person %q %q %q %d\n", p.Name, p.Titles, p.Organisation, len(p.Mentions))
		}
	}
	golden := filepath.Join("testdata", "seeds.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run SeedGolden -update to create it")
	require.Equal(t, string(want), b.String())
}
