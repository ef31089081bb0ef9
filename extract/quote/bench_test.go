package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract runs the extractor over the seed articles.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../../fixtures/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seed fixtures")
	}
	var texts []string
	size := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	benchTexts(b, texts, size)
}

// BenchmarkExtractArticleBenchmark runs the extractor over the 181 article
// bodies of the article-extraction benchmark in ../shared (skipped when
// absent).
func BenchmarkExtractArticleBenchmark(b *testing.B) {
	p := "../../../shared/data/article-extraction-benchmark/ground-truth.json"
	raw, err := os.ReadFile(p)
	if err != nil {
		b.Skip("article-extraction benchmark not present at " + p)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, t := range truth {
		texts = append(texts, t.ArticleBody)
		size += len(t.ArticleBody)
	}
	benchTexts(b, texts, size)
}

func benchTexts(b *testing.B, texts []string, size int) {
	e, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			e.Extract(t, Options{})
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "docs/s")
}
