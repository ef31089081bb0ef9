package org

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	testLinkerOnce sync.Once
	testLinker     *Linker
	testLinkerErr  error
)

func linker(t testing.TB) *Linker {
	t.Helper()
	testLinkerOnce.Do(func() { testLinker, testLinkerErr = NewLinker(Config{}) })
	require.NoError(t, testLinkerErr)
	return testLinker
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// find returns the mention whose text contains span.
func find(ms []Mention, span string) *Mention {
	for i := range ms {
		if strings.Contains(ms[i].Text, span) || strings.Contains(span, strings.TrimPrefix(ms[i].Text, "the ")) {
			return &ms[i]
		}
	}
	return nil
}

func TestFind(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		published string
		span      string // the mention to check; "" when none must be found
		code      string
		succ      string
		kind      string
		how       string
		cands     []string
	}{
		{name: "full name", text: "Bolton NHS Foundation Trust cancelled 736 operations.", published: "2023-09-26",
			span: "Bolton NHS Foundation Trust", code: "RMC", kind: KindTrust, how: HowNamed},
		{name: "full name in capitals", text: "Figures for BOLTON NHS FOUNDATION TRUST were published.", published: "2023-09-26",
			span: "BOLTON NHS FOUNDATION TRUST", code: "RMC", kind: KindTrust, how: HowNamed},
		{name: "without suffix", text: "Patients at University Hospitals of Morecambe Bay waited longer.", published: "2023-10-03",
			span: "University Hospitals of Morecambe Bay", code: "RTX", how: HowNamed},
		{name: "place shortening", text: "The Morecambe Bay trust cancelled 604 operations.", published: "2023-10-03",
			span: "Morecambe Bay trust", code: "RTX", how: HowShort},
		{name: "the Bolton trust", text: "A spokesman for the Bolton trust said care continued.", published: "2023-09-26",
			span: "Bolton trust", code: "RMC"},
		{name: "name with Hospitals", text: "Sandwell and West Birmingham Hospitals asked doctors to return.", published: "2016-01-12",
			span: "Sandwell and West Birmingham Hospitals", code: "RXK"},
		{name: "hospital site", text: "Staff at the Royal Bolton Hospital joined the picket.", published: "2023-09-26",
			span: "Royal Bolton Hospital", code: "RMC", how: HowSite},
		{name: "hospital by town", text: "Sandwell hospital stood down the order.", published: "2016-01-12",
			span: "Sandwell hospital", code: "RXK"},
		{name: "hospital with place", text: "She works at St George's hospital in Tooting.", published: "2016-01-12",
			span: "St George's hospital", code: "RJ7", how: HowSite},
		{name: "bare Royal hospital", text: "Doctors at the Royal Marsden were on the picket line.", published: "2016-01-12",
			span: "Royal Marsden", code: "RPY"},
		{name: "site with descriptor", text: "Pickets gathered at the Royal Brompton chest hospital.", published: "2016-01-12",
			span: "Royal Brompton chest hospital", code: "RT3", succ: "RJ1"},
		{name: "2016 code of a merged trust", text: "Pickets outside the Royal Sussex County Hospital in Brighton.", published: "2016-01-12",
			span: "Royal Sussex County Hospital", code: "RXH", succ: "RYR"},
		{name: "merged trust after the merger", text: "Pickets outside the Royal Sussex County Hospital in Brighton.", published: "2023-01-12",
			span: "Royal Sussex County Hospital", code: "RYR"},
		{name: "closed trust named after closure", text: "Barnet, Enfield and Haringey Mental Health NHS Trust staff walked out.", published: "2025-03-01",
			span: "Barnet, Enfield and Haringey Mental Health NHS Trust", code: "G6V2S"},
		{name: "closed trust named before closure", text: "Barnet, Enfield and Haringey Mental Health NHS Trust staff walked out.", published: "2016-01-12",
			span: "Barnet, Enfield and Haringey Mental Health NHS Trust", code: "RRP", succ: "G6V2S"},
		{name: "inserted the", text: "South London and the Maudsley NHS Foundation Trust cut clinics.", published: "2016-01-12",
			span: "South London and the Maudsley NHS Foundation Trust", code: "RV5"},
		{name: "City Hospital with a place", text: "Doctors at City Hospital in Birmingham walked out.", published: "2023-01-10",
			span: "City Hospital", code: "RXK"},
		{name: "City Hospital without a place", text: "Doctors at City Hospital walked out.", published: "2023-01-10"},
		{name: "bare town", text: "Bolton has voted to strike, the council said.", published: "2023-09-26"},
		{name: "town as surname", text: "Dr Sarah Bolton said the ward was full.", published: "2023-09-26"},
		{name: "two trusts fit", text: "The Leeds trust cancelled 300 operations.", published: "2023-09-26",
			span: "Leeds trust", cands: []string{"RR8", "RY6"}},
		{name: "site with successor only", text: "Doctors at Manchester Royal Infirmary are striking.", published: "2016-01-12",
			span: "Manchester Royal Infirmary", succ: "R0A", cands: []string{"RM2", "RW3", "RW6"}},
		{name: "health board", text: "NHS Lothian said services were affected.", published: "2023-09-26",
			span: "NHS Lothian", code: "S08000024", kind: KindBoard},
		{name: "Welsh board short", text: "The Betsi Cadwaladr health board apologised.", published: "2023-09-26",
			span: "Betsi Cadwaladr health board", code: "7A1", kind: KindBoard},
		{name: "board name as a person", text: "It was named after Aneurin Bevan, the founder of the NHS.", published: "2016-01-12"},
		{name: "union", text: "The British Medical Association said doctors would strike.", published: "2023-09-26",
			span: "British Medical Association", kind: KindUnion, how: HowNamed},
		{name: "union acronym", text: "The BMA has announced new dates.", published: "2023-09-26",
			span: "BMA", kind: KindUnion, how: HowAcronym},
		{name: "Unite the union", text: "Paramedics in Unite the Union rejected the offer.", published: "2023-04-18",
			span: "Unite the Union", kind: KindUnion},
		{name: "unite as a verb", text: "Unite the country behind the NHS, he said.", published: "2023-04-18"},
		{name: "national body", text: "NHS England figures show a rise.", published: "2023-04-18",
			span: "NHS England", kind: KindBody},
		{name: "government", text: "The Department of Health and Social Care said the offer was fair.", published: "2023-04-18",
			span: "Department of Health and Social Care", kind: KindGovernment},
		{name: "foreign health department", text: "The Michigan Department of Health and Human Services said so.", published: "2023-04-18"},
		{name: "ICB", text: "NHS Greater Manchester Integrated Care Board said beds were full.", published: "2023-04-18",
			span: "NHS Greater Manchester Integrated Care Board", kind: KindBody},
		{name: "initials after the name", text: "Bristol Royal Infirmary was picketed. Staff at the BRI said it was cold.", published: "2016-01-12",
			span: "BRI", code: "RA7", how: HowAcronym},
		{name: "component of a trust name", text: "An elderly woman leaves The Royal Liverpool Hospital through the picket.", published: "2016-01-12",
			span: "Royal Liverpool Hospital", code: "RQ6", succ: "REM"},
		{name: "place inside a longer name", text: "Covid-19 patients were admitted to New York hospitals.", published: "2020-04-01"},
		{name: "island, not the trust", text: "Ryde, a ferry town on the Isle of Wight.", published: "2020-04-01"},
		{name: "island trust", text: "The Isle of Wight NHS Trust said beds were full.", published: "2020-04-01",
			span: "Isle of Wight NHS Trust", code: "R1F"},
		{name: "hospital by its own word", text: "Pickets gathered at Addenbrooke's on Tuesday.", published: "2023-01-10",
			span: "Addenbrooke's", code: "RGT", how: HowSite},
		{name: "hospital named for a person", text: "Doctors at the John Radcliffe walked out.", published: "2023-01-10",
			span: "John Radcliffe", code: "RTH", how: HowSite},
		{name: "the person, not the hospital", text: "John Radcliffe said the plan was sound.", published: "2023-01-10"},
		{name: "title with possessive", text: "It hangs at Osborne, the Queen's seaside home.", published: "2023-01-10"},
		{name: "common word after the", text: "Stay at The Manor at Weston-on-the-Green from £175.", published: "2019-11-01"},
		{name: "place Royal", text: "Salford Royal said 300 operations were postponed.", published: "2023-01-10",
			span: "Salford Royal", code: "RM3", how: HowSite},
		{name: "place after hospital", text: "Staff at the Queen Elizabeth Hospital in Birmingham struck.", published: "2023-01-10",
			span: "Queen Elizabeth Hospital", code: "RRK", how: HowSite},
		{name: "same name, no place", text: "Staff at the Queen Elizabeth Hospital struck.", published: "2023-01-10",
			span: "Queen Elizabeth Hospital", cands: []string{"RCX", "RJ2", "RR7", "RRK"}},
		{name: "and District", text: "Dewsbury District Hospital and Pinderfields Hospital were busy.", published: "2023-01-10",
			span: "Dewsbury District Hospital", code: "RXF"},
		{name: "University Hospital X", text: "Lewisham hospital was picketed.", published: "2023-01-10",
			span: "Lewisham hospital", code: "RJ2"},
		{name: "short trust name after the", text: "Nurses at the Whittington walked out.", published: "2023-01-10",
			span: "Whittington", code: "RKE"},
		{name: "X General in a list", text: "Staff at Furness General and Westmorland General walked out.", published: "2023-10-03",
			span: "Furness General", code: "RTX", how: HowSite},
		{name: "title, not a hospital", text: "The Attorney General said the strike was lawful.", published: "2023-10-03"},
		{name: "initials alone", text: "Staff at the BRI said it was cold.", published: "2016-01-12"},
	}
	l := linker(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, warns := l.Find(tt.text, day(tt.published))
			for _, m := range ms {
				require.Equal(t, m.Text, tt.text[m.Start:m.End])
			}
			if tt.span == "" {
				for _, m := range ms {
					assert.Empty(t, m.Code, "unexpected link %+v", m)
					assert.Empty(t, m.Candidates, "unexpected candidates %+v", m)
				}
				return
			}
			m := find(ms, tt.span)
			require.NotNil(t, m, "no mention of %q in %+v", tt.span, ms)
			assert.Equal(t, tt.code, m.Code)
			if tt.succ != "" {
				assert.Equal(t, tt.succ, m.SuccessorCode)
			}
			if tt.kind != "" {
				assert.Equal(t, tt.kind, m.Kind)
			}
			if tt.how != "" {
				assert.Equal(t, tt.how, m.How)
			}
			assert.Equal(t, tt.cands, m.Candidates)
			if len(tt.cands) > 0 {
				require.NotEmpty(t, warns)
				assert.Contains(t, warns[0], "left unlinked")
			}
		})
	}
}

