package body

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// manifestEntry is the part of news-html/manifest.json the check reads.
type manifestEntry struct {
	File      string `json:"file"`
	URL       string `json:"url"`
	HTMLTitle string `json:"html_title"`
	Spec      *struct {
		URL            string `json:"url"`
		Title          string `json:"title"`
		Date           string `json:"date_as_written_in_spec"`
		FirstParagraph string `json:"first_paragraph"`
		FirstVerbatim  bool   `json:"first_paragraph_found_verbatim_in_html"`
	} `json:"expected_from_upstream_spec"`
	Eval *struct {
		Title   string   `json:"title"`
		Author  string   `json:"author"`
		Date    string   `json:"date"`
		With    []string `json:"with"`
		Without []string `json:"without"`
	} `json:"expected_from_upstream_evaldata"`
	Readability *struct {
		Metadata struct {
			Title     string  `json:"title"`
			Byline    *string `json:"byline"`
			SiteName  string  `json:"siteName"`
			Published *string `json:"publishedTime"`
		} `json:"metadata"`
	} `json:"expected_from_upstream"`
}

// expectation is one expected metadata value for one page.
type expectation struct {
	field, want string
	site        string
}

func (e manifestEntry) expectations() []expectation {
	var out []expectation
	add := func(field, want, site string) {
		if strings.TrimSpace(want) != "" {
			out = append(out, expectation{field: field, want: want, site: site})
		}
	}
	if s := e.Spec; s != nil {
		add("title", s.Title, "")
		add("date", s.Date, "")
		if s.FirstVerbatim && len(s.FirstParagraph) >= 60 {
			add("body-with", strings.ToValidUTF8(s.FirstParagraph[:60], ""), "")
		}
	}
	if s := e.Eval; s != nil {
		add("title", s.Title, "")
		add("date", s.Date, "")
		add("byline", s.Author, "")
		for _, w := range s.With {
			add("body-with", w, "")
		}
		for _, w := range s.Without {
			add("body-without", w, "")
		}
	}
	if s := e.Readability; s != nil {
		add("title", s.Metadata.Title, "")
		if s.Metadata.Published != nil {
			add("date", *s.Metadata.Published, "")
		}
		if s.Metadata.Byline != nil {
			add("byline", *s.Metadata.Byline, s.Metadata.SiteName)
		}
	}
	return out
}

// TestManifestMetadata checks title, date and byline against the expected
// values in the shared news-html manifest and prints the share right.
func TestManifestMetadata(t *testing.T) {
	dir := filepath.Join(sharedDir, "news-html")
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Skipf("manifest not found in %s: skipping the evaluation", dir)
	}
	var entries []manifestEntry
	require.NoError(t, json.Unmarshal(b, &entries))
	total, right := 0, 0
	perField := map[string][2]int{}
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.File))
		require.NoError(t, err)
		url := e.URL
		if e.Spec != nil && url == "" {
			url = e.Spec.URL
		}
		res, err := Extract(raw, Options{URL: url})
		require.NoError(t, err, e.File)
		require.NotContains(t, res.Title+res.Text, "\uFFFD", e.File)
		require.NotContains(t, res.Title+res.Text, "Â£", e.File)
		for _, sym := range []string{"£", "€"} {
			if strings.Contains(e.HTMLTitle, sym) {
				require.Contains(t, res.Title, sym, "%s: charset decoding lost %s", e.File, sym)
			}
		}
		for _, x := range e.expectations() {
			ok, got := x.check(res)
			total++
			c := perField[x.field]
			c[0]++
			if ok {
				right++
				c[1]++
			} else {
				t.Logf("WRONG %s %s: want %q got %q", e.File, x.field, x.want, got)
			}
			perField[x.field] = c
		}
	}
	for f, c := range perField {
		t.Logf("%-6s %d/%d right", f, c[1], c[0])
	}
	metaTotal, metaRight := 0, 0
	for f, c := range perField {
		if !strings.HasPrefix(f, "body") {
			metaTotal += c[0]
			metaRight += c[1]
		}
	}
	pct := 100 * float64(metaRight) / float64(metaTotal)
	t.Logf("manifest metadata (title, date, byline): %d/%d right (%.1f%%)", metaRight, metaTotal, pct)
	t.Logf("manifest all checks including body snippets: %d/%d right (%.1f%%)", right, total, 100*float64(right)/float64(total))
	require.GreaterOrEqual(t, pct, 95.0)
}

