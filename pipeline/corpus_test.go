package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/fetch"
)

// TestSharedCorpusInvariants runs every real page of the shared evaluation
// data (the 181 benchmark pages and the 49 UK news pages) through extract
// and normalize, checking the contract's invariants on each record: no
// panic, spans inside the text, valid UTF-8 and JSON. It is skipped when
// ../shared is not beside the checkout.
func TestSharedCorpusInvariants(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "data")
	dirs := []string{filepath.Join(root, "article-extraction-benchmark", "html"), filepath.Join(root, "news-html")}
	for _, d := range dirs {
		if _, err := os.Stat(d); err != nil {
			t.Skipf("skipped: %s not found (the shared evaluation data is not beside this checkout)", d)
		}
	}
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	x := newExtractor(t)
	n := 0
	for doc, err := range (&fetch.Files{}).Read(dirs) {
		if err != nil {
			t.Logf("input refused: %v", err)
			continue
		}
		rec, err := Process(x, doc)
		if err != nil {
			t.Logf("input failed: %v", err)
			continue
		}
		checkRecord(t, rec)
		n++
	}
	require.Greater(t, n, 200)
	t.Logf("%d real pages processed with valid records", n)
}
