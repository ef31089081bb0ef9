package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/cuttings/cuttings/fetch"
)

// Client fetches pages politely. It is safe for concurrent use.
type Client struct {
	cfg   Config
	agent string
	http  *http.Client
	sem   chan struct{}

	mu       sync.Mutex
	limiters map[string]*hostLimiter
	robots   map[string]*robotsEntry
}

// New returns a Client for cfg.
func New(cfg Config) *Client {
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Rate <= 0 {
		cfg.Rate = DefaultRate
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = DefaultConnectTimeout
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.PageTimeout <= 0 {
		cfg.PageTimeout = DefaultPageTimeout
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	switch {
	case cfg.MaxRedirects == 0:
		cfg.MaxRedirects = DefaultMaxRedirects
	case cfg.MaxRedirects < 0:
		cfg.MaxRedirects = 0
	}
	switch {
	case cfg.Retries == 0:
		cfg.Retries = DefaultRetries
	case cfg.Retries < 0:
		cfg.Retries = 0
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = DefaultMaxBackoff
	}
	if cfg.MaxRetryAfter <= 0 {
		cfg.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Jitter == nil {
		cfg.Jitter = rand.Float64
	}
	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		// Checked on the resolved address of every connection, so DNS
		// names and redirects cannot lead to a private address.
		dialer.Control = guardControl
	}
	tr := &http.Transport{
		Proxy:               nil, // a proxy would hide the address we must check
		DialContext:         dialer.DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 2,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: cfg.ConnectTimeout,
	}
	jar, _ := cookiejar.New(nil)
	agent := strings.TrimSpace(cfg.UserAgent)
	if i := strings.IndexAny(agent, "/ "); i > 0 {
		agent = agent[:i]
	}
	return &Client{
		cfg:   cfg,
		agent: agent,
		http: &http.Client{
			Transport: tr,
			Jar:       jar,
			// Redirects are followed by Get itself so that every hop is
			// checked against the scheme, robots.txt and the rate limit.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		sem:      make(chan struct{}, cfg.Concurrency),
		limiters: make(map[string]*hostLimiter),
		robots:   make(map[string]*robotsEntry),
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Get fetches rawURL and returns its body as a Document whose URL is the
// final URL after redirects. It retries temporary failures. Errors wrap
// ErrDisallowed, ErrNotModified, ErrScheme, ErrPrivateAddress,
// ErrTooManyRedirects, ErrTimeout, fetch.ErrTooLarge, fetch.ErrBinary or a
// *StatusError.
func (c *Client) Get(ctx context.Context, rawURL string) (*fetch.Document, error) {
	doc, err := c.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	doc.Format, err = format(doc.ContentType, doc.Body)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	return doc, nil
}

// Fetch is Get without the check that the body is a page, for feeds,
// sitemaps and other machine-readable files. The Document's Format is
// empty; everything else, robots.txt and the limits included, is as in Get.
func (c *Client) Fetch(ctx context.Context, rawURL string) (*fetch.Document, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	res, err := c.fetch(ctx, u, false)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", rawURL, err)
	}
	return &fetch.Document{
		URI:         res.url.String(),
		Kind:        fetch.KindHTTP,
		URL:         res.url.String(),
		FetchedAt:   res.at,
		Header:      res.header,
		ContentType: res.header.Get("Content-Type"),
		Body:        res.body,
	}, nil
}

// format decides how a body is to be read from its media type, sniffing
// when the type is missing or generic.
func format(contentType string, body []byte) (fetch.Format, error) {
	mt := fetch.MediaType(contentType)
	if mt == "" || mt == "application/octet-stream" || mt == "binary/octet-stream" {
		mt = fetch.MediaType(http.DetectContentType(body))
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return fetch.FormatHTML, nil
	case mt == "text/plain":
		return fetch.FormatText, nil
	}
	return "", fmt.Errorf("content type %q: %w", mt, fetch.ErrBinary)
}

// checkURL parses a URL and refuses schemes other than http and https.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, err
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w %q", ErrScheme, u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("%w: no host", ErrScheme)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// result is a fetched body and where it finally came from.
type result struct {
	url    *url.URL
	status int
	header http.Header
	body   []byte
	at     time.Time
}

// follow gets u once, following redirects; each hop is checked for its
// scheme and robots.txt and waits its turn for its host.
func (c *Client) follow(ctx context.Context, u *url.URL, robots bool, b *budget) (*result, error) {
	var etag, lastMod string
	if c.cfg.Previous != nil && !robots {
		etag, lastMod, _ = c.cfg.Previous(u.String())
	}
	for hop := 0; ; hop++ {
		if !robots {
			if err := c.allowed(ctx, u); err != nil {
				return nil, err
			}
		}
		res, err := c.exchange(ctx, u, etag, lastMod, robots, b)
		if err != nil {
			return nil, err
		}
		switch {
		case res.status == http.StatusNotModified && (etag != "" || lastMod != ""):
			return nil, fmt.Errorf("%s: %w", u, ErrNotModified)
		case res.status >= 300 && res.status < 400 && res.status != http.StatusNotModified && res.header.Get("Location") != "":
			if hop >= c.cfg.MaxRedirects {
				return nil, fmt.Errorf("%w: more than %d, last to %s", ErrTooManyRedirects, c.cfg.MaxRedirects, res.header.Get("Location"))
			}
			next, err := u.Parse(res.header.Get("Location"))
			if err != nil {
				return nil, fmt.Errorf("redirect from %s: %w", u, err)
			}
			if next, err = checkURL(next.String()); err != nil {
				return nil, fmt.Errorf("redirect from %s: %w", u, err)
			}
			c.cfg.Logger.Debug().Str("from", u.String()).Str("to", next.String()).Msg("web: redirect")
			u, etag, lastMod = next, "", ""
			continue
		case res.status >= 200 && res.status < 300,
			robots && res.status != http.StatusTooManyRequests && res.status < 500:
			return res, nil
		}
		return nil, &StatusError{URL: u.String(), StatusCode: res.status, RetryAfter: c.retryAfter(res.header)}
	}
}

// exchange sends one request and reads the response within Timeout.
func (c *Client) exchange(ctx context.Context, u *url.URL, etag, lastMod string, robots bool, b *budget) (*result, error) {
	if err := c.wait(ctx, u.Host); err != nil {
		return nil, err
	}
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.sem }()

	timeout := min(c.cfg.Timeout, b.left)
	if timeout <= 0 {
		return nil, fmt.Errorf("%w: page took over %s", ErrTimeout, c.cfg.PageTimeout)
	}
	began := time.Now()
	defer func() { b.left -= time.Since(began) }()
	actx, cancel := context.WithTimeoutCause(ctx, timeout, ErrTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if robots {
		req.Header.Set("Accept", "text/plain,*/*;q=0.5")
	} else {
		req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		req.Header.Set("If-Modified-Since", lastMod)
	}
	at := c.cfg.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, c.timeoutCause(ctx, actx, err)
	}
	defer resp.Body.Close()
	c.cfg.Logger.Debug().Str("url", u.String()).Int("status", resp.StatusCode).Msg("web: response")
	res := &result{url: u, status: resp.StatusCode, header: resp.Header, at: at}
	limit := c.cfg.MaxBody
	if robots {
		limit = maxRobotsBytes
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Error and redirect bodies are not kept; drain a little so the
		// connection can be reused.
		_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
		return res, nil
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%s: body of %d bytes over the %d byte limit: %w", u, resp.ContentLength, limit, fetch.ErrTooLarge)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading body: %w", u, c.timeoutCause(ctx, actx, err))
	}
	if int64(len(body)) > limit {
		what := "body"
		if resp.Uncompressed {
			what = "decompressed body"
		}
		return nil, fmt.Errorf("%s: %s over the %d byte limit: %w", u, what, limit, fetch.ErrTooLarge)
	}
	res.body = body
	return res, nil
}

// budget is the exchange time a page has left. It is measured on the
// wall clock, like the exchange deadlines themselves.
type budget struct{ left time.Duration }

// timeoutCause turns the expiry of the per-exchange deadline into
// ErrTimeout, leaving the caller's own cancellation as it is.
func (c *Client) timeoutCause(ctx, actx context.Context, err error) error {
	if ctx.Err() == nil && errors.Is(context.Cause(actx), ErrTimeout) {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	return err
}
