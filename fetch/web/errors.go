package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Sentinel errors for conditions callers test with errors.Is.
var (
	// ErrDisallowed reports a URL that the host's robots.txt forbids.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrNotModified reports a page unchanged since the fetch that
	// Config.Previous described (HTTP 304).
	ErrNotModified = errors.New("not modified since the previous fetch")
	// ErrScheme reports a URL whose scheme is not http or https.
	ErrScheme = errors.New("unsupported URL scheme")
	// ErrPrivateAddress reports a connection to a private, loopback,
	// link-local or otherwise non-public address.
	ErrPrivateAddress = errors.New("refusing a non-public address")
	// ErrTooManyRedirects reports more redirects than Config.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrTimeout reports a page that did not arrive within Config.Timeout.
	ErrTimeout = errors.New("page deadline exceeded")
)

// StatusError is an HTTP response with an unwanted status code.
type StatusError struct {
	URL        string
	StatusCode int
	// RetryAfter is the wait the server asked for, if any.
	RetryAfter time.Duration
}

// Error gives the URL, the status and any Retry-After wait.
func (e *StatusError) Error() string {
	s := fmt.Sprintf("%s: HTTP %d %s", e.URL, e.StatusCode, http.StatusText(e.StatusCode))
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return s
}

// Temporary reports whether the status is worth retrying: 429 and 5xx.
func (e *StatusError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode >= 500
}
