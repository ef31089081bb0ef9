package org

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFind checks the invariants on any input: no panic, spans inside the
// text on rune boundaries, Text == text[Start:End], mentions in order and
// not overlapping, linked or ambiguous never both.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"Bolton NHS Foundation Trust cancelled 736 operations.",
		"the Royal Marsden cancer hospital, St George’s hospital (Tooting)",
		"Sandwell and West Birmingham Hospitals NHS Trust; the BRI; Bristol Royal Infirmary",
		"The BMA, RCN, Unite the Union & GMB.",
		"City Hospital in Birmingham\n\nSt Thomas’s hospital",
		"UNIVERSITY HOSPITALS OF MORECAMBE BAY NHS FOUNDATION TRUST",
		"St. George's \xff\xfe hospital",
		"the the the trust trust hospital",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1452556800))
	}
	l, err := NewLinker(Config{Now: func() time.Time { return time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%4102444800, 0).UTC()
		}
		ms, _ := l.Find(text, pub)
		last := 0
		for _, m := range ms {
			if m.Start < last || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad span %d:%d (last %d, len %d)", m.Start, m.End, last, len(text))
			}
			if m.Text != text[m.Start:m.End] {
				t.Fatalf("text %q != span %q", m.Text, text[m.Start:m.End])
			}
			if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
				t.Fatalf("span %q cuts a rune", m.Text)
			}
			if m.Code != "" && len(m.Candidates) > 0 {
				t.Fatalf("linked and ambiguous: %+v", m)
			}
			last = m.End
		}
	})
}
