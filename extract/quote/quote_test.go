package quote

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New(Config{})
	require.NoError(t, err)
	return e
}

// invented sentences, one per speaker shape
func TestExtractSpeakers(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		orgs    []string // organisation names to mark wherever they occur
		want    string   // the quote (or its start)
		speaker string
		kind    string
	}{
		{
			name:    "X said colon",
			text:    `Health Secretary Mark Dellow said: "We will not reopen the pay deal this year whatever happens."`,
			want:    "We will not reopen the pay deal",
			speaker: "Mark Dellow", kind: "direct",
		},
		{
			name:    "said X inverted",
			text:    `“We cannot keep cancelling operations like this,” said Dame Olivia Tranter.`,
			want:    "We cannot keep cancelling operations",
			speaker: "Olivia Tranter", kind: "direct",
		},
		{
			name:    "quote then X said",
			text:    `"The ward has never been this busy in winter," Kofi Mensah said on Tuesday.`,
			want:    "The ward has never been this busy",
			speaker: "Kofi Mensah", kind: "direct",
		},
		{
			name:    "appositive title and organisation",
			text:    `Priya Lal, chief executive of Northwold Hospitals NHS Trust, said: "Our staff have worked around the clock to keep services open."`,
			want:    "Our staff have worked around the clock",
			speaker: "Priya Lal", kind: "direct",
		},
		{
			name:    "possessive role then name",
			text:    `The trust's medical director, Tom Ashby, said: "Patients should still attend their appointments unless told otherwise."`,
			want:    "Patients should still attend",
			speaker: "Tom Ashby", kind: "direct",
		},
		{
			name:    "according to",
			text:    `The walkout will be the longest yet, according to Lena Fischer, who said "nobody wants to be on a picket line in January".`,
			want:    "nobody wants to be on a picket line",
			speaker: "Lena Fischer", kind: "partial",
		},
		{
			name:    "told the BBC",
			text:    `“It is the hardest decision I have ever made,” Sam Okafor told the BBC.`,
			want:    "It is the hardest decision",
			speaker: "Sam Okafor", kind: "direct",
		},
		{
			name:    "wrote",
			text:    "Gemma Royle wrote on her blog: “The rota had gaps for weeks before anyone noticed them.”",
			want:    "The rota had gaps for weeks",
			speaker: "Gemma Royle", kind: "direct",
		},
		{
			name:    "partial quote in reported speech",
			text:    `Mr Dellow said doctors had "received a fair and generous settlement from the review body".`,
			want:    "received a fair and generous settlement",
			speaker: "Dellow", kind: "partial",
		},
		{
			name:    "honorific resolves to the full name given earlier",
			text:    "Steve Harland, the health secretary, visited the hospital.\n\nMr Harland said: \"I have seen the pressure staff are under today.\"",
			want:    "I have seen the pressure",
			speaker: "Steve Harland", kind: "direct",
		},
		{
			name:    "professor resolves to the full name",
			text:    "Professor Ruth Caddick chairs the council.\n\nProf Caddick added: \"The longer this goes on, the worse the backlog gets.\"",
			want:    "The longer this goes on",
			speaker: "Ruth Caddick", kind: "direct",
		},
		{
			name:    "he added refers to the last speaker",
			text:    "Ian Brough, a consultant, said the ward was full.\n\nHe added: \"We had to turn away three ambulances in one hour.\"",
			want:    "We had to turn away three ambulances",
			speaker: "Ian Brough", kind: "direct",
		},
		{
			name:    "she said picks the woman",
			text:    "Anna Belton met Peter Crisp at the gates.\n\n\"We are not going anywhere until this is fixed,\" she said.",
			want:    "We are not going anywhere",
			speaker: "Anna Belton", kind: "direct",
		},
		{
			name:    "organisation speaks",
			text:    `The British Medical Association said the strikes "are about the future of the health service for all of us".`,
			orgs:    []string{"British Medical Association"},
			want:    "are about the future of the health service",
			speaker: "British Medical Association", kind: "partial",
		},
		{
			name:    "spokesperson for the trust",
			text:    "Northwold Hospitals NHS Trust cancelled 300 operations.\n\nA spokesperson for the trust said: \"We apologise to every patient affected by the cancellations.\"",
			orgs:    []string{"Northwold Hospitals NHS Trust"},
			want:    "We apologise to every patient",
			speaker: "Northwold Hospitals NHS Trust", kind: "direct",
		},
		{
			name:    "anonymous speaker",
			text:    `"We were told to come in or face the consequences," one nurse, who asked not to be named, said.`,
			want:    "We were told to come in",
			speaker: "", kind: "direct",
		},
		{
			name:    "speaker in the paragraph before",
			text:    "Ella Moreno, a paramedic for 12 years, said the queues were the longest she had seen.\n\n\"Crews were waiting outside for six hours with patients in the back.\"",
			want:    "Crews were waiting outside",
			speaker: "Ella Moreno", kind: "direct",
		},
		{
			name:    "split quote",
			text:    `“We can't go on like this,” said Sir Julian Marsh. “If the new strikes go ahead we face another month of disruption.”`,
			want:    "If the new strikes go ahead",
			speaker: "Julian Marsh", kind: "direct",
		},
		{
			name:    "party and state after a US name",
			text:    `"This bill will not pass the Senate," Sen. Maria Alvarez (D-Ariz.) said Friday.`,
			want:    "This bill will not pass the Senate",
			speaker: "Maria Alvarez", kind: "direct",
		},
		{
			name:    "pronoun skips the object of a preposition",
			text:    `Mark Dellow said praise from President Ivan Sorokin would not change his policy. He said Sorokin had "been a far stronger leader than ours for years".`,
			want:    "been a far stronger leader",
			speaker: "Mark Dellow", kind: "partial",
		},
		{
			name:    "comma inside the mark wins over an earlier verb",
			text:    `Paul Roffman told the paper the casino would struggle: "Once the cold winds blow, the crowds will go," Roffman predicted.`,
			want:    "Once the cold winds blow",
			speaker: "Paul Roffman", kind: "direct",
		},
		{
			name:    "double apostrophes as marks",
			text:    `''It's easy to bash the banks, and we hear a lot of it,'' Ms. Sherry said.`,
			want:    "It's easy to bash the banks",
			speaker: "Sherry", kind: "direct",
		},
		{
			name:    "dash byline",
			text:    "“The debate told me nothing new about either candidate.” ― Rosa Delgado",
			want:    "The debate told me nothing new",
			speaker: "Rosa Delgado", kind: "direct",
		},
	}
	e := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.Extract(tt.text, Options{Orgs: markOrgs(tt.text, tt.orgs)})
			q, ok := findQuote(res, tt.want)
			require.True(t, ok, "quote %q not found in %+v", tt.want, res.Quotes)
			assert.Equal(t, tt.speaker, q.Speaker)
			assert.Equal(t, tt.kind, q.Kind)
			assert.Equal(t, q.Text, tt.text[q.Start:q.End])
		})
	}
}

