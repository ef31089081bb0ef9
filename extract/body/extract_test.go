package body

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

// update rewrites the golden files in testdata.
var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// readFixture reads a file from testdata.
func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

// checkInvariants asserts what every Result must satisfy.
func checkInvariants(t *testing.T, r *Result) {
	t.Helper()
	require.True(t, utf8.ValidString(r.Text), "text is not valid UTF-8")
	prev := 0
	for i, b := range r.Blocks {
		require.LessOrEqual(t, prev, b.Start, "block %d out of order", i)
		require.Less(t, b.Start, b.End, "block %d empty", i)
		require.LessOrEqual(t, b.End, len(r.Text), "block %d past text", i)
		require.Equal(t, strings.TrimSpace(r.Text[b.Start:b.End]), r.Text[b.Start:b.End], "block %d untrimmed", i)
		require.NotContains(t, r.Text[b.Start:b.End], "\n\n", "block %d spans paragraphs", i)
		prev = b.End
	}
	if r.Text != "" {
		require.Equal(t, len(r.Blocks), strings.Count(r.Text, "\n\n")+1, "one block per paragraph")
	}
}

// blockTexts returns the text of each block of the given kind.
func blockTexts(r *Result, kind BlockKind) []string {
	var out []string
	for _, b := range r.Blocks {
		if b.Kind == kind {
			out = append(out, r.Text[b.Start:b.End])
		}
	}
	return out
}

func TestExtractFixtures(t *testing.T) {
	tests := []struct {
		name        string
		file        string
		url         string
		contains    []string
		notContains []string
		title       string
		site        string
		canonical   string
		language    string
		authors     []string
		published   string
		modified    string
		headings    []string
		quotes      []string
		lists       []string
		warnings    []string
		noWarnings  []string
	}{
		{
			name: "local news page with boilerplate",
			file: "local_news.html",
			contains: []string{
				"Ashby General Hospital postponed 312 planned operations",
				`Chief executive Helen Okafor said: "We are sorry`,
				"contact them directly with a new date.",
			},
			notContains: []string{
				"We use cookies", "Accept all cookies", "Advertisement", "50% off",
				"Related stories", "Car park charges", "Share on Facebook", "Most read",
				"All rights reserved", "Picture: Gazette archive", "Home", "By Priya Nair",
				"Hospital postpones 312 operations as nurses strike",
			},
			title:      "Hospital postpones 312 operations as nurses strike",
			site:       "Ashby Gazette",
			canonical:  "https://www.ashbygazette.example/news/24100001.hospital-postpones-312-operations/",
			language:   "en",
			authors:    []string{"Priya Nair", "Tom Hale"},
			published:  "2023-10-04T07:15:00+01:00",
			modified:   "2023-10-04T09:40:00+01:00",
			headings:   []string{"Unions say more action is planned"},
			lists:      []string{"Orthopaedic surgery accounted for 118 of the postponed operations.", "Ophthalmology accounted for 64."},
			noWarnings: []string{WarnShort, WarnEmpty, WarnNoDate, WarnCharsetGuessed},
		},
		{
			name: "live blog with block quotes",
			file: "live_blog.html",
			contains: []string{
				"The health secretary has responded",
				"Picket lines have formed outside hospitals",
				"Good morning and welcome to our live coverage",
			},
			notContains: []string{"Reader one said", "Comments"},
			title:       "Junior doctors' strike: day two – live updates",
			site:        "Northern Courier",
			authors:     []string{"Sam Ortiz", "Leah Bright"},
			published:   "2024-01-04T08:00:00Z",
			quotes: []string{
				"Every cancelled appointment is a patient waiting longer for care, and I urge the union to return to talks.",
				"We did not want to be here. We want to be on the wards looking after patients, but the government has left us no choice.",
				"Our pay has fallen by a quarter in real terms since 2008.",
			},
			noWarnings: []string{WarnEmpty, WarnNoDate},
		},
		{
			name:      "video page is not an article",
			file:      "video_page.html",
			contains:  []string{"More than forty volunteers"},
			title:     "Volunteers clear flood debris from Ashby park",
			published: "2024-03-02T14:00:00Z",
			warnings:  []string{WarnVideo, WarnShort},
		},
		{
			name:        "index page is not an article",
			file:        "index_page.html",
			url:         "https://www.ashbygazette.example/news/",
			notContains: []string{"© 2023"},
			site:        "Ashby Gazette",
			canonical:   "https://www.ashbygazette.example/news/",
			warnings:    []string{WarnNoDate},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(readFixture(t, tc.file), Options{URL: tc.url})
			require.NoError(t, err)
			checkInvariants(t, r)
			for _, s := range tc.contains {
				assert.Contains(t, r.Text, s)
			}
			for _, s := range tc.notContains {
				assert.NotContains(t, r.Text, s)
			}
			if tc.title != "" {
				assert.Equal(t, tc.title, r.Title)
			}
			if tc.site != "" {
				assert.Equal(t, tc.site, r.Site)
			}
			if tc.canonical != "" {
				assert.Equal(t, tc.canonical, r.Canonical)
			}
			if tc.language != "" {
				assert.Equal(t, tc.language, r.Language)
			}
			if tc.authors != nil {
				assert.Equal(t, tc.authors, r.Authors)
			}
			if tc.published != "" {
				assert.Equal(t, tc.published, r.Published)
			}
			if tc.modified != "" {
				assert.Equal(t, tc.modified, r.Modified)
			}
			for _, h := range tc.headings {
				assert.Contains(t, blockTexts(r, KindHeading), h)
			}
			for _, q := range tc.quotes {
				assert.Contains(t, blockTexts(r, KindQuote), q)
			}
			for _, l := range tc.lists {
				assert.Contains(t, blockTexts(r, KindList), l)
			}
			for _, w := range tc.warnings {
				assert.Contains(t, r.Warnings, w)
			}
			for _, w := range tc.noWarnings {
				assert.NotContains(t, r.Warnings, w)
			}
			checkGolden(t, strings.TrimSuffix(tc.file, ".html"), r)
		})
	}
}

