package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/cuttings/cuttings/compare"
	"github.com/cuttings/cuttings/store"
)

// claimFlags are the filters shared by claims and compare.
type claimFlags struct {
	common
	subject, metric, period, source, format string
}

func (f *claimFlags) register(fs *flag.FlagSet, e *env, formats string) {
	f.common.register(fs, e)
	fs.StringVar(&f.subject, "subject", "", "subject name or ODS code")
	fs.StringVar(&f.metric, "metric", "", "metric, e.g. cancelled")
	fs.StringVar(&f.period, "period", "", "period overlapping FROM[..TO] (ISO dates)")
	fs.StringVar(&f.source, "source", "", "part of the article URL or source")
	fs.StringVar(&f.format, "format", strings.Split(formats, ",")[0], "output format: "+formats)
}

func (f *claimFlags) load(ctx context.Context, e *env) ([]store.ClaimRow, error) {
	filter := store.ClaimFilter{Subject: f.subject, Metric: f.metric, Source: f.source}
	if f.period != "" {
		from, to, _ := strings.Cut(f.period, "..")
		if to == "" {
			to = from
		}
		filter.From, filter.To = from, to
	}
	st, err := f.readStore(ctx, e)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Claims(ctx, filter)
}

// cmdClaims lists stored claims.
func cmdClaims(ctx context.Context, e *env, args []string) error {
	var f claimFlags
	fs := newFlags("claims", e)
	f.register(fs, e, "csv,json")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("%w: claims takes no arguments", errUsage)
	}
	if f.format != "csv" && f.format != "json" {
		return fmt.Errorf("%w: --format %q: want csv or json", errUsage, f.format)
	}
	rows, err := f.load(ctx, e)
	if err != nil {
		return err
	}
	if f.format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	w := csv.NewWriter(e.stdout)
	_ = w.Write([]string{"subject", "code", "metric", "what", "value", "approx", "period_start", "period_end",
		"cumulative", "cause", "speaker", "evidence", "url", "site", "published", "article_id"})
	for _, r := range rows {
		c := r.Claim
		var ps, pe string
		if c.Period != nil {
			ps, pe = c.Period.Start, c.Period.End
		}
		_ = w.Write([]string{c.Subject.Name, c.Subject.Code, c.Metric, c.What,
			strconv.FormatFloat(c.Value, 'f', -1, 64), c.Approx, ps, pe, strconv.FormatBool(c.Cumulative),
			string(c.Cause), string(c.Speaker), c.Evidence, r.URL, r.Site, r.Published, r.ArticleID})
	}
	w.Flush()
	return w.Error()
}

// cmdCompare groups claims about the same subject, metric and period across
// articles and flags those that disagree.
func cmdCompare(ctx context.Context, e *env, args []string) error {
	var f claimFlags
	fs := newFlags("compare", e)
	f.register(fs, e, "text,json,csv")
	all := fs.Bool("all", false, "show every group, not only those with more than one source")
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("%w: compare takes no arguments", errUsage)
	}
	rows, err := f.load(ctx, e)
	if err != nil {
		return err
	}
	srcs := make([]compare.Source, 0, len(rows))
	for _, r := range rows {
		srcs = append(srcs, compare.Source{ArticleID: r.ArticleID, URL: r.URL, Site: r.Site,
			Published: r.Published, Title: r.Title, Claim: r.Claim})
	}
	groups := compare.Groups(srcs)
	if !*all {
		kept := groups[:0]
		for _, g := range groups {
			if len(g.Sources) > 1 {
				kept = append(kept, g)
			}
		}
		groups = kept
	}
	switch f.format {
	case "text":
		return compare.WriteText(e.stdout, groups)
	case "json":
		return compare.WriteJSON(e.stdout, groups)
	case "csv":
		return compare.WriteCSV(e.stdout, groups)
	}
	return fmt.Errorf("%w: --format %q: want text, json or csv", errUsage, f.format)
}
