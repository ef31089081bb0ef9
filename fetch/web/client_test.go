package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/fetch"
)

// fakeClock is a clock whose Sleep moves time on at once.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{t: time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
	f.slept = append(f.slept, d)
	return ctx.Err()
}

func (f *fakeClock) Slept() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

// hit is one request seen by a test server.
type hit struct {
	path string
	at   time.Time
	ua   string
	inm  string
}

// site is a test server that records its requests.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits []hit
}

func newSite(t *testing.T, now func() time.Time, h http.HandlerFunc) *site {
	t.Helper()
	s := &site{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits = append(s.hits, hit{path: r.URL.RequestURI(), at: now(), ua: r.UserAgent(), inm: r.Header.Get("If-None-Match")})
		s.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var p []string
	for _, h := range s.hits {
		p = append(p, h.path)
	}
	return p
}

func (s *site) count(path string) int {
	n := 0
	for _, p := range s.paths() {
		if p == path {
			n++
		}
	}
	return n
}

const page = "<!DOCTYPE html><html><head><title>Strike</title></head><body><p>Hundreds of appointments were cancelled.</p></body></html>"

func testConfig(clock *fakeClock) Config {
	return Config{
		AllowPrivate: true,
		Now:          clock.Now,
		Sleep:        clock.Sleep,
		Jitter:       func() float64 { return 0 },
		Timeout:      5 * time.Second,
	}
}

func TestGetHTML(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, page)
	})
	c := New(testConfig(clock))
	doc, err := c.Get(context.Background(), s.URL+"/news/1#comments")
	require.NoError(t, err)
	assert.Equal(t, s.URL+"/news/1", doc.URL)
	assert.Equal(t, doc.URL, doc.URI)
	assert.Equal(t, fetch.KindHTTP, doc.Kind)
	assert.Equal(t, fetch.FormatHTML, doc.Format)
	assert.Equal(t, "text/html; charset=iso-8859-1", doc.ContentType)
	assert.Equal(t, `"v1"`, doc.Header.Get("ETag"))
	assert.Equal(t, page, string(doc.Body))
	assert.False(t, doc.FetchedAt.IsZero())
	assert.Equal(t, []string{"/robots.txt", "/news/1"}, s.paths())
	assert.Contains(t, s.hits[1].ua, "cuttings")
	assert.Contains(t, s.hits[1].ua, "https://")
}

func TestGetContentTypes(t *testing.T) {
	tests := []struct {
		name        string
		contentType string
		body        string
		want        fetch.Format
		wantErr     error
	}{
		{name: "html", contentType: "text/html", body: page, want: fetch.FormatHTML},
		{name: "xhtml", contentType: "application/xhtml+xml; charset=utf-8", body: page, want: fetch.FormatHTML},
		{name: "plain text", contentType: "text/plain; charset=utf-8", body: "words", want: fetch.FormatText},
		{name: "octet stream sniffed as html", contentType: "application/octet-stream", body: page, want: fetch.FormatHTML},
		{name: "png", contentType: "image/png", body: "\x89PNG\r\n\x1a\n\x00\x00", wantErr: fetch.ErrBinary},
		{name: "pdf", contentType: "application/pdf", body: "%PDF-1.7", wantErr: fetch.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				fmt.Fprint(w, tt.body)
			})
			doc, err := New(testConfig(clock)).Get(context.Background(), s.URL+"/a")
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, doc.Format)
		})
	}
}