// checkGolden compares a Result with testdata/NAME.golden.json, or rewrites
// the file under -update.
func checkGolden(t *testing.T, name string, r *Result) {
	t.Helper()
	got, err := json.MarshalIndent(r, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got))
}

func TestExtractNonArticleWarns(t *testing.T) {
	r, err := Extract(readFixture(t, "index_page.html"), Options{})
	require.NoError(t, err)
	assert.Less(t, utf8.RuneCountInString(r.Text), minArticleRunes)
	assert.True(t, containsAny(r.Warnings, WarnShort, WarnEmpty), "warnings: %v", r.Warnings)
}

func containsAny(list []string, want ...string) bool {
	for _, l := range list {
		for _, w := range want {
			if l == w {
				return true
			}
		}
	}
	return false
}

func TestExtractCharsets(t *testing.T) {
	const body = `<p>The trust said the new car park would cost £4.2m and open in the spring, with 400 spaces for patients and visitors to the hospital.</p>`
	latin1 := func(s string) []byte {
		b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
		require.NoError(t, err)
		return b
	}
	tests := []struct {
		name        string
		raw         []byte
		contentType string
		want        string
		warning     string
	}{
		{
			name: "meta charset iso-8859-1",
			raw:  latin1(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Car park to cost £4.2m</title></head><body>` + body + `</body></html>`),
			want: "£4.2m",
		},
		{
			name: "meta charset declared after 1024 bytes",
			raw:  latin1(`<html><head><!--` + strings.Repeat(" padding ", 150) + `--><meta charset="iso-8859-1"><title>Car park to cost £4.2m</title></head><body>` + body + `</body></html>`),
			want: "£4.2m",
		},
		{
			name:        "content type header wins",
			raw:         latin1(`<html><head><title>Car park to cost £4.2m</title></head><body>` + body + `</body></html>`),
			contentType: "text/html; charset=ISO-8859-1",
			want:        "£4.2m",
		},
		{
			name:        "latin-1 mislabelled utf-8 by the server",
			raw:         latin1(`<html><head><title>Car park to cost £4.2m</title></head><body>` + body + `</body></html>`),
			contentType: "text/html; charset=utf-8",
			want:        "£4.2m",
			warning:     WarnCharsetGuessed,
		},
		{
			name:    "undeclared latin-1 is guessed",
			raw:     latin1(`<html><head><title>Car park to cost £4.2m</title></head><body>` + body + `</body></html>`),
			want:    "£4.2m",
			warning: WarnCharsetGuessed,
		},
		{
			name: "undeclared utf-8",
			raw:  []byte(`<html><head><title>Car park to cost £4.2m</title></head><body>` + body + `</body></html>`),
			want: "£4.2m",
		},
		{
			name: "utf-8 with stray invalid bytes",
			raw:  []byte("<html><head><meta charset=\"utf-8\"><title>Car park to cost £4.2m</title></head><body>" + strings.Replace(body, "spring", "spr\xffing", 1) + "</body></html>"),
			want: "£4.2m",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.raw, Options{ContentType: tc.contentType})
			require.NoError(t, err)
			checkInvariants(t, r)
			assert.Contains(t, r.Text, tc.want)
			assert.Equal(t, "Car park to cost £4.2m", r.Title)
			assert.NotContains(t, r.Text, "\uFFFD")
			if tc.warning != "" {
				assert.Contains(t, r.Warnings, tc.warning)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write(readFixture(t, "local_news.html"))
	require.NoError(t, zw.Close())
	tests := []struct {
		name    string
		raw     []byte
		wantErr error
	}{
		{name: "empty", raw: nil, wantErr: ErrEmpty},
		{name: "white space", raw: []byte(" \n\t "), wantErr: ErrEmpty},
		{name: "png", raw: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: ErrNotHTML},
		{name: "binary junk", raw: bytes.Repeat([]byte{0x00, 0x01, 0x02, 0xfe, 0x10}, 400), wantErr: ErrNotHTML},
		{name: "corrupt gzip", raw: []byte{0x1f, 0x8b, 0x08, 0x00, 0x01}, wantErr: ErrUnreadable},
		{name: "gzip page", raw: gz.Bytes()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract(tc.raw, Options{})
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				assert.Nil(t, r)
				return
			}
			require.NoError(t, err)
			assert.Contains(t, r.Text, "Ashby General Hospital postponed 312 planned operations")
		})
	}
}

func TestExtractHostile(t *testing.T) {
	para := "<p>Nurses at the hospital walked out on Tuesday morning after talks with the trust broke down over pay and staffing levels.</p>"
	tests := []struct {
		name    string
		raw     string
		want    string
		warning string
	}{
		{name: "100,000 nested divs", raw: strings.Repeat("<div>", 100000) + para + strings.Repeat("</div>", 100000), want: "Nurses at the hospital", warning: WarnTooManyTags},
		{name: "10,000 nested divs", raw: strings.Repeat("<div>", 10000) + para + strings.Repeat("</div>", 10000), want: "Nurses at the hospital", warning: WarnFlattened},
		{name: "100,000 unclosed formatting tags", raw: "<p>" + strings.Repeat("<b><i>", 50000) + "Nurses at the hospital walked out.", want: "Nurses at the hospital"},
		{name: "NUL bytes", raw: "<html><body>" + strings.ReplaceAll(para, " ", " \x00") + "</body></html>", want: "Nurses"},
		{name: "huge page", raw: "<html><body>" + strings.Repeat(para, 120000) + "</body></html>", want: "Nurses at the hospital", warning: WarnTruncated},
		{name: "a million tiny elements", raw: "<html><body>" + strings.Repeat("<p>a</p><span>b</span>", 250000) + para + "</body></html>", want: "", warning: WarnTooManyTags},
		{name: "unterminated comment and script", raw: "<html><body>" + para + "<script>var x = '<!--" + strings.Repeat("x", 10000), want: "Nurses at the hospital"},
		{name: "plain text without markup", raw: strings.Repeat("Nurses at the hospital walked out on Tuesday. ", 80000), want: "Nurses at the hospital"},
		{name: "many attributes", raw: "<p " + strings.Repeat(`data-x="1" `, 200000) + ">Nurses at the hospital walked out.</p>", want: "Nurses at the hospital"},
		{name: "deep tables", raw: strings.Repeat("<table><tr><td>", 20000) + para, want: "Nurses at the hospital"},
		{name: "broken json-ld", raw: `<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":[[[[[[[[[[{"name":` + strings.Repeat("[", 5000) + `</script></head><body>` + para + `</body></html>`, want: "Nurses"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Extract([]byte(tc.raw), Options{})
			require.NoError(t, err)
			checkInvariants(t, r)
			assert.Contains(t, r.Text+r.Title, tc.want)
			if tc.warning != "" {
				assert.Contains(t, r.Warnings, tc.warning)
			}
		})
	}
}

func TestNthIndexByte(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		want int
	}{
		{"<a><b><c>", 1, 0}, {"<a><b><c>", 3, 6}, {"<a><b><c>", 4, -1}, {"", 1, -1},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, nthIndexByte(tc.s, '<', tc.n), "%q %d", tc.s, tc.n)
	}
}

