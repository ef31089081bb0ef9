// Package web is the polite HTTP client of the fetcher: it obeys robots.txt
// per host, keeps to a per-host request rate and a global concurrency
// limit, names itself and a contact in its User-Agent, retries with
// exponential backoff and jitter on 429, 5xx and network errors (honouring
// Retry-After), and bounds every page in size, decompressed size, redirects
// and time.
//
// It also guards against hostile pages: only http and https are fetched,
// and unless Config.AllowPrivate is set the resolved address of every
// connection (after DNS, on every redirect) must be public, so a link can
// not make the crawler reach 127.0.0.1 or 169.254.169.254.
package web
