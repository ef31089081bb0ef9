package pipeline

import (
	"testing"

	"github.com/cuttings/cuttings/fetch"
)

// FuzzProcess feeds arbitrary text and HTML through every stage and checks
// the record's invariants: no panic, every span inside the text with its
// text equal to text[start:end], valid UTF-8, valid JSON.
func FuzzProcess(f *testing.F) {
	f.Add([]byte(`Health Secretary Steve Barclay said: "Today marks the grim milestone of over one million appointments cancelled." Mr Barclay added: "My door is always open."`), false)
	f.Add([]byte("Bolton NHS Foundation Trust has cancelled 736 appointments between September 19 and 23.\n\nIt means the total grew to 3,850."), false)
	f.Add([]byte(`<html><body><article><p>The Royal Bolton Hospital said on Monday that “nearly 40% of staff” were in work.</p><blockquote><p>We apologise to patients.</p></blockquote></article></body></html>`), true)
	f.Add([]byte("\xff\xfe\x00“unterminated quote said the BMA on 31/02/2023"), false)
	x := newExtractor(f)
	f.Fuzz(func(t *testing.T, body []byte, html bool) {
		doc := &fetch.Document{URI: "fuzz", Kind: fetch.KindFile, Format: fetch.FormatText, Body: body,
			Meta: fetch.Meta{Published: "2023-09-26"}}
		if html {
			doc.Format, doc.ContentType = fetch.FormatHTML, "text/html"
		}
		rec, err := Process(x, doc)
		if err != nil {
			return
		}
		checkRecord(t, rec)
	})
}