func TestFindNames(t *testing.T) {
	l := linker(t)
	ms, _ := l.Find("Pickets outside the Royal Sussex County Hospital.", day("2016-01-12"))
	require.Len(t, ms, 1)
	assert.Equal(t, "Brighton and Sussex University Hospitals NHS Trust", ms[0].Name)
	assert.Equal(t, "the Royal Sussex County Hospital", ms[0].Text)
	ms, _ = l.Find("NHS Providers said trusts were stretched.", day("2023-04-18"))
	require.Len(t, ms, 1)
	assert.Equal(t, "NHS Providers", ms[0].Name)
	assert.Equal(t, "nhs-providers", ms[0].OrgID)
	ms, _ = l.Find("The Department of Health said the contract was safe.", day("2016-01-12"))
	require.Len(t, ms, 1)
	assert.Equal(t, "Department of Health", ms[0].Name)
	assert.Equal(t, "dhsc", ms[0].OrgID)
}

func TestFindClosedTrustWarning(t *testing.T) {
	l := linker(t)
	ms, warns := l.Find("Barnet, Enfield and Haringey Mental Health NHS Trust said so.", day("2025-03-01"))
	require.Len(t, ms, 1)
	assert.Equal(t, "G6V2S", ms[0].Code)
	assert.Equal(t, "North London NHS Foundation Trust", ms[0].Name)
	require.Len(t, warns, 1)
	assert.Contains(t, warns[0], "names RRP, which had become G6V2S")
}