func TestFromText(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  string
		paras int
	}{
		{name: "crlf and blank lines", in: "\r\n  First line\r\nsame paragraph.\r\n\r\n\r\nSecond paragraph.  \r\n", want: "First line same paragraph.\n\nSecond paragraph.", paras: 2},
		{name: "white-space-only lines separate", in: "One.\n \t \nTwo.", want: "One.\n\nTwo.", paras: 2},
		{name: "empty", in: " \n\n ", want: "", paras: 0},
		{name: "invalid utf-8", in: "Caf\xe9 open.", want: "Caf\uFFFD open.", paras: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := FromText(tc.in)
			checkInvariants(t, r)
			assert.Equal(t, tc.want, r.Text)
			assert.Len(t, r.Blocks, tc.paras)
		})
	}
}

func TestCleanAuthors(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{name: "by prefix and and", in: []string{"By Jane Smith and Tom Brown"}, want: []string{"Jane Smith", "Tom Brown"}},
		{name: "for the paper", in: []string{"Glen Owen And Brendan Carlin For The Mail On Sunday"}, want: []string{"Glen Owen", "Brendan Carlin"}},
		{name: "comma list deduplicated", in: []string{"April Roach, Daniel O'Mahony", "april roach"}, want: []string{"April Roach", "Daniel O'Mahony"}},
		{name: "job title dropped", in: []string{"Sarah Jones, Health Correspondent"}, want: []string{"Sarah Jones"}},
		{name: "organisation dropped", in: []string{"BBC News"}, want: nil},
		{name: "profile url", in: []string{"https://www.example.com/profile/richard-adams"}, want: []string{"Richard Adams"}},
		{name: "upper case", in: []string{"BY JOHN O'NEILL"}, want: []string{"John O'Neill"}},
		{name: "email dropped", in: []string{"news@example.com"}, want: nil},
		{name: "credentials dropped", in: []string{"Rachael Link, MS, RD"}, want: []string{"Rachael Link"}},
		{name: "agency after full stop", in: []string{"Finian Cunningham. Sputnik International"}, want: []string{"Finian Cunningham"}},
		{name: "initial kept", in: []string{"Sarah E. Needleman"}, want: []string{"Sarah E. Needleman"}},
		{name: "analysis by", in: []string{"Analysis by Chris Cillizza"}, want: []string{"Chris Cillizza"}},
		{name: "not a name", in: []string{"The Russian and Syrian defense ministries"}, want: nil},
		{name: "agency in capitals", in: []string{"PTI"}, want: nil},
		{name: "particle", in: []string{"Ludwig van Beethoven"}, want: []string{"Ludwig van Beethoven"}},
		{name: "date after name", in: []string{"Jeff Foust Monday, November 18, 2019"}, want: []string{"Jeff Foust"}},
		{name: "month date after name", in: []string{"By Ann Lee Nov. 18, 2019"}, want: []string{"Ann Lee"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, cleanAuthors(tc.in))
		})
	}
}

