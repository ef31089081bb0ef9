package web

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// hostLimiter is one host's rate limiter. Its mutex makes reading the
// clock and reserving one step, so that concurrent callers never hand the
// limiter times out of order (which would credit it extra tokens).
type hostLimiter struct {
	mu  sync.Mutex
	lim *rate.Limiter
}

// limiter returns the rate limiter of a host.
func (c *Client) limiter(host string) *hostLimiter {
	c.mu.Lock()
	defer c.mu.Unlock()
	host = strings.ToLower(host)
	l, ok := c.limiters[host]
	if !ok {
		l = &hostLimiter{lim: rate.NewLimiter(rate.Limit(c.cfg.Rate), 1)}
		c.limiters[host] = l
	}
	return l
}

// wait blocks until host may be sent another request.
func (c *Client) wait(ctx context.Context, host string) error {
	l := c.limiter(host)
	l.mu.Lock()
	now := c.cfg.Now()
	r := l.lim.ReserveN(now, 1)
	d := r.DelayFrom(now)
	l.mu.Unlock()
	if !r.OK() {
		return fmt.Errorf("rate limit for %s cannot be met", host)
	}
	if d > 0 {
		if err := c.cfg.Sleep(ctx, d); err != nil {
			l.mu.Lock()
			r.CancelAt(c.cfg.Now())
			l.mu.Unlock()
			return err
		}
	}
	return nil
}

// slowDown lowers a host's rate to one request per delay if that is slower.
func (c *Client) slowDown(host string, delay time.Duration) {
	delay = min(delay, maxCrawlDelay)
	l := c.limiter(host)
	l.mu.Lock()
	defer l.mu.Unlock()
	if lim := rate.Every(delay); lim < l.lim.Limit() {
		l.lim.SetLimitAt(c.cfg.Now(), lim)
	}
}
