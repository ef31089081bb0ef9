//go:build eval

// The seed comparison runs the whole pipeline, so it needs every stage to
// build: go test -tags eval -run TestEvalSeedsCompare -v ./compare

package compare_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/compare"
	"github.com/cuttings/cuttings/extract"
	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/pipeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEvalSeedsCompare runs the four seed articles through the pipeline
// and compares their claims: seeds 000 and 001 are syndicated copies, so
// the England "over one million" total they share must come out as one
// source repeated, and the two trusts' figures must not be grouped.
func TestEvalSeedsCompare(t *testing.T) {
	x, err := extract.New(extract.Config{})
	require.NoError(t, err)
	files, err := filepath.Glob("../fixtures/seeds/*.txt")
	require.NoError(t, err)
	sort.Strings(files)
	var srcs []compare.Source
	for _, f := range files {
		text, err := os.ReadFile(f)
		require.NoError(t, err)
		metaB, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".meta.json")
		require.NoError(t, err)
		var meta map[string]any
		require.NoError(t, json.Unmarshal(metaB, &meta))
		meta["text"] = string(text)
		line, err := json.Marshal(meta)
		require.NoError(t, err)
		doc, err := fetch.ParseLine(line)
		require.NoError(t, err)
		doc.URI = "fixtures/seeds/" + filepath.Base(f)
		rec, err := pipeline.Process(x, doc)
		require.NoError(t, err)
		for _, c := range rec.Claims {
			srcs = append(srcs, compare.Source{ArticleID: filepath.Base(f), URL: rec.URL, Site: rec.Site,
				Published: string(rec.Published), Title: rec.Title, Claim: c})
		}
	}
	groups := compare.Groups(srcs)
	var multi []compare.Group
	for _, g := range groups {
		if len(g.Sources) > 1 {
			multi = append(multi, g)
		}
	}
	var buf bytes.Buffer
	require.NoError(t, compare.WriteText(&buf, multi))
	t.Logf("%d groups, %d with more than one source:\n%s", len(groups), len(multi), buf.String())
	found := false
	for _, g := range multi {
		if g.Subject.Name == "England" && g.Metric == "cancelled" && g.Cumulative {
			found = true
			assert.Less(t, g.Independent, len(g.Sources), "syndicated copies must be marked as repeats")
			assert.False(t, g.Conflict, g.Reason)
		}
		assert.NotEqual(t, "RMC", g.Subject.Code)
	}
	assert.True(t, found, "the England running total shared by seeds 000 and 001")
}
