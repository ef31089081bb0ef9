package main

import (
	"context"
	"fmt"
	"iter"
	"strings"

	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/pipeline"
)

// cmdReprocess re-extracts every raw page kept in the store, without the
// network, so records improve when the extractor does.
func cmdReprocess(ctx context.Context, e *env, args []string) error {
	var f runFlags
	fs := f.register("reprocess", e)
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: reprocess takes no arguments", errUsage)
	}
	if f.db == "none" {
		return fmt.Errorf("%w: reprocess reads the store named by --db", errUsage)
	}
	f.noRaw = true // the raw pages are already there
	s, err := f.open(ctx, e, "reprocess "+strings.Join(args, " "))
	if err != nil {
		return err
	}
	// Raw pages are read from a second handle so that reading and writing
	// do not share one transaction.
	src, err := f.readStore(ctx, e)
	if err != nil {
		return err
	}
	defer src.Close()
	docs := func(yield func(*fetch.Document, error) bool) {
		for p, err := range src.Raw(ctx) {
			if err != nil {
				yield(nil, fmt.Errorf("read raw pages: %w", err))
				return
			}
			if !yield(pipeline.Document(p), nil) {
				return
			}
		}
	}
	return s.process(ctx, e, &f, "reprocess", 0, iter.Seq2[*fetch.Document, error](docs), false)
}
