package main

import (
	"context"
	"fmt"

	"github.com/cuttings/cuttings/nhs"
)

// cmdRefdata rebuilds the NHS reference data from a folder laid out like the
// published ODS, nhs.uk and health board files. Use the result with
// --refdata, or rebuild the binary to embed it.
func cmdRefdata(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "update" {
		return fmt.Errorf("%w: refdata update --from DIR [--to DIR]", errUsage)
	}
	fs := newFlags("refdata update", e)
	from := fs.String("from", "", "folder with the source CSV files (see nhs/README.md)")
	to := fs.String("to", "nhs/data", "folder of the embedded files, in the source tree")
	rest, err := parse(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 || *from == "" {
		return fmt.Errorf("%w: refdata update --from DIR [--to DIR]", errUsage)
	}
	if err := nhs.Update(*from, *to); err != nil {
		return fmt.Errorf("refdata update: %w", err)
	}
	fmt.Fprintf(e.stderr, "reference data written to %s: use it with --refdata %s, or rebuild (make build) to embed it\n", *to, *to)
	return nil
}