func TestRobots(t *testing.T) {
	tests := []struct {
		name       string
		robots     string
		status     int
		path       string
		disallowed bool
	}{
		{name: "disallowed for all", robots: "User-agent: *\nDisallow: /private/\n", status: 200, path: "/private/story", disallowed: true},
		{name: "allowed path", robots: "User-agent: *\nDisallow: /private/\n", status: 200, path: "/news/story"},
		{name: "disallowed for this agent", robots: "User-agent: cuttings\nDisallow: /\n\nUser-agent: *\nAllow: /\n", status: 200, path: "/news/story", disallowed: true},
		{name: "other agent only", robots: "User-agent: otherbot\nDisallow: /\n", status: 200, path: "/news/story"},
		{name: "query disallowed", robots: "User-agent: *\nDisallow: /*?print=\n", status: 200, path: "/news/story?print=1", disallowed: true},
		{name: "missing robots allows", status: 404, path: "/news/story"},
		{name: "failing robots forbids", status: 500, path: "/news/story", disallowed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					w.WriteHeader(tt.status)
					fmt.Fprint(w, tt.robots)
					return
				}
				fmt.Fprint(w, page)
			})
			cfg := testConfig(clock)
			cfg.Retries = 1
			c := New(cfg)
			for range 3 {
				_, err := c.Get(context.Background(), s.URL+tt.path)
				if tt.disallowed {
					require.ErrorIs(t, err, ErrDisallowed)
				} else {
					require.NoError(t, err)
				}
			}
			want := 3
			if tt.disallowed {
				want = 0
			}
			assert.Equal(t, want, s.count(tt.path), "requests for the page")
			robotsFetches := 1
			if tt.status >= 500 {
				robotsFetches = 2 // one retry, then the host is forbidden for the run
			}
			assert.Equal(t, robotsFetches, s.count("/robots.txt"), "robots.txt is fetched once per host")
		})
	}
}

func TestRetries(t *testing.T) {
	tests := []struct {
		name      string
		responses []func(w http.ResponseWriter) // by attempt; the last repeats
		retries   int
		wantErr   bool
		wantCode  int
		wantCount int
		wantSleep []time.Duration // sleeps other than the rate limit's
	}{
		{
			name: "429 with Retry-After seconds then 200",
			responses: []func(http.ResponseWriter){
				func(w http.ResponseWriter) { w.Header().Set("Retry-After", "7"); w.WriteHeader(429) },
				func(w http.ResponseWriter) { fmt.Fprint(w, page) },
			},
			wantCount: 2, wantSleep: []time.Duration{7 * time.Second},
		},
		{
			name: "429 with Retry-After date then 200",
			responses: []func(http.ResponseWriter){
				func(w http.ResponseWriter) {
					w.Header().Set("Retry-After", time.Date(2024, 3, 1, 12, 0, 30, 0, time.UTC).Format(http.TimeFormat))
					w.WriteHeader(429)
				},
				func(w http.ResponseWriter) { fmt.Fprint(w, page) },
			},
			wantCount: 2, wantSleep: []time.Duration{29*time.Second + 999*time.Millisecond}, // the page went at 12:00:00.001
		},
		{
			name: "500 then 200",
			responses: []func(http.ResponseWriter){
				func(w http.ResponseWriter) { w.WriteHeader(500) },
				func(w http.ResponseWriter) { fmt.Fprint(w, page) },
			},
			wantCount: 2, wantSleep: []time.Duration{500 * time.Millisecond},
		},
		{
			name:      "503 every time gives up after the retries with growing waits",
			responses: []func(http.ResponseWriter){func(w http.ResponseWriter) { w.WriteHeader(503) }},
			retries:   3, wantErr: true, wantCode: 503, wantCount: 4,
			wantSleep: []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second},
		},
		{
			name:      "404 is not retried",
			responses: []func(http.ResponseWriter){func(w http.ResponseWriter) { w.WriteHeader(404) }},
			wantErr:   true, wantCode: 404, wantCount: 1,
		},
		{
			name:      "403 is not retried",
			responses: []func(http.ResponseWriter){func(w http.ResponseWriter) { w.WriteHeader(403) }},
			wantErr:   true, wantCode: 403, wantCount: 1,
		},
		{
			name: "Retry-After beyond the limit fails at once",
			responses: []func(http.ResponseWriter){
				func(w http.ResponseWriter) { w.Header().Set("Retry-After", "86400"); w.WriteHeader(429) },
			},
			wantErr: true, wantCode: 429, wantCount: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			var n atomic.Int32
			s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				i := int(n.Add(1)) - 1
				tt.responses[min(i, len(tt.responses)-1)](w)
			})
			cfg := testConfig(clock)
			cfg.Retries = tt.retries
			cfg.Rate = 1000 // keep the rate limit's sleeps out of the way
			_, err := New(cfg).Get(context.Background(), s.URL+"/story")
			if tt.wantErr {
				var se *StatusError
				require.ErrorAs(t, err, &se)
				assert.Equal(t, tt.wantCode, se.StatusCode)
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tt.wantCount, s.count("/story"))
			var sleeps []time.Duration
			for _, d := range clock.Slept() {
				if d > 5*time.Millisecond { // the rate limiter's 1ms waits
					sleeps = append(sleeps, d)
				}
			}
			assert.Equal(t, tt.wantSleep, sleeps)
		})
	}
}

