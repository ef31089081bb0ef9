package org

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const benchGroundTruth = "../../../shared/data/article-extraction-benchmark/ground-truth.json"

// benchTexts reads the article bodies of the 181 benchmark pages, or nil
// when ../shared is absent.
func benchTexts(tb testing.TB) []string {
	raw, err := os.ReadFile(benchGroundTruth)
	if err != nil {
		return nil
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	require.NoError(tb, json.Unmarshal(raw, &gt))
	out := make([]string, 0, len(gt))
	for _, v := range gt {
		out = append(out, v.ArticleBody)
	}
	return out
}

// BenchmarkFind links the seed articles and, when ../shared is present, the
// 181 benchmark page texts; ns/op is per article.
func BenchmarkFind(b *testing.B) {
	l, err := NewLinker(Config{})
	require.NoError(b, err)
	pub := time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC)
	b.Run("seeds", func(b *testing.B) {
		seeds := loadSeeds(b)
		n := 0
		for _, s := range seeds {
			n += len(s.text)
		}
		b.SetBytes(int64(n / len(seeds)))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			s := seeds[i%len(seeds)]
			l.Find(s.text, s.published)
		}
	})
	b.Run("benchmark-pages", func(b *testing.B) {
		texts := benchTexts(b)
		if texts == nil {
			b.Skip("no ../shared benchmark pages")
		}
		n := 0
		for _, s := range texts {
			n += len(s)
		}
		b.SetBytes(int64(n / len(texts)))
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			l.Find(texts[i%len(texts)], pub)
		}
	})
}

// BenchmarkNewLinker measures the one-off build of the trie.
func BenchmarkNewLinker(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_, err := NewLinker(Config{})
		require.NoError(b, err)
	}
}