func (x expectation) check(r *Result) (bool, string) {
	switch x.field {
	case "title":
		return sameTitle(x.want, r.Title), r.Title
	case "body-with":
		return strings.Contains(normTitle(r.Text), normTitle(x.want)), fmt.Sprintf("%.80s", r.Text)
	case "body-without":
		return !strings.Contains(normTitle(r.Text), normTitle(x.want)), "present"
	case "date":
		return sameDate(x.want, r.Published), r.Published
	case "byline":
		got := strings.Join(r.Authors, "; ")
		want := splitExpectedByline(x.want)
		if x.site != "" && strings.EqualFold(x.want, x.site) {
			// An organisation byline: no person is named.
			return len(r.Authors) == 0 || strings.EqualFold(got, x.want), got
		}
		if len(want) != len(r.Authors) {
			return false, got
		}
		for i := range want {
			if !strings.EqualFold(want[i], r.Authors[i]) {
				return false, got
			}
		}
		return true, got
	}
	return false, ""
}

var (
	spaceRun   = regexp.MustCompile(`\s+`)
	titleSplit = regexp.MustCompile(`\s+[|\-–—]\s+[^|\-–—]+$`)
	forOrg     = regexp.MustCompile(`(?i)\s+for\s+(the\s+)?[A-Z].*$`)
)

func normTitle(s string) string {
	s = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`, "\u00a0", " ").Replace(s)
	return strings.ToLower(strings.TrimSpace(spaceRun.ReplaceAllString(s, " ")))
}

// sameTitle accepts the expected title or the expected title without a
// trailing " | Author" or " - Site" part (readability keeps those).
func sameTitle(want, got string) bool {
	w, g := normTitle(want), normTitle(got)
	return w == g || (g != "" && normTitle(titleSplit.ReplaceAllString(want, "")) == g)
}

// splitExpectedByline turns "A And B For The Paper" into ["A", "B"].
func splitExpectedByline(s string) []string {
	s = forOrg.ReplaceAllString(s, "")
	var out []string
	for _, p := range regexp.MustCompile(`(?i)\s+and\s+|,\s*`).Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var expectedDateLayouts = []string{
	"Jan 02 15:04:05 -0700 2006", "Mon Jan 02 15:04:05 -0700 2006", "January 02 15:04:05 -0700 2006",
	"Mon 2 Jan 2006 15:04:05 MST", "Monday 2 January 2006 15:04:05 MST", "Jan 02 2006",
	time.RFC3339, "2006-01-02T15:04:05.000Z07:00", "2006-01-02",
}

// sameDate reports whether got (ISO 8601) falls on the expected day, either
// in the expected value's own zone or in UTC.
func sameDate(want, got string) bool {
	if got == "" {
		return false
	}
	var w time.Time
	var err error
	for _, l := range expectedDateLayouts {
		if w, err = time.Parse(l, want); err == nil {
			break
		}
	}
	if err != nil {
		panic(fmt.Sprintf("unparsed expected date %q", want))
	}
	gotDay := got
	if len(gotDay) > 10 {
		gotDay = gotDay[:10]
	}
	if w.Format("2006-01-02") == gotDay || w.UTC().Format("2006-01-02") == gotDay {
		return true
	}
	if g, err := time.Parse(time.RFC3339, got); err == nil {
		return g.UTC().Format("2006-01-02") == w.UTC().Format("2006-01-02")
	}
	return false
}
