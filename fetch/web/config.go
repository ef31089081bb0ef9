package web

import (
	"context"
	"time"

	"github.com/rs/zerolog"
)

// DefaultUserAgent names the tool and where to reach its operators.
const DefaultUserAgent = "cuttings/0.1 (news article archiver; +https://github.com/cuttings/cuttings)"

// Defaults for the zero fields of Config.
const (
	DefaultRate           = 1.0 // requests per second per host
	DefaultConcurrency    = 4
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultPageTimeout    = 2 * time.Minute
	DefaultMaxBody        = 10 << 20
	DefaultMaxRedirects   = 10
	DefaultRetries        = 3
	DefaultBackoff        = time.Second
	DefaultMaxBackoff     = time.Minute
	DefaultMaxRetryAfter  = 5 * time.Minute
	maxRobotsBytes        = 500 << 10 // as Google reads
	maxCrawlDelay         = time.Minute
)

// Config configures a Client. Zero fields take the defaults above.
type Config struct {
	// UserAgent is sent with every request; its first word (before "/")
	// is the agent name matched against robots.txt groups.
	UserAgent string
	// Rate is the most requests per second sent to one host. A larger
	// robots.txt Crawl-delay (up to a minute) slows it further.
	Rate float64
	// Concurrency is the most requests in flight over all hosts.
	Concurrency int
	// ConnectTimeout bounds establishing a connection.
	ConnectTimeout time.Duration
	// Timeout bounds one exchange from sending the request to the last
	// byte of the body; a page that trickles in is cut off.
	Timeout time.Duration
	// PageTimeout bounds the time one Get spends in exchanges over all its
	// redirects and retries (waits for the rate limit and backoff aside).
	PageTimeout time.Duration
	// MaxBody is the largest body accepted, after decompression.
	MaxBody int64
	// MaxRedirects is the most redirects followed for one page; a
	// negative value follows none.
	MaxRedirects int
	// Retries is how many times a request is repeated after a 429, a 5xx
	// or a network error; a negative value never retries.
	Retries int
	// Backoff is the first wait before a retry; it doubles each time, up
	// to MaxBackoff, with random jitter.
	Backoff, MaxBackoff time.Duration
	// MaxRetryAfter is the longest Retry-After wait honoured; a server
	// asking for more makes the request fail.
	MaxRetryAfter time.Duration
	// AllowPrivate permits private, loopback and link-local addresses.
	AllowPrivate bool
	// Previous returns the validators of an earlier fetch of url, for a
	// conditional GET; a 304 answer makes Get return ErrNotModified.
	Previous func(url string) (etag, lastModified string, ok bool)
	// Logger receives a line per request and retry; default disabled.
	Logger zerolog.Logger
	// Now is the clock (default time.Now); Sleep waits d or until ctx is
	// done (default a timer). Tests replace both.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter returns a number in [0, 1) to spread retries (default
	// math/rand/v2.Float64).
	Jitter func() float64
}
