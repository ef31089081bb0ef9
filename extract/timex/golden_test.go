package timex

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden runs Find over an invented article and compares the mentions
// with testdata/article.golden.json (rewrite it with -update after
// checking the difference by eye).
func TestGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	require.NoError(t, err)
	published := time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC) // a Tuesday
	got, err := json.MarshalIndent(Find(string(text), published), "", "  ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "article.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.JSONEq(t, string(want), string(got))
}