func TestRetryNetworkError(t *testing.T) {
	clock := newFakeClock()
	var n atomic.Int32
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if n.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close() // drop the connection without an answer
			}
			return
		}
		fmt.Fprint(w, page)
	})
	doc, err := New(testConfig(clock)).Get(context.Background(), s.URL+"/story")
	require.NoError(t, err)
	assert.Equal(t, page, string(doc.Body))
	assert.Equal(t, 2, s.count("/story"))
}

func TestTimeouts(t *testing.T) {
	tests := []struct {
		name    string
		handler func(w http.ResponseWriter, r *http.Request)
	}{
		{name: "server that hangs before answering", handler: func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done()
		}},
		{name: "server that sends one byte at a time", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(200)
			for i := 0; i < 10000; i++ {
				if _, err := w.Write([]byte{'x'}); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				tt.handler(w, r)
			})
			cfg := testConfig(clock)
			cfg.Timeout = 200 * time.Millisecond
			_, err := New(cfg).Get(context.Background(), s.URL+"/story")
			require.ErrorIs(t, err, ErrTimeout)
			assert.Equal(t, 1, s.count("/story"), "a timed-out page is not retried")
		})
	}
}

func TestCallerCancel(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := New(testConfig(clock)).Get(ctx, s.URL+"/story")
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotErrorIs(t, err, ErrTimeout)
}

func gzipped(t *testing.T, p []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	_, err := w.Write(p)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

func TestBodyLimits(t *testing.T) {
	big := bytes.Repeat([]byte("<p>abc</p>"), 200_000) // 2 MB
	bomb := gzipped(t, make([]byte, 64<<20))           // 64 MiB of zeros in about 64 KB
	tests := []struct {
		name    string
		handler func(w http.ResponseWriter)
		wantMsg string
	}{
		{name: "declared length over the limit", handler: func(w http.ResponseWriter) {
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
			_, _ = w.Write(big)
		}, wantMsg: "body of 2000000 bytes"},
		{name: "streamed body over the limit", handler: func(w http.ResponseWriter) {
			for i := 0; i < len(big); i += 100_000 {
				_, _ = w.Write(big[i : i+100_000])
				w.(http.Flusher).Flush()
			}
		}, wantMsg: "body over"},
		{name: "gzip bomb via Content-Encoding", handler: func(w http.ResponseWriter) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write(bomb)
		}, wantMsg: "decompressed body over"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					http.NotFound(w, r)
					return
				}
				tt.handler(w)
			})
			cfg := testConfig(clock)
			cfg.MaxBody = 1 << 20
			_, err := New(cfg).Get(context.Background(), s.URL+"/story")
			require.ErrorIs(t, err, fetch.ErrTooLarge)
			assert.Contains(t, err.Error(), tt.wantMsg)
			assert.Equal(t, 1, s.count("/story"), "an oversized page is not retried")
		})
	}
}

