package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/cuttings/cuttings/fetch"
)

// fetch gets u with retries; robots marks the fetch of a robots.txt, which
// skips the robots check and keeps any status for the caller.
func (c *Client) fetch(ctx context.Context, u *url.URL, robots bool) (*result, error) {
	budget := &budget{left: c.cfg.PageTimeout}
	for attempt := 0; ; attempt++ {
		res, err := c.follow(ctx, u, robots, budget)
		if err == nil {
			return res, nil
		}
		if attempt >= c.cfg.Retries || !c.temporary(ctx, err) {
			return nil, err
		}
		wait := c.backoff(attempt)
		var se *StatusError
		if errors.As(err, &se) && se.RetryAfter > 0 {
			if se.RetryAfter > c.cfg.MaxRetryAfter {
				return nil, fmt.Errorf("%w (longer than the %s allowed)", err, c.cfg.MaxRetryAfter)
			}
			wait = se.RetryAfter
		}
		c.cfg.Logger.Info().Err(err).Int("attempt", attempt+1).Dur("wait", wait).Msg("web: retrying")
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

// backoff is the wait before retry number attempt+1: Backoff doubled per
// attempt, capped, then scaled by a random factor in [0.5, 1).
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.Backoff
	for range attempt {
		d *= 2
		if d >= c.cfg.MaxBackoff {
			d = c.cfg.MaxBackoff
			break
		}
	}
	return time.Duration(float64(d) * (0.5 + c.cfg.Jitter()/2))
}

// temporary reports whether err is worth another attempt.
func (c *Client) temporary(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var re *robotsError
	if errors.As(err, &re) {
		return false
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Temporary()
	}
	for _, permanent := range []error{ErrDisallowed, ErrNotModified, ErrScheme, ErrPrivateAddress,
		ErrTooManyRedirects, ErrTimeout, fetch.ErrTooLarge, context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, permanent) {
			return false
		}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsNotFound && (dnsErr.IsTemporary || dnsErr.IsTimeout)
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true // refused, reset or cut short
	}
	// Transport timeouts (TLS handshake) are worth another go; certificate
	// and protocol errors are not.
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func (c *Client) retryAfter(h http.Header) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(c.cfg.Now()); d > 0 {
			return d
		}
	}
	return 0
}
