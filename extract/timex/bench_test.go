package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkFind runs Find over the seed articles (about 60 KB of news text
// in all), reporting bytes per second.
func BenchmarkFind(b *testing.B) {
	paths, _ := filepath.Glob("../../fixtures/seeds/*.txt")
	var texts []string
	size := 0
	for _, p := range paths {
		t, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	if len(texts) == 0 {
		texts = []string{"The trust cancelled 736 operations between September 19 and 23 and talks resumed last week."}
		size = len(texts[0])
	}
	ref := time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Find(t, ref)
		}
	}
}

// BenchmarkFindNoStops runs Find over 200 KB of date-dense text with no
// sentence stops, where careless context lookups would turn quadratic.
func BenchmarkFindNoStops(b *testing.B) {
	text := strings.Repeat("talks resumed on Monday and 2010-2011-2012 figures for 3 March were cut ", 2800)
	ref := time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, ref)
	}
}