func TestDropSiteAuthors(t *testing.T) {
	assert.Equal(t, []string{"Sandee LaMotte"}, dropSiteAuthors([]string{"Sandee LaMotte", "CNN"}, "", "edition.cnn.com"))
	assert.Equal(t, []string{"Tanza Loudenback"}, dropSiteAuthors([]string{"Tanza Loudenback", "Business Insider"}, "Business Insider", "businessinsider.com"))
}

func TestNormDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-10-04T07:15:00+01:00", "2023-10-04T07:15:00+01:00"},
		{"2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02Z"},
		{"2023-10-04", "2023-10-04"},
		{"2023-10-04 07:15:00", "2023-10-04T07:15:00"},
		{"Wed, 04 Oct 2023 07:15:00 +0100", "2023-10-04T07:15:00+01:00"},
		{"4 October 2023", "2023-10-04"},
		{"2023-10-04T07:15:00+0100", "2023-10-04T07:15:00+01:00"},
		{"not a date", ""},
		{"1066-10-14", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, normDate(tc.in))
		})
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Monday, November 18, 2019", "2019-11-18"},
		{"Updated 4th October 2023, 10:02", "2023-10-04"},
		{"Nov. 3, 2019 at 5pm", "2019-11-03"},
		{"Posted 2018/09/27", "2018-09-27"},
		{"February 30, 2019", ""},
		{"Contact us", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, parseDateline(tc.in))
		})
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.theguardian.com/politics/2019/nov/03/story", "2019-11-03"},
		{"https://example.com/2019/11/18/story/", "2019-11-18"},
		{"https://example.com/news/20191118-story.html", "2019-11-18"},
		{"https://example.com/2019/02/30/story/", ""},
		{"https://example.com/news/story-123", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, urlDate(tc.in))
		})
	}
}

