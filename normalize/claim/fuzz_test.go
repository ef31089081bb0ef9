package claim

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cuttings/cuttings/extract/number"
	"github.com/cuttings/cuttings/normalize"
)

func FuzzBuild(f *testing.F) {
	for _, s := range []string{
		"NHS England said 38% of junior doctors had turned up to work.",
		"It means the total grew to 3,850. • Next\n\nThe trust cancelled 600.",
		"654 – 192 inpatients and 462 day cases – are in London.",
		"Dr. A said “over one million appointments cancelled”.", "", ".", "\xff 300 cancelled",
	} {
		f.Add(s, 0, 5)
	}
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		rec := &normalize.Record{Text: text, Published: "2023-09-26"}
		for _, c := range number.Find(text) {
			rec.Counts = append(rec.Counts, normalize.Count{Text: c.Text, Value: c.Value, Approx: c.Approx,
				Kind: c.Kind, Unit: c.Unit, Span: normalize.Span{Start: c.Start, End: c.End}})
		}
		// An organisation over the first word, a quote over the whole text.
		if k := strings.IndexByte(text, ' '); k > 0 {
			rec.Organisations = []normalize.Organisation{{Name: "X", Code: "RXX", Kind: "nhs-trust",
				Mentions: []normalize.Mention{{Start: 0, End: k}}}}
		}
		rec.Quotes = []normalize.Quote{{Speaker: "Some One", Start: 0, End: len(text)}}
		// Spans from other stages may be wrong: they must not make Build panic.
		rec.Dates = []normalize.Date{{Text: "x", Start: "2023-09-01", End: "2023-09-30", Span: normalize.Span{Start: a, End: b}}}
		rec.People = []normalize.Person{{Name: "Some One", Titles: []string{"Health Secretary"},
			Mentions: []normalize.Mention{{Start: b, End: a}}}}
		for _, c := range Build(rec) {
			if c.Span.Start < 0 || c.Span.End > len(text) || c.Span.Start > c.Span.End {
				t.Fatalf("span %v outside %d bytes", c.Span, len(text))
			}
			if c.Evidence != strings.TrimSpace(text[c.Span.Start:c.Span.End]) {
				t.Fatalf("evidence %q is not its span", c.Evidence)
			}
			if utf8.ValidString(text) && !utf8.ValidString(c.Evidence) {
				t.Fatalf("invalid UTF-8 evidence %q", c.Evidence)
			}
		}
		for _, s := range sentences(text) {
			if s.start < 0 || s.end > len(text) || s.start >= s.end {
				t.Fatalf("sentence %d..%d outside %d bytes", s.start, s.end, len(text))
			}
		}
	})
}

func BenchmarkBuild(b *testing.B) {
	text := strings.Repeat("NHS England figures show Northshire NHS Foundation Trust has cancelled 736 appointments "+
		"initially scheduled between September 19 and 23 as a direct result of strike action. It means the total "+
		"number of treatments cancelled grew to 3,850 over the last year.\n\n", 20)
	rec := &normalize.Record{Text: text, Published: "2023-09-26"}
	for _, c := range number.Find(text) {
		rec.Counts = append(rec.Counts, normalize.Count{Text: c.Text, Value: c.Value, Approx: c.Approx,
			Kind: c.Kind, Unit: c.Unit, Span: normalize.Span{Start: c.Start, End: c.End}})
	}
	o := normalize.Organisation{Name: "Northshire NHS Foundation Trust", Code: "RXX", Kind: "nhs-trust"}
	for i := 0; ; {
		k := strings.Index(text[i:], o.Name)
		if k < 0 {
			break
		}
		o.Mentions = append(o.Mentions, normalize.Mention{Start: i + k, End: i + k + len(o.Name)})
		i += k + len(o.Name)
	}
	rec.Organisations = []normalize.Organisation{o}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Build(rec)
	}
}

// FuzzFindAllNear checks the windowed search of the place patterns against
// running each over the whole text.
func FuzzFindAllNear(f *testing.F) {
	for _, s := range []string{
		"Across England and Wales, and in England's north, the UK-wide figure rose.",
		"NewEngland Englander England_ England. the United Kingdom; the UK",
		"In the East Midlands and Yorkshire and the Humber, Greater Manchester and the North West.",
		"Scotland’s and Wales’s figures; Great Britain and Britain; London; the East of England",
		"Ünglandé England\u00a0England—England", "", "UK",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range places {
			want := p.re.FindAllStringIndex(text, -1)
			got := findAllNear(text, p.re, p.lits)
			if len(want) == 0 && len(got) == 0 {
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s in %q: got %v, want %v", p.re, text, got, want)
			}
		}
	})
}

// FuzzLowerAt checks the builder's sliced lower case against lowering each
// slice on its own, over every pair of offsets.
func FuzzLowerAt(f *testing.F) {
	for _, s := range []string{"The Trust", "İstanbul KELVIN \u212a", "ÀÉ ß ſ Ω", "a\xffB", "Ⱥ and ⱥ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 64 {
			text = text[:64]
		}
		b := &builder{text: text}
		for i := 0; i <= len(text); i++ {
			for j := i; j <= len(text); j++ {
				if got, want := b.lowerAt(i, j), strings.ToLower(text[i:j]); got != want {
					t.Fatalf("lowerAt(%d, %d) of %q = %q, want %q", i, j, text, got, want)
				}
			}
		}
	})
}