func TestRedirects(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/a":
			http.Redirect(w, r, "/b", http.StatusMovedPermanently)
		case "/b":
			http.Redirect(w, r, "/final?x=1", http.StatusFound)
		case "/final":
			fmt.Fprint(w, page)
		case "/loop1":
			http.Redirect(w, r, "/loop2", http.StatusFound)
		case "/loop2":
			http.Redirect(w, r, "/loop1", http.StatusFound)
		case "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		case "/to-private":
			http.Redirect(w, r, "/private/x", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	})
	tests := []struct {
		name      string
		path      string
		wantURL   string
		wantErr   error
		wantPaths int // requests for the page and its redirects, robots.txt aside
	}{
		{name: "chain ends at the final URL", path: "/a", wantURL: s.URL + "/final?x=1", wantPaths: 3},
		{name: "loop stops after the maximum", path: "/loop1", wantErr: ErrTooManyRedirects, wantPaths: 11},
		{name: "redirect to a file URL", path: "/to-file", wantErr: ErrScheme, wantPaths: 1},
		{name: "redirect into a disallowed path", path: "/to-private", wantErr: ErrDisallowed, wantPaths: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(s.paths()) - s.count("/robots.txt")
			doc, err := New(testConfig(clock)).Get(context.Background(), s.URL+tt.path)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
			} else {
				require.NoError(t, err)
				assert.Equal(t, tt.wantURL, doc.URL)
			}
			assert.Equal(t, tt.wantPaths, len(s.paths())-s.count("/robots.txt")-before)
		})
	}
	assert.Zero(t, s.count("/private/x"))
}

func TestSchemesRefused(t *testing.T) {
	c := New(Config{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/a", "javascript:alert(1)", "gopher://x/", "data:text/html,hi", "", "http:///nohost"} {
		t.Run(u, func(t *testing.T) {
			_, err := c.Get(context.Background(), u)
			assert.ErrorIs(t, err, ErrScheme)
		})
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	s := newSite(t, time.Now, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
	port := s.Listener.Addr().(*net.TCPAddr).Port
	c := New(Config{Timeout: 2 * time.Second, Retries: -1})
	for _, u := range []string{
		s.URL + "/story",
		fmt.Sprintf("http://localhost:%d/story", port), // a name that resolves to loopback
		fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/story", port),
		"http://169.254.169.254/latest/meta-data/",
	} {
		t.Run(u, func(t *testing.T) {
			_, err := c.Get(context.Background(), u)
			require.ErrorIs(t, err, ErrPrivateAddress)
		})
	}
	assert.Empty(t, s.paths(), "nothing reached the loopback server")
}

func TestPublicAddr(t *testing.T) {
	tests := []struct {
		ip     string
		public bool
	}{
		{ip: "127.0.0.1"}, {ip: "10.1.2.3"}, {ip: "172.16.5.4"}, {ip: "192.168.1.1"},
		{ip: "169.254.169.254"}, {ip: "100.64.0.1"}, {ip: "0.0.0.0"}, {ip: "224.0.0.1"},
		{ip: "::1"}, {ip: "fe80::1"}, {ip: "fd00::1"}, {ip: "::ffff:10.0.0.1"}, {ip: "64:ff9b::7f00:1"},
		{ip: "93.184.216.34", public: true}, {ip: "151.101.0.81", public: true},
		{ip: "2a04:4e42::81", public: true}, {ip: "::ffff:8.8.8.8", public: true},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			assert.Equal(t, tt.public, PublicAddr(netip.MustParseAddr(tt.ip)))
		})
	}
}

func TestConditionalGet(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"v2"` || r.Header.Get("If-Modified-Since") == "Tue, 26 Sep 2023 10:02:11 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v2"`)
		fmt.Fprint(w, page)
	})
	prev := map[string]string{s.URL + "/same": `"v2"`, s.URL + "/changed": `"v1"`}
	cfg := testConfig(clock)
	cfg.Previous = func(u string) (string, string, bool) {
		if u == s.URL+"/dated" {
			return "", "Tue, 26 Sep 2023 10:02:11 GMT", true
		}
		e, ok := prev[u]
		return e, "", ok
	}
	c := New(cfg)
	_, err := c.Get(context.Background(), s.URL+"/dated")
	require.ErrorIs(t, err, ErrNotModified)
	_, err = c.Get(context.Background(), s.URL+"/same")
	require.ErrorIs(t, err, ErrNotModified)
	doc, err := c.Get(context.Background(), s.URL+"/changed")
	require.NoError(t, err)
	assert.Equal(t, `"v2"`, doc.Header.Get("ETag"))
	_, err = c.Get(context.Background(), s.URL+"/new")
	require.NoError(t, err)
	s.mu.Lock()
	defer s.mu.Unlock()
	var inm []string
	for _, h := range s.hits[2:] {
		inm = append(inm, h.inm)
	}
	assert.Equal(t, []string{`"v2"`, `"v1"`, ""}, inm)
}

