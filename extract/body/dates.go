package body

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// publishedKeys are meta names and properties that carry the publication
// date, most reliable first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "article:published", "datepublished",
	"published_time", "publishdate", "publish-date", "publish_date", "pubdate", "og:pubdate",
	"parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
	"dc.date", "citation_publication_date", "originalpublicationdate", "article.published",
	"date", "rnews:datepublished", "bt:pubdate", "ptime",
}

// modifiedKeys carry the last-modified date.
var modifiedKeys = []string{
	"article:modified_time", "og:updated_time", "datemodified", "article:modified",
	"lastmod", "last-modified", "dcterms.modified", "utime", "revised",
}

// Selectors of the elements that show dates. They are compiled once, not
// on every search as goquery's Find does.
var (
	publishedSelector   = cascadia.MustCompile(`[itemprop="datePublished"], time[pubdate], [property="datePublished"]`)
	modifiedSelector    = cascadia.MustCompile(`[itemprop="dateModified"]`)
	timeElementSelector = cascadia.MustCompile("article time[datetime], header time[datetime], main time[datetime], time[datetime]")
	visibleDateSelector = cascadia.MustCompile(`time, [class*="date"], [class*="byline"], [class*="published"], [class*="timestamp"], [class*="posted"], [class*="meta"]`)
)

// pickDates returns the published and modified dates as ISO 8601 strings,
// from JSON-LD, meta tags and schema.org markup (fillMetadata falls back on
// <time> elements and the URL).
func pickDates(ix *pageIndex, tags metaTags, ld linkedData) (published, modified string) {
	published = normDate(ld.Published)
	for _, k := range publishedKeys {
		if published != "" {
			break
		}
		published = normDate(tags[k])
	}
	if published == "" {
		for _, n := range ix.elems {
			if !dated(n) || !publishedSelector.Match(n) {
				continue
			}
			s := ix.sel(n)
			if published = normDate(firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", ""), s.Text())); published != "" {
				break
			}
		}
	}
	modified = normDate(ld.Modified)
	for _, k := range modifiedKeys {
		if modified != "" {
			break
		}
		modified = normDate(tags[k])
	}
	if modified == "" {
		for _, n := range ix.elems {
			if !dated(n) || !modifiedSelector.Match(n) {
				continue
			}
			s := ix.sel(n)
			if modified = normDate(firstNonEmpty(s.AttrOr("datetime", ""), s.AttrOr("content", ""))); modified != "" {
				break
			}
		}
	}
	if len(modified) >= 10 && len(published) >= 10 && modified[:10] < published[:10] {
		modified = ""
	}
	return published, modified
}

// timeElementDate returns the first <time datetime> inside the article or
// its header, used when nothing better is known.
func timeElementDate(doc *goquery.Document) string {
	var d string
	doc.FindMatcher(timeElementSelector).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.ClosestMatcher(outsideStory).Length() > 0 {
			return true
		}
		d = normDate(s.AttrOr("datetime", ""))
		return d == ""
	})
	return d
}

var (
	urlDateYMD  = regexp.MustCompile(`/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[-_])`)
	urlDateYMon = regexp.MustCompile(`(?i)/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(0?[1-9]|[12]\d|3[01])/`)
	urlDateComp = regexp.MustCompile(`[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[/_.-]`)
)

// urlDate reads a date from a URL path such as /2019/11/18/ or /2019/nov/03/.
func urlDate(u string) string {
	if m := urlDateYMD.FindStringSubmatch(u); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	if m := urlDateYMon.FindStringSubmatch(u); m != nil {
		return ymd(m[1], monthNumber(m[2]), m[3])
	}
	if m := urlDateComp.FindStringSubmatch(u); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	return ""
}

// ymd formats numeric year, month and day strings as an ISO date, or "" if
// they are not a real date.
func ymd(y, m, d string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if t.Day() != di || t.Month() != time.Month(mi) {
		return ""
	}
	return t.Format("2006-01-02")
}

// dateLayout is a layout normDate tries, with what it carries.
type dateLayout struct {
	layout         string
	hasTime, hasTZ bool
}

var dateLayouts = []dateLayout{
	{time.RFC3339Nano, true, true},
	{"2006-01-02T15:04:05Z0700", true, true},
	{"2006-01-02T15:04:05.999999999Z0700", true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02T15:04:05", true, false},
	{"2006-01-02T15:04:05.999999999", true, false},
	{"2006-01-02T15:04", true, false},
	{"2006-01-02 15:04:05Z07:00", true, true},
	{"2006-01-02 15:04:05 -0700", true, true},
	{"2006-01-02 15:04:05 MST", true, true},
	{"2006-01-02 15:04:05", true, false},
	{"2006-01-02 15:04", true, false},
	{"2006-01-02", false, false},
	{"2006/01/02 15:04:05", true, false},
	{"2006/01/02", false, false},
	{"20060102", false, false},
	{time.RFC1123Z, true, true},
	{time.RFC1123, true, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true, true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true, true},
	{"January 2, 2006 15:04", true, false},
	{"January 2, 2006", false, false},
	{"Jan 2, 2006", false, false},
	{"2 January 2006", false, false},
	{"2 Jan 2006", false, false},
	{"Monday 2 January 2006", false, false},
	{"Monday, January 2, 2006", false, false},
	{"02/01/2006", false, false},
}

// normDate parses a date in one of the common machine formats and returns
// it as ISO 8601: a date, a local date-time, or a date-time with offset.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1990 || t.Year() > 2100 {
			return ""
		}
		switch {
		case !l.hasTime:
			return t.Format("2006-01-02")
		case !l.hasTZ:
			return t.Format("2006-01-02T15:04:05")
		default:
			return t.Format(time.RFC3339)
		}
	}
	// A longer value that starts with an ISO date, e.g. with odd time text.
	if len(s) >= 10 {
		if m := isoDatePrefix.FindStringSubmatch(s); m != nil {
			return ymd(m[1], m[2], m[3])
		}
	}
	return ""
}

var isoDatePrefix = regexp.MustCompile(`^((?:19|20)\d{2})-(\d{2})-(\d{2})`)

var (
	datelineMDY = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
	datelineDMY = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b`)
	datelineISO = regexp.MustCompile(`\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
)

// monthNumber turns a month name or abbreviation into "1" to "12".
func monthNumber(name string) string {
	return strconv.Itoa(strings.Index("janfebmaraprmayjunjulaugsepoctnovdec", strings.ToLower(name[:3]))/3 + 1)
}

// parseDateline finds an English or ISO date in visible text such as
// "Monday, November 18, 2019" or "Updated 4 October 2023, 10:02".
func parseDateline(s string) string {
	if m := datelineMDY.FindStringSubmatch(s); m != nil {
		return ymd(m[3], monthNumber(m[1]), m[2])
	}
	if m := datelineDMY.FindStringSubmatch(s); m != nil {
		return ymd(m[3], monthNumber(m[2]), m[1])
	}
	if m := datelineISO.FindStringSubmatch(s); m != nil {
		return ymd(m[1], m[2], m[3])
	}
	return ""
}

// visibleDate reads the first date shown in a dateline, byline or time
// element outside navigation, footers and lists of other stories. It must
// run before boilerplate pruning, which removes bylines.
func visibleDate(ix *pageIndex) string {
	for _, n := range ix.elems {
		if !dateline(n) || !visibleDateSelector.Match(n) || closest(n, outsideStoryRecent) != nil {
			continue
		}
		t := spacedText(ix.sel(n))
		if t == "" || len(t) > 120 {
			continue
		}
		if d := parseDateline(t); d != "" {
			return d
		}
	}
	return ""
}
