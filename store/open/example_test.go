package open_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/store"
	"github.com/cuttings/cuttings/store/open"
)

func Example() {
	dir, _ := os.MkdirTemp("", "cuttings")
	defer os.RemoveAll(dir)
	ctx := context.Background()

	s, err := open.Open(ctx, filepath.Join(dir, "cuttings.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	run, _ := s.BeginRun(ctx, store.Run{Command: "cuttings run in/"})
	rec := normalize.Record{ID: "sha256:1", URL: "https://news.example/a", Text: "It's done; really.",
		Source: normalize.Source{URI: "https://news.example/a", Kind: "http"}}
	if err := s.Put(ctx, run, []normalize.Record{rec}, nil); err != nil {
		fmt.Println(err)
		return
	}
	_ = s.Fail(ctx, []store.Failure{{RunID: run, Input: "in/b.html", Stage: "extract", Reason: "empty body"}})
	_ = s.EndRun(ctx, store.Run{ID: run, Inputs: 2, Records: 1, Failures: 1})

	done, _ := s.Done(ctx, "https://news.example/a")
	fmt.Println("done:", done)
	for r, err := range s.Records(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.ID, r.Text)
	}
	fs, _ := s.Failures(ctx, 0)
	for _, f := range fs {
		fmt.Println(f.Input, f.Stage, f.Reason)
	}
	// Output:
	// done: true
	// sha256:1 It's done; really.
	// in/b.html extract empty body
}