// markOrgs marks every occurrence of the names as an organisation.
func markOrgs(text string, names []string) []OrgRef {
	var out []OrgRef
	for _, n := range names {
		for i := 0; ; {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			out = append(out, OrgRef{Start: i + j, End: i + j + len(n), Name: n, Kind: "other"})
			i += j + len(n)
		}
	}
	return out
}

func findQuote(r Result, prefix string) (Quote, bool) {
	for _, q := range r.Quotes {
		if strings.HasPrefix(q.Text, prefix) {
			return q, true
		}
	}
	return Quote{}, false
}

func TestExtractNotQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{name: "scare quotes", text: `The trust declared a "site recall" on Tuesday morning.`},
		{name: "title in marks", text: `Doctors held "Meet the Doctors" events in city centres.`},
		{name: "long title", text: `She starred in "The Long Night Of The Western Hills" last year.`},
		{name: "placard", text: `Protesters carried placards reading "Save our hospital from the cuts" outside.`},
		{name: "short fragment", text: `He called the offer "wholly unnecessary" and left.`},
		{name: "no marks", text: "Nurses walked out at 8am and returned at 8pm."},
	}
	e := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.Extract(tt.text, Options{})
			assert.Empty(t, res.Quotes)
		})
	}
}

func TestExtractMultiParagraph(t *testing.T) {
	text := "Rae Whitcombe, chief operating officer at Hollins NHS Foundation Trust, said: “We are operating in challenging times for everyone.\n\n" +
		"“Our teams continue to do everything they can to limit the disruption.\n\n" +
		"“We will contact every patient whose appointment has to move.”\n\n" +
		"Strikes have been held by nurses and ambulance staff this year."
	res := newTestExtractor(t).Extract(text, Options{})
	require.Len(t, res.Quotes, 3)
	for _, q := range res.Quotes {
		assert.Equal(t, "Rae Whitcombe", q.Speaker)
		assert.Equal(t, "direct", q.Kind)
		assert.Equal(t, q.Text, text[q.Start:q.End])
		assert.NotContains(t, q.Text, "“")
	}
	require.NotEmpty(t, res.People)
	assert.Equal(t, "Rae Whitcombe", res.People[0].Name)
	assert.Contains(t, res.People[0].Titles, "chief operating officer")
	assert.Equal(t, "Hollins NHS Foundation Trust", res.People[0].Organisation)
}

func TestExtractPlainTextBlocks(t *testing.T) {
	text := "The hospital's chief executive, Toby Fenwick, has now said:\n\n" +
		"Throughout today we have managed the increased numbers of patients admitted.\n\n" +
		"We will keep this situation under review overnight.\n\n" +
		"Several doctors questioned why the situation was labelled an emergency.\n\n" +
		"Updated\n\n" +
		"He added:\n\n" +
		"Staff who came in today have our thanks."
	res := newTestExtractor(t).Extract(text, Options{})
	var texts []string
	for _, q := range res.Quotes {
		assert.Equal(t, "block", q.Kind)
		assert.Equal(t, "Toby Fenwick", q.Speaker, q.Text)
		texts = append(texts, q.Text)
	}
	assert.Equal(t, []string{
		"Throughout today we have managed the increased numbers of patients admitted.",
		"We will keep this situation under review overnight.",
		"Staff who came in today have our thanks.",
	}, texts)
}

