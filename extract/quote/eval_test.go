package quote

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var (
	seedsOut   = flag.String("seeds-out", filepath.Join(os.TempDir(), "quote-seeds.jsonl"), "where TestSeedRecords writes its records")
	polnearIn  = flag.String("polnear-in", "", "PolNeAR inputs (score.py polnear-inputs); TestPolNeAR skips when empty")
	polnearOut = flag.String("polnear-out", filepath.Join(os.TempDir(), "quote-polnear.jsonl"), "where TestPolNeAR writes its records")
)

// unionNames is a small hand list standing in for the organisation linker
// in this evaluation only: union names and their short forms.
var unionNames = map[string][]string{
	"British Medical Association": {"British Medical Association", "BMA"},
	"Unite the Union":             {"Unite the Union", "Unite"},
	"Royal College of Nursing":    {"Royal College of Nursing", "RCN"},
	"Royal College of Midwives":   {"Royal College of Midwives", "RCM"},
	"Unison":                      {"Unison"},
	"GMB":                         {"GMB"},
}

// findUnions returns the union mentions of text as OrgRefs.
func findUnions(text string) []OrgRef {
	var out []OrgRef
	for name, aliases := range unionNames {
		for _, a := range aliases {
			for i := 0; ; {
				j := strings.Index(text[i:], a)
				if j < 0 {
					break
				}
				s, e := i+j, i+j+len(a)
				i = e
				if (s > 0 && isWordRune(rune(text[s-1]))) || (e < len(text) && isWordRune(rune(text[e]))) {
					continue
				}
				out = append(out, OrgRef{Start: s, End: e, Name: name, Kind: "union"})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	// drop the short forms inside long ones
	var keep []OrgRef
	for _, o := range out {
		if len(keep) > 0 && o.Start < keep[len(keep)-1].End {
			if o.End-o.Start > keep[len(keep)-1].End-keep[len(keep)-1].Start {
				keep[len(keep)-1] = o
			}
			continue
		}
		keep = append(keep, o)
	}
	return keep
}

type jsonQuote struct {
	Text                string  `json:"text"`
	Speaker             *string `json:"speaker"`
	SpeakerTitle        *string `json:"speaker_title"`
	SpeakerOrganisation *string `json:"speaker_organisation"`
	Cue                 string  `json:"cue"`
	Kind                string  `json:"kind"`
	Start               int     `json:"start"`
	End                 int     `json:"end"`
}

type jsonPerson struct {
	Name         string    `json:"name"`
	Titles       []string  `json:"titles"`
	Organisation *string   `json:"organisation"`
	Mentions     []Mention `json:"mentions"`
}

type jsonRecord struct {
	ID     string            `json:"id"`
	Source map[string]string `json:"source"`
	Quotes []jsonQuote       `json:"quotes"`
	People []jsonPerson      `json:"people"`
}

func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toRecord(id, uri string, r Result) jsonRecord {
	rec := jsonRecord{ID: id, Source: map[string]string{"uri": uri}, Quotes: []jsonQuote{}, People: []jsonPerson{}}
	for _, q := range r.Quotes {
		rec.Quotes = append(rec.Quotes, jsonQuote{Text: q.Text, Speaker: opt(q.Speaker), SpeakerTitle: opt(q.SpeakerTitle),
			SpeakerOrganisation: opt(q.SpeakerOrganisation), Cue: q.Cue, Kind: q.Kind, Start: q.Start, End: q.End})
	}
	for _, p := range r.People {
		rec.People = append(rec.People, jsonPerson{Name: p.Name, Titles: p.Titles, Organisation: opt(p.Organisation), Mentions: p.Mentions})
	}
	return rec
}

func sharedDir(t testing.TB) string {
	d, err := filepath.Abs("../../../shared")
	require.NoError(t, err)
	if _, err := os.Stat(d); err != nil {
		t.Skip("shared evaluation data not present at ../../../shared")
	}
	return d
}

// TestSeedRecords writes records for the seed articles for score.py:
//
//	python3 ../shared/tools/score.py records --gold ../shared/gold/seeds --pred /tmp/quote-seeds.jsonl -v
func TestSeedRecords(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/seeds/*.txt")
	require.NoError(t, err)
	if len(files) == 0 {
		t.Skip("no seed fixtures")
	}
	sort.Strings(files)
	e, err := New(Config{})
	require.NoError(t, err)
	out, err := os.Create(*seedsOut)
	require.NoError(t, err)
	defer out.Close()
	w := bufio.NewWriter(out)
	for i, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(b)
		res := e.Extract(text, Options{Orgs: findUnions(text)})
		for _, q := range res.Quotes {
			require.Equal(t, q.Text, text[q.Start:q.End])
		}
		require.NotEmpty(t, res.Quotes, f)
		rec := toRecord("seed-00"+string(rune('0'+i)), "fixtures/seeds/"+filepath.Base(f), res)
		line, err := json.Marshal(rec)
		require.NoError(t, err)
		w.Write(append(line, '\n'))
	}
	require.NoError(t, w.Flush())
	t.Logf("wrote %s", *seedsOut)
}

// TestPolNeAR writes records for PolNeAR inputs (score.py polnear-inputs):
//
//	go test ./extract/quote -run PolNeAR -polnear-in /tmp/pn-dev.jsonl
//	python3 ../shared/tools/score.py polnear --split dev --pred /tmp/quote-polnear.jsonl -v
func TestPolNeAR(t *testing.T) {
	sharedDir(t)
	if *polnearIn == "" {
		t.Skip("no -polnear-in file given")
	}
	in, err := os.Open(*polnearIn)
	require.NoError(t, err)
	defer in.Close()
	out, err := os.Create(*polnearOut)
	require.NoError(t, err)
	defer out.Close()
	e, err := New(Config{})
	require.NoError(t, err)
	w := bufio.NewWriter(out)
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		var doc struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &doc))
		res := e.Extract(doc.Text, Options{})
		for _, q := range res.Quotes {
			require.Equal(t, q.Text, doc.Text[q.Start:q.End])
		}
		line, err := json.Marshal(toRecord(doc.ID, "polnear:"+doc.ID, res))
		require.NoError(t, err)
		w.Write(append(line, '\n'))
		n++
	}
	require.NoError(t, sc.Err())
	require.NoError(t, w.Flush())
	t.Logf("wrote %d records to %s", n, *polnearOut)
}
