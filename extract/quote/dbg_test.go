package quote

import (
	"fmt"
	"os"
	"testing"
)

func TestDbg(t *testing.T) {
	s := os.Getenv("QDBG")
	if s == "" {
		t.Skip()
	}
	e, _ := New(Config{})
	r := e.Extract(s, Options{Orgs: findUnions(s)})
	for _, q := range r.Quotes {
		fmt.Printf("%q %s %q cue=%q title=%q org=%q\n", q.Speaker, q.Kind, q.Text, q.Cue, q.SpeakerTitle, q.SpeakerOrganisation)
	}
	for _, p := range r.People {
		fmt.Printf("person %q %q %q %d\n", p.Name, p.Titles, p.Organisation, len(p.Mentions))
	}
}
