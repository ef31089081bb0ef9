package export_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store/export"
	"github.com/cuttings/cuttings/store/sqlite"
)

func ExampleWriteOptions() {
	dir, _ := os.MkdirTemp("", "cuttings")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "cuttings.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	rec := normalize.Record{ID: "sha256:1", URL: "https://news.example/strike", Published: "2023-09-26",
		Text: "\"We are sorry,\" said Dr Smith.",
		Quotes: []normalize.Quote{{Text: "We are sorry,", Speaker: "Jane Smith", Cue: "said", Kind: "direct",
			Start: 1, End: 14}}}
	if err := s.Put(ctx, 0, []normalize.Record{rec}, nil); err != nil {
		fmt.Println(err)
		return
	}
	// Write leaves a byte order mark for Excel; this example leaves it out
	// to keep the output readable.
	if err := export.WriteOptions(ctx, s, "quotes", "csv", os.Stdout, export.Options{NoBOM: true}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// article_id,url,published,ord,text,speaker,speaker_title,speaker_organisation,cue,kind,span_start,span_end
	// sha256:1,https://news.example/strike,2023-09-26,0,"We are sorry,",Jane Smith,,,said,direct,1,14
}
