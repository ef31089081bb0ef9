package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"
)

// cmdErrors lists the failed inputs of a run, with stage and reason.
func cmdErrors(ctx context.Context, e *env, args []string) error {
	var c common
	fs := newFlags("errors", e)
	c.register(fs, e)
	runID := fs.Int64("run", 0, "run id (default: the latest run)")
	all := fs.Bool("all", false, "every run's failures")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("%w: errors takes no arguments", errUsage)
	}
	st, err := c.readStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	if *all {
		*runID = -1
	}
	fails, err := st.Failures(ctx, *runID)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RUN\tAT\tSTAGE\tINPUT\tREASON")
	for _, f := range fails {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", f.RunID, f.At.UTC().Format(time.RFC3339), f.Stage, f.Input, oneLine(f.Reason))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d failed inputs\n", len(fails))
	return nil
}
