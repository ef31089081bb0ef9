package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/cuttings/cuttings/extract"
	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/fetch/discover"
	"github.com/cuttings/cuttings/fetch/web"
)

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

var _ flag.Value = (*listFlag)(nil)

// cmdFetch fetches web pages (given, listed in a file, or discovered from
// feeds and sitemaps), politely, and processes them like run. Every
// response is kept raw in the store.
func cmdFetch(ctx context.Context, e *env, args []string) error {
	var f runFlags
	fs := f.register("fetch", e)
	var feeds, sitemaps listFlag
	fs.Var(&feeds, "feed", "RSS or Atom feed URL to take article links from (repeatable)")
	fs.Var(&sitemaps, "sitemap", "sitemap or sitemap index URL (repeatable; gzip and news sitemaps too)")
	urlsFile := fs.String("urls", "", "file of URLs, one per line (# starts a comment)")
	since := fs.String("since", "", "keep only feed and sitemap items published on or after this date")
	rate := fs.Float64("rate", 1, "requests per second per host")
	concurrency := fs.Int("concurrency", 8, "requests in flight at once, across hosts")
	userAgent := fs.String("user-agent", "", "User-Agent header (default names cuttings and a contact)")
	timeout := fs.Duration("timeout", 2*time.Minute, "time limit per page, redirects and retries included")
	retries := fs.Int("retries", 3, "retries on 429, 5xx and network errors")
	allowPrivate := fs.Bool("allow-private", false, "allow private and loopback addresses")
	urls, err := fs.parse(args)
	if err != nil {
		return err
	}
	if *urlsFile != "" {
		more, err := readURLList(*urlsFile)
		if err != nil {
			return err
		}
		urls = append(urls, more...)
	}
	if len(urls) == 0 && len(feeds) == 0 && len(sitemaps) == 0 {
		return fmt.Errorf("%w: give URLs, --urls FILE, --feed URL or --sitemap URL", errUsage)
	}
	var sinceT time.Time
	if *since != "" {
		t, _, ok := extract.ParseDate(*since)
		if !ok {
			return fmt.Errorf("%w: --since %q: want a date such as 2023-09-01", errUsage, *since)
		}
		sinceT = t
	}
	s, err := f.open(ctx, e, "fetch "+strings.Join(args, " "))
	if err != nil {
		return err
	}
	if *retries == 0 {
		*retries = -1 // web.Config reads 0 as its default
	}
	cfg := web.Config{UserAgent: *userAgent, Rate: *rate, Concurrency: *concurrency, PageTimeout: *timeout,
		Retries: *retries, MaxBody: f.maxBytes, AllowPrivate: *allowPrivate, Logger: s.log}
	if s.store != nil {
		st := s.store
		cfg.Previous = func(u string) (string, string, bool) {
			p, err := st.RawByURL(ctx, u)
			if err != nil || (p.ETag == "" && p.LastModified == "") {
				return "", "", false
			}
			return p.ETag, p.LastModified, true
		}
	}
	client := web.New(cfg)
	var failed []error
	// A feed or sitemap index may fail in part: its items found so far are
	// still fetched, and the failure is reported.
	for _, u := range feeds {
		items, err := discover.Feed(ctx, client, u, sinceT)
		if err != nil {
			failed = append(failed, &fetch.InputError{Input: u, Stage: "fetch", Err: err})
		}
		urls = append(urls, itemURLs(items)...)
	}
	for _, u := range sitemaps {
		items, err := discover.Sitemap(ctx, client, u, sinceT)
		if err != nil {
			failed = append(failed, &fetch.InputError{Input: u, Stage: "fetch", Err: err})
		}
		urls = append(urls, itemURLs(items)...)
	}
	urls = unique(urls)
	stored := 0
	if s.store != nil && !f.redo {
		// A stored page is not requested again; --redo re-fetches it, with a
		// conditional GET so an unchanged page costs one 304.
		kept := urls[:0]
		for _, u := range urls {
			if done, err := s.store.Done(ctx, u); err == nil && done {
				stored++
				continue
			}
			kept = append(kept, u)
		}
		urls = kept
	}
	s.log.Info().Int("urls", len(urls)).Int("already_stored", stored).Msg("fetching")
	notModified := 0
	docs := func(yield func(*fetch.Document, error) bool) {
		for _, err := range failed {
			if !yield(nil, err) {
				return
			}
		}
		fctx, stop := context.WithCancel(ctx)
		defer stop() // the pipeline may stop reading early
		for r := range fetchAll(fctx, client, urls, *concurrency) {
			if errors.Is(r.err, web.ErrNotModified) {
				s.log.Info().Str("url", r.url).Msg("not modified since last fetch")
				notModified++
				continue
			}
			if r.err != nil {
				r.err = &fetch.InputError{Input: r.url, Stage: "fetch", Err: r.err}
			}
			if !yield(r.doc, r.err) {
				return
			}
		}
	}
	err = s.process(ctx, e, &f, "fetch", len(urls)+len(failed), docs, true)
	if stored > 0 {
		fmt.Fprintf(e.stderr, "%s fetch: %d pages already stored, not requested (--redo fetches them again)\n", programName, stored)
	}
	if notModified > 0 {
		fmt.Fprintf(e.stderr, "%s fetch: %d pages not modified since they were last fetched (kept as stored)\n", programName, notModified)
	}
	return err
}

type fetched struct {
	url string
	doc *fetch.Document
	err error
}

// fetchAll fetches urls with n requests in flight; results come in the
// order they finish. The client enforces per-host rate limits and robots.txt.
// Cancelling ctx stops it; a caller that stops reading must cancel ctx.
func fetchAll(ctx context.Context, c *web.Client, urls []string, n int) <-chan fetched {
	if n <= 0 {
		n = 1
	}
	out := make(chan fetched, n)
	next := make(chan string)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range next {
				doc, err := c.Get(ctx, u)
				select {
				case out <- fetched{url: u, doc: doc, err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(out)
		defer wg.Wait()
		defer close(next)
		for _, u := range urls {
			select {
			case next <- u:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func readURLList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--urls: %w", err)
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		urls = append(urls, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--urls %s: %w", path, err)
	}
	return urls, nil
}

func itemURLs(items []discover.Item) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.URL)
	}
	return out
}

func unique(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