// TestRateLimitAndRobotsSequential proves the per-host rate and robots.txt
// on a fake clock: the server sees robots.txt once, then one request per
// second, and never the disallowed page.
func TestRateLimitAndRobotsSequential(t *testing.T) {
	tests := []struct {
		name     string
		robots   string
		rate     float64
		interval time.Duration
	}{
		{name: "default one per second", robots: "User-agent: *\nDisallow: /private/\n", interval: time.Second},
		{name: "two per second", robots: "User-agent: *\nDisallow: /private/\n", rate: 2, interval: 500 * time.Millisecond},
		{name: "crawl-delay slows the host", robots: "User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n", interval: 3 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					fmt.Fprint(w, tt.robots)
					return
				}
				fmt.Fprint(w, page)
			})
			cfg := testConfig(clock)
			cfg.Rate = tt.rate
			c := New(cfg)
			start := clock.Now()
			for i := range 4 {
				_, err := c.Get(context.Background(), fmt.Sprintf("%s/news/%d", s.URL, i))
				require.NoError(t, err)
				_, err = c.Get(context.Background(), fmt.Sprintf("%s/private/%d", s.URL, i))
				require.ErrorIs(t, err, ErrDisallowed)
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			require.Len(t, s.hits, 5)
			assert.Equal(t, "/robots.txt", s.hits[0].path)
			assert.Equal(t, start, s.hits[0].at)
			for i, h := range s.hits[1:] {
				assert.Equal(t, fmt.Sprintf("/news/%d", i), h.path)
				assert.Equal(t, start.Add(time.Duration(i+1)*tt.interval), h.at, "request %d", i)
			}
		})
	}
}

// TestRateLimitPerHostConcurrent proves on the real clock that concurrent
// requests to one host are spaced by the rate while another host is served
// at its own pace, and that robots.txt is read once per host.
func TestRateLimitPerHostConcurrent(t *testing.T) {
	const perHost = 5
	const rateHz = 10.0
	var sites []*site
	for range 2 {
		sites = append(sites, newSite(t, time.Now, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/robots.txt" {
				fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
				return
			}
			fmt.Fprint(w, page)
		}))
	}
	c := New(Config{AllowPrivate: true, Rate: rateHz, Concurrency: 8})
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 4*perHost)
	for _, s := range sites {
		for i := range perHost {
			wg.Add(2)
			go func() {
				defer wg.Done()
				_, err := c.Get(context.Background(), fmt.Sprintf("%s/news/%d", s.URL, i))
				errs <- err
			}()
			go func() {
				defer wg.Done()
				_, err := c.Get(context.Background(), fmt.Sprintf("%s/private/%d", s.URL, i))
				if !errors.Is(err, ErrDisallowed) {
					errs <- fmt.Errorf("private page: %v", err)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	// The limiter lets the k-th request of a host go no sooner than
	// k intervals after the first, which went no sooner than start; so
	// however late arrivals are, the k-th cannot arrive before
	// start + k*interval. Without the limiter all would arrive at once.
	interval := time.Duration(float64(time.Second) / rateHz)
	for _, s := range sites {
		s.mu.Lock()
		hits := append([]hit(nil), s.hits...)
		s.mu.Unlock()
		require.Len(t, hits, perHost+1, "robots.txt once and each allowed page once")
		sort.Slice(hits, func(i, j int) bool { return hits[i].at.Before(hits[j].at) })
		assert.Equal(t, "/robots.txt", hits[0].path)
		for k, h := range hits {
			assert.False(t, strings.HasPrefix(h.path, "/private/"))
			earliest := start.Add(time.Duration(k)*interval - 2*time.Millisecond)
			assert.False(t, h.at.Before(earliest), "request %d to %s came %s after the start, before %s", k, s.URL, h.at.Sub(start), time.Duration(k)*interval)
		}
	}
}

func TestGetRefusesBadURL(t *testing.T) {
	_, err := New(Config{}).Get(context.Background(), "http://[::1")
	var ue *url.Error
	assert.ErrorAs(t, err, &ue)
}

func TestTruncatedDownload(t *testing.T) {
	clock := newFakeClock()
	var n atomic.Int32
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if n.Add(1) == 1 {
			// Promise 1000 bytes, send half, hang up.
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n%s", strings.Repeat("x", 500))
			_ = buf.Flush()
			conn.Close()
			return
		}
		fmt.Fprint(w, page)
	})
	tests := []struct {
		name    string
		retries int
		wantErr bool
	}{
		{name: "without retries the cut is an error", retries: -1, wantErr: true},
		{name: "a retry gets the whole page", retries: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n.Store(0)
			cfg := testConfig(clock)
			cfg.Retries = tt.retries
			doc, err := New(cfg).Get(context.Background(), s.URL+"/story")
			if tt.wantErr {
				require.ErrorIs(t, err, io.ErrUnexpectedEOF)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, page, string(doc.Body))
		})
	}
}