func TestExtractBlockQuoteSpans(t *testing.T) {
	intro := "Dr Omar Haddad, who leads the emergency department, wrote:\n\n"
	block := "The corridor is now our busiest ward and everyone here knows it."
	text := intro + block + "\n\nThe trust did not respond."
	res := newTestExtractor(t).Extract(text, Options{BlockQuotes: []Span{{len(intro), len(intro) + len(block)}}})
	require.Len(t, res.Quotes, 1)
	q := res.Quotes[0]
	assert.Equal(t, block, q.Text)
	assert.Equal(t, "block", q.Kind)
	assert.Equal(t, "Omar Haddad", q.Speaker)
}

func TestExtractPeople(t *testing.T) {
	text := "Health Secretary Mark Dellow visited Leeds.\n\n" +
		"Mr Dellow said: \"The pay award is final and will not be reopened.\"\n\n" +
		"Dellow later left."
	res := newTestExtractor(t).Extract(text, Options{})
	require.Len(t, res.People, 1)
	p := res.People[0]
	assert.Equal(t, "Mark Dellow", p.Name)
	assert.Contains(t, p.Titles, "Health Secretary")
	require.Len(t, p.Mentions, 3)
	for _, m := range p.Mentions {
		assert.Equal(t, m.Text, text[m.Start:m.End])
	}
}

func TestExtractCallerParagraphs(t *testing.T) {
	text := `Jo Pike said: "Every shift this week has been short of two nurses at least." Then she left.`
	res := newTestExtractor(t).Extract(text, Options{Paragraphs: []Span{{0, len(text)}, {-5, 3}, {50, 10}}})
	require.Len(t, res.Quotes, 1)
	assert.Equal(t, "Jo Pike", res.Quotes[0].Speaker)
}

func TestExtractBadInput(t *testing.T) {
	tests := []struct {
		name string
		text string
		opt  Options
	}{
		{name: "empty", text: ""},
		{name: "only marks", text: `"""“”“”`},
		{name: "invalid utf8", text: "\xff\xfe\"hello there my old friend\" \xff said Bob Smith."},
		{name: "spans out of range", text: "short", opt: Options{BlockQuotes: []Span{{-3, 99}}, Orgs: []OrgRef{{Start: 4, End: 99, Name: "X"}}, Paragraphs: []Span{{2, 1000}}}},
		{name: "unclosed", text: `He said: "this quote never closes and runs on to the end`},
	}
	e := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.Extract(tt.text, tt.opt)
			checkInvariants(t, tt.text, res)
		})
	}
}

func checkInvariants(t testing.TB, text string, res Result) {
	t.Helper()
	for _, q := range res.Quotes {
		require.True(t, q.Start >= 0 && q.Start <= q.End && q.End <= len(text), "offsets %d:%d out of range", q.Start, q.End)
		require.Equal(t, text[q.Start:q.End], q.Text)
	}
	for _, p := range res.People {
		for _, m := range p.Mentions {
			require.True(t, m.Start >= 0 && m.Start <= m.End && m.End <= len(text))
			require.Equal(t, text[m.Start:m.End], m.Text)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`Mark Dellow said: "We will not reopen the deal."`,
		"“We can't go on,” said Sir Julian Marsh. “If strikes go ahead we lose.”",
		"He added:\n\nWe have our thanks for the staff today.",
		"Rae Pike, chief of X Trust, said: “Open\n\n“Continue\n\n“Close.”",
		`"unclosed`, `”closing first, then opening “`, "\xff\"\xfe", "",
	} {
		f.Add(s)
	}
	e := newTestExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		res := e.Extract(text, Options{BlockQuotes: []Span{{0, len(text) / 2}}})
		checkInvariants(t, text, res)
	})
}

func TestExtractWarnsUnattributed(t *testing.T) {
	text := `"We were told to come in or face the consequences," one nurse said.` + "\n\n" +
		`"Nobody has explained the new rota to any of us," said Ana Pires.`
	res := newTestExtractor(t).Extract(text, Options{})
	require.Len(t, res.Quotes, 2)
	assert.Equal(t, []string{"quote: 1 of 2 quotes left unattributed"}, res.Warnings)
}

// A sentence-initial role word stays in the title even when the article
// also writes it in lower case.
func TestRoleWordAlsoLowerCase(t *testing.T) {
	e, err := New(Config{})
	require.NoError(t, err)
	text := "Patients asked about mental health support.\n\nHealth Secretary Steve Barclay said: \"We will not reopen the pay award for this year.\""
	r := e.Extract(text, Options{})
	require.Len(t, r.Quotes, 1)
	assert.Equal(t, "Steve Barclay", r.Quotes[0].Speaker)
	assert.Equal(t, "Health Secretary", r.Quotes[0].SpeakerTitle)
}