func TestFindUnknownDate(t *testing.T) {
	l, err := NewLinker(Config{Now: func() time.Time { return day("2016-01-12") }})
	require.NoError(t, err)
	ms, warns := l.Find("Pickets outside the Royal Sussex County Hospital.", time.Time{})
	require.Len(t, ms, 1)
	assert.Equal(t, "RXH", ms[0].Code)
	require.Len(t, warns, 1)
	assert.Contains(t, warns[0], "publication date unknown")
}

func TestNewLinkerBadData(t *testing.T) {
	_, err := NewLinker(Config{Data: fstest.MapFS{}})
	require.Error(t, err)
}

func TestFindConcurrent(t *testing.T) {
	l := linker(t)
	text := "Bolton NHS Foundation Trust and the Royal Marsden were hit. The BMA said so."
	want, _ := l.Find(text, day("2023-09-26"))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, _ := l.Find(text, day("2023-09-26"))
			assert.Equal(t, want, got)
		}()
	}
	wg.Wait()
}

// TestVocabularyBloom checks that the bloom filter in front of the
// vocabulary turns away no word of it, and few others.
func TestVocabularyBloom(t *testing.T) {
	v := linker(t).vocab
	for _, w := range v.words {
		require.True(t, v.mayHave([]byte(w)), w)
	}
	others, passed := 0, 0
	for _, w := range strings.Fields(strings.ToLower("The quick brown fox jumps over the lazy dog while a patient waits for " +
		"surgery and nurses walk out over pay in a dispute which ministers said could last months as " +
		"waiting lists grow across every region this winter according to figures published yesterday")) {
		if _, ok := v.ids[w]; ok {
			continue
		}
		others++
		if v.mayHave([]byte(w)) {
			passed++
		}
	}
	assert.LessOrEqual(t, passed*10, others, "%d of %d words outside the vocabulary pass the filter", passed, others)
}