func TestStripSiteParts(t *testing.T) {
	tests := []struct{ title, site, host, want string }{
		{"Council admits bus cuts are its 'biggest regret' - BBC News", "BBC News", "bbc.co.uk", "Council admits bus cuts are its 'biggest regret'"},
		{"BBC NEWS | England | Leeds | Driver charged after depot fire", "", "news.bbc.co.uk", "Driver charged after depot fire"},
		{"Lord Burns quits amid privatisation fears | Media | News | The Independent", "", "independent.co.uk", "Lord Burns quits amid privatisation fears"},
		{"Brexit - what happens next | The Guardian", "the Guardian", "theguardian.com", "Brexit - what happens next"},
		{"China media: Military might", "", "bbc.co.uk", "China media: Military might"},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			assert.Equal(t, tc.want, stripSiteParts(tc.title, tc.site, tc.host))
		})
	}
}

func TestRecoverBody(t *testing.T) {
	page := `<html><body><main>
<article>
<div class="story-body"><p>The children's ward at Wold General reopened on Monday after eight weeks of repairs to its heating system.</p>
<p>Parents had been asked to take children to the county hospital, forty minutes away, while the work was carried out.</p></div>
<div class="ad-slot"><p>Advertisement: get fifty per cent off a digital subscription to the Wold Echo this month only.</p></div>
<div class="story-body"><p>The trust said the repairs had cost £1.2m and that the ward's <a href="/x">twelve beds</a> were all back in use this week.</p>
<p>A spokesperson thanked families for their patience and said the new boilers would be serviced every six months.</p></div>
</article>
<article>
<div class="story-body"><p>Parking charges at Wold General will rise by twenty pence an hour from April, the trust has announced this morning.</p></div>
</article>
</main></body></html>`
	doc, _, err := parseHTML(page)
	require.NoError(t, err)
	para := func(s string) paragraph { return paragraph{kind: KindParagraph, text: s} }
	tests := []struct {
		name string
		in   []paragraph
		want []string
	}{
		{
			name: "second container appended",
			in: []paragraph{
				para("The children's ward at Wold General reopened on Monday after eight weeks of repairs to its heating system."),
				para("Parents had been asked to take children to the county hospital, forty minutes away, while the work was carried out."),
			},
			want: []string{
				"The children's ward at Wold General reopened on Monday after eight weeks of repairs to its heating system.",
				"Parents had been asked to take children to the county hospital, forty minutes away, while the work was carried out.",
				"The trust said the repairs had cost £1.2m and that the ward's twelve beds were all back in use this week.",
				"A spokesperson thanked families for their patience and said the new boilers would be serviced every six months.",
			},
		},
		{
			name: "paragraph cut at a link completed",
			in: []paragraph{
				para("The children's ward at Wold General reopened on Monday after eight weeks of repairs to its heating system."),
				para("Parents had been asked to take children to the county hospital, forty minutes away, while the work was carried out."),
				para("The trust said the repairs had cost £1.2m and that the ward's"),
				para("A spokesperson thanked families for their patience and said the new boilers would be serviced every six months."),
			},
			want: []string{
				"The children's ward at Wold General reopened on Monday after eight weeks of repairs to its heating system.",
				"Parents had been asked to take children to the county hospital, forty minutes away, while the work was carried out.",
				"The trust said the repairs had cost £1.2m and that the ward's twelve beds were all back in use this week.",
				"A spokesperson thanked families for their patience and said the new boilers would be serviced every six months.",
			},
		},
		{
			name: "one paragraph is too little to go on",
			in:   []paragraph{para("The children's ward at Wold General reopened on Monday after eight weeks of repairs to its heating system.")},
			want: []string{"The children's ward at Wold General reopened on Monday after eight weeks of repairs to its heating system."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, p := range recoverBody(doc, tc.in) {
				got = append(got, p.text)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestDensestBlock(t *testing.T) {
	page := `<html><body><table><tr><td class="nav"><a href="/">Home</a> <a href="/uk">UK</a></td>
<td class="storybody"><p><b>The county council has approved a new bus route linking three villages to the hospital.</b></p>
<table><tr><td><a href="/a">Related: bus fares to rise</a></td></tr></table>
<p>The route will run every two hours on weekdays from next month, the council said on Tuesday evening.</p>
<h3>Funding</h3>
<p>It is paid for by a two-year grant from the transport fund, and will be reviewed before the grant ends.</p>
</td></tr></table></body></html>`
	doc, _, err := parseHTML(page)
	require.NoError(t, err)
	var got []string
	for _, p := range densestBlock(doc) {
		got = append(got, string(p.kind)+": "+p.text)
	}
	assert.Equal(t, []string{
		"paragraph: The county council has approved a new bus route linking three villages to the hospital.",
		"paragraph: The route will run every two hours on weekdays from next month, the council said on Tuesday evening.",
		"heading: Funding",
		"paragraph: It is paid for by a two-year grant from the transport fund, and will be reviewed before the grant ends.",
	}, got)
}

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		markup string
		want   bool
	}{
		{`<div class="comments-section">x</div>`, true},
		{`<div class="commentary-body">x</div>`, false},
		{`<div class="ad ad--rail">x</div>`, true},
		{`<div class="header">x</div>`, false},
		{`<div class="article-head__lede">x</div>`, false},
		{`<div class="story ad__slot">x</div>`, true},
		{`<div id="ad-slot-3">x</div>`, true},
		{`<div class="d-none">x</div>`, true},
		{`<div class="d-none d-md-block">x</div>`, false},
		{`<div class="social-media-embed">x</div>`, false},
		{`<div id="cookie-consent">x</div>`, true},
		{`<div style="display: none">x</div>`, true},
		{`<figcaption>x</figcaption>`, true},
		{`<article class="related">x</article>`, false},
		{`<p class="article-text">x</p>`, false},
	}
	for _, tc := range tests {
		t.Run(tc.markup, func(t *testing.T) {
			doc, _, err := parseHTML("<html><body>" + tc.markup + "</body></html>")
			require.NoError(t, err)
			var el *html.Node
			var find func(n *html.Node)
			find = func(n *html.Node) {
				for c := n.FirstChild; c != nil && el == nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data != "html" && c.Data != "head" && c.Data != "body" {
						el = c
						return
					}
					find(c)
				}
			}
			find(doc)
			require.NotNil(t, el)
			assert.Equal(t, tc.want, isBoilerplate(el, boilerName))
		})
	}
}
