package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsFailureTTL is how long a failure to reach a host's robots.txt is
// remembered, so that a dead host costs one attempt a minute rather than
// one per page.
const robotsFailureTTL = time.Minute

// robotsEntry is one host's robots.txt, fetched once; ready is closed when
// data or err (and at) are set.
type robotsEntry struct {
	ready chan struct{}
	data  *robotstxt.RobotsData
	err   error
	at    time.Time // when err happened
}

// stale reports whether e is a failure old enough to try again.
func (e *robotsEntry) stale(now time.Time) bool {
	select {
	case <-e.ready:
		return e.err != nil && now.Sub(e.at) >= robotsFailureTTL
	default:
		return false
	}
}

// allowed reports ErrDisallowed if u's host forbids u to this agent. The
// host's robots.txt is fetched on first use and kept; a missing one (4xx)
// allows everything, a failing one (5xx) forbids everything, as Google
// does. A network failure is kept for robotsFailureTTL, then tried again.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	data, err := c.robotsFor(ctx, u)
	if err != nil {
		return &robotsError{host: u.Host, err: err}
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !data.TestAgent(path, c.agent) {
		return fmt.Errorf("%s: %w", u, ErrDisallowed)
	}
	if group := data.FindGroup(c.agent); group.CrawlDelay > 0 {
		c.slowDown(u.Host, group.CrawlDelay)
	}
	return nil
}

func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*robotstxt.RobotsData, error) {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	c.mu.Lock()
	e, ok := c.robots[key]
	if ok && e.stale(c.cfg.Now()) {
		ok = false
	}
	if !ok {
		e = &robotsEntry{ready: make(chan struct{})}
		c.robots[key] = e
	}
	c.mu.Unlock()
	if ok {
		select {
		case <-e.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err == nil {
			return e.data, nil
		}
		return nil, e.err
	}
	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	res, err := c.fetch(ctx, robotsURL, true)
	var se *StatusError
	switch {
	case err == nil:
		e.data, err = robotstxt.FromStatusAndBytes(res.status, res.body)
	case errors.As(err, &se):
		// Still failing after the retries: forbid the host for this run.
		c.cfg.Logger.Warn().Err(err).Msg("web: robots.txt unavailable, not crawling the host")
		e.data, err = robotstxt.FromStatusAndBytes(http.StatusServiceUnavailable, nil)
	}
	if err != nil {
		e.err, e.at = err, c.cfg.Now()
		if ctx.Err() != nil {
			// The caller gave up, which says nothing about the host.
			c.mu.Lock()
			delete(c.robots, key)
			c.mu.Unlock()
		}
	}
	close(e.ready)
	return e.data, e.err
}

// robotsError is a failure to read a host's robots.txt. Its fetch already
// had its retries, so the page's own retry loop does not repeat it.
type robotsError struct {
	host string
	err  error
}

func (e *robotsError) Error() string { return "robots.txt of " + e.host + ": " + e.err.Error() }

func (e *robotsError) Unwrap() error { return e.err }

// Sitemaps returns the sitemap URLs that the robots.txt of rawURL's host
// lists (its "Sitemap:" lines), reading robots.txt if not done yet.
func (c *Client) Sitemaps(ctx context.Context, rawURL string) ([]string, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, fmt.Errorf("sitemaps of %s: %w", rawURL, err)
	}
	data, err := c.robotsFor(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("sitemaps of %s: %w", rawURL, &robotsError{host: u.Host, err: err})
	}
	return append([]string(nil), data.Sitemaps...), nil
}