func TestNetworkErrorsRetriedOrNot(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	tlsSite := httptest.NewUnstartedServer(http.NotFoundHandler())
	tlsSite.Config.ErrorLog = log.New(io.Discard, "", 0)
	tlsSite.StartTLS()
	t.Cleanup(tlsSite.Close)
	tests := []struct {
		name      string
		url       string
		wantMsg   string
		wantWaits int
	}{
		{name: "connection refused is retried", url: closedURL + "/story", wantMsg: "refused", wantWaits: 2},
		{name: "untrusted certificate is not", url: tlsSite.URL + "/story", wantMsg: "certificate", wantWaits: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			cfg := testConfig(clock)
			cfg.Retries = 2
			cfg.Rate = 1000
			_, err := New(cfg).Get(context.Background(), tt.url)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantMsg)
			waits := 0
			for _, d := range clock.Slept() {
				if d >= 500*time.Millisecond {
					waits++
				}
			}
			assert.Equal(t, tt.wantWaits, waits)
		})
	}
}

func TestPageTimeoutOverRedirects(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		time.Sleep(60 * time.Millisecond) // each hop is slow but within Timeout
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n+1), http.StatusFound)
	})
	cfg := testConfig(clock)
	cfg.Timeout = time.Second
	cfg.PageTimeout = 200 * time.Millisecond
	_, err := New(cfg).Get(context.Background(), s.URL+"/hop/0")
	require.ErrorIs(t, err, ErrTimeout)
	assert.NotErrorIs(t, err, ErrTooManyRedirects)
	hops := len(s.paths()) - s.count("/robots.txt")
	assert.GreaterOrEqual(t, hops, 3)
	assert.LessOrEqual(t, hops, 5, "the page's time budget stops the chain well before 10 redirects")
}

func TestGlobalConcurrency(t *testing.T) {
	const limit = 2
	var inFlight, peak atomic.Int32
	handler := func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		inFlight.Add(-1)
		fmt.Fprint(w, page)
	}
	var sites []*site
	for range 6 {
		sites = append(sites, newSite(t, time.Now, handler))
	}
	c := New(Config{AllowPrivate: true, Concurrency: limit, Rate: 1000})
	var wg sync.WaitGroup
	for _, s := range sites {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Get(context.Background(), s.URL+"/story")
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.LessOrEqual(t, peak.Load(), int32(limit))
	assert.Positive(t, peak.Load())
}

func TestRobotsNetworkFailureRemembered(t *testing.T) {
	clock := newFakeClock()
	s := newSite(t, clock.Now, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
			}
			return
		}
		fmt.Fprint(w, page)
	})
	cfg := testConfig(clock)
	cfg.Retries = -1
	c := New(cfg)
	for i := range 3 {
		_, err := c.Get(context.Background(), fmt.Sprintf("%s/news/%d", s.URL, i))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "robots.txt")
	}
	assert.Equal(t, 1, s.count("/robots.txt"), "a dead robots.txt is not asked for again at once")
	_ = clock.Sleep(context.Background(), robotsFailureTTL)
	_, err := c.Get(context.Background(), s.URL+"/news/9")
	require.Error(t, err)
	assert.Equal(t, 2, s.count("/robots.txt"), "after a while it is tried again")
	assert.Zero(t, s.count("/news/0"), "no page is fetched without robots.txt")
}
