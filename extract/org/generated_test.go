package org

import (
	"fmt"
	"hash/fnv"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/nhs"
)

// genCase is one invented sentence naming an organisation the way papers
// do, with the code it must link to.
type genCase struct {
	text, form, want string
	span             string          // the words that name the organisation
	accept           map[string]bool // other right codes (one building listed under several trusts)
	ambiguous        bool            // the words fit several organisations: right is unlinked with want among the candidates
	unlinked         bool            // the words alone name no organisation: right is no link
}

// Invented sentence frames; %s is the organisation as written.
var genFrames = []string{
	"Thousands of appointments at %s were cancelled during the strike.",
	"A spokesperson for %s said urgent care would continue as normal.",
	"%s has cancelled 736 operations, new figures show.",
	"Junior doctors joined the picket line outside %s on Tuesday morning.",
	"Figures show that %s rescheduled more than 1,200 outpatient appointments last week.",
	"The chief executive of %s thanked staff who had come in to cover shifts.",
}

func frame(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	return genFrames[int(h.Sum32())%len(genFrames)]
}

// Newspaper rules for writing a trust's name, kept apart from the linker's
// own key generation so the test does not grade the linker by itself.
var (
	legalSuffixRe = regexp.MustCompile(`\s+(NHS Foundation Trust|NHS Trust|Foundation Trust|University Health Board|Teaching Health Board|Health Board|Health and Social Care Trust)$`)
	orgWordRe     = regexp.MustCompile(`\b(Hospitals?|Healthcare|Health|Care|Partnership|Mental|Ambulance|Community|Children's|Orthopaedic|Cancer|Infirmary|Services?)\b`)
	shortHeadRe   = regexp.MustCompile(`^(University Hospitals of|University Hospitals|University Hospital of|NHS)\s+`)
	shortTailRe   = regexp.MustCompile(`\s+(Teaching Hospitals|University Hospitals|Hospitals|Hospital|Healthcare|Health and Care|Community Health Services|Community Healthcare|Partnership|Mental Health|Health|Care)$`)
)

// trustForms writes an organisation's name the ways papers do: in full, in
// capitals, without its legal suffix ("University Hospitals of Morecambe
// Bay"; a bare place gets "trust" or "health board": "the Bolton trust"),
// and shortened ("the Morecambe Bay trust").
func trustForms(name, kind string) map[string]string {
	forms := map[string]string{"full": name, "upper": strings.ToUpper(name)}
	core := strings.TrimPrefix(legalSuffixRe.ReplaceAllString(name, ""), "The ")
	if core == name {
		return forms
	}
	switch {
	case kind == nhs.KindBoard:
		forms["no-suffix+context"] = strings.TrimPrefix(core, "NHS ") + " health board"
	case orgWordRe.MatchString(core) && strings.Contains(core, " "):
		forms["no-suffix"] = core
	default:
		forms["no-suffix+context"] = "the " + core + " trust"
	}
	if kind == nhs.KindTrust {
		short := shortTailRe.ReplaceAllString(shortHeadRe.ReplaceAllString(core, ""), "")
		if short != core && short != "" && !strings.Contains(short, "Ambulance") {
			forms["short"] = "the " + short + " trust"
		}
	}
	return forms
}

// genCases builds the sentences for every organisation open at date and
// every hospital in the embedded data.
func genCases(t testing.TB, l *Linker, date time.Time) []genCase {
	t.Helper()
	d := l.data
	b := &keyBuilder{index: map[string]int{}, places: map[string]bool{}, acroCnt: map[string]map[string]bool{}}
	l.buildPlaces(b)
	var cases []genCase
	ids := make([]string, 0, len(d.Orgs))
	for id := range d.Orgs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		o := d.Orgs[id]
		if o.Kind == nhs.KindBody || o.Code == "" || !d.OpenAt(id, date) {
			continue
		}
		if o.Country == "scotland" && !strings.HasPrefix(id, "S08") {
			continue // special boards are national bodies, not area boards
		}
		name := d.NameAt(id, date)
		for form, written := range trustForms(name, o.Kind) {
			cases = append(cases, genCase{text: fmt.Sprintf(frame(id+form), written), form: form, want: id, span: written})
		}
	}
	// A shortening two organisations share ("the Leeds trust") must be
	// left unlinked.
	owners := map[string]map[string]bool{}
	for _, c := range cases {
		k := strings.ToLower(c.span)
		if owners[k] == nil {
			owners[k] = map[string]bool{}
		}
		owners[k][c.want] = true
	}
	for i := range cases {
		if len(owners[strings.ToLower(cases[i].span)]) > 1 {
			cases[i].ambiguous = true
		}
	}
	// Hospitals: one case per building, right when linked to any trust a
	// source lists it under (in force at the date).
	orgNames := map[string]string{}
	for id, o := range d.Orgs {
		for _, n := range o.Names {
			orgNames[strings.Join(normPhrase(n.Name), " ")] = id
			orgNames[strings.Join(stripLegal(normPhrase(n.Name)), " ")] = id
		}
	}
	type building struct {
		name, town, code string
		accept           map[string]bool
	}
	var order []string
	buildings := map[string]*building{}
	for _, s := range d.Sites {
		name, _ := siteName(s.Name)
		low := strings.ToLower(name)
		if !strings.Contains(low, "hospital") && !strings.Contains(low, "infirmary") && !strings.Contains(low, "ysbyty") {
			continue
		}
		norm := strings.Join(normPhrase(name), " ")
		if strings.Contains(low, "trust") || strings.ContainsAny(name, "@:") {
			continue // not a name anyone writes
		}
		if id, ok := orgNames[norm]; ok && id != s.Parent {
			continue // a row naming another trust (data error)
		}
		want := d.InForce(s.Parent, date)
		if len(want) != 1 || d.Orgs[want[0]] == nil || d.Orgs[want[0]].Kind == nhs.KindBody {
			continue
		}
		k := norm + "|" + strings.ToLower(s.Town)
		bd := buildings[k]
		if bd == nil {
			bd = &building{name: name, town: s.Town, code: s.Code, accept: map[string]bool{}}
			buildings[k] = bd
			order = append(order, k)
		}
		bd.accept[want[0]] = true
	}
	// Names shared by buildings of different trusts are ambiguous without
	// their town.
	nameOwners := map[string]map[string]bool{}
	for _, k := range order {
		n, _, _ := strings.Cut(k, "|")
		if nameOwners[n] == nil {
			nameOwners[n] = map[string]bool{}
		}
		for c := range buildings[k].accept {
			nameOwners[n][c] = true
		}
	}
	for _, k := range order {
		bd := buildings[k]
		n, _, _ := strings.Cut(k, "|")
		if written := "the " + strings.TrimPrefix(bd.name, "The "); len(nameOwners[n]) > 0 {
			var want string
			for c := range bd.accept {
				want = c
			}
			c := genCase{text: fmt.Sprintf(frame(bd.code+"n"), written), form: "site-notown", want: want,
				span: written, accept: bd.accept, ambiguous: len(nameOwners[n]) > len(bd.accept)}
			if _, own := orgNames[n]; !own && allIn(strings.Fields(n), genericWords) {
				// "the County Hospital": no name without a place.
				c.form, c.unlinked = "site-generic-notown", true
			}
			cases = append(cases, c)
		}
		var want string
		for c := range bd.accept {
			want = c
		}
		written := "the " + strings.TrimPrefix(bd.name, "The ")
		where := written
		if bd.town != "" && !strings.Contains(strings.ToLower(bd.name), strings.ToLower(bd.town)) {
			where = written + " in " + bd.town
		}
		cases = append(cases, genCase{text: fmt.Sprintf(frame(bd.code), where), form: "site", want: want, span: written, accept: bd.accept})
		if i := strings.LastIndex(written, " Hospital"); i > 0 && i+9 == len(written) {
			lower := written[:i] + " hospital"
			where := lower
			if bd.town != "" && !strings.Contains(strings.ToLower(bd.name), strings.ToLower(bd.town)) {
				where = lower + " in " + bd.town
			}
			cases = append(cases, genCase{text: fmt.Sprintf(frame(bd.code+"l"), where), form: "site-lower", want: want, span: lower, accept: bd.accept})
		}
	}
	return cases
}

// TestGeneratedMentions writes every open trust, board and NHS hospital of
// the embedded data into invented sentences, the ways papers write them, and
// measures the share linked to the right code (>= 0.95) and to a wrong one
// (<= 0.01). It needs nothing outside the repository.
func TestGeneratedMentions(t *testing.T) {
	l, err := NewLinker(Config{})
	require.NoError(t, err)
	for _, date := range []time.Time{
		time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC),
	} {
		cases := genCases(t, l, date)
		require.Greater(t, len(cases), 1000)
		right, wrong := 0, 0
		byForm := map[string][2]int{}
		var misses []string
		for _, c := range cases {
			ms, _ := l.Find(c.text, date)
			got := ""
			for _, m := range ms {
				if strings.Contains(c.text[m.Start:m.End], c.span) || strings.Contains(c.span, strings.TrimPrefix(m.Text, "the ")) {
					got = m.Code
					if got == "" && len(m.Candidates) > 0 {
						got = "?" + strings.Join(m.Candidates, "|")
					}
					break
				}
			}
			f := byForm[c.form]
			f[1]++
			if c.ambiguous {
				c.form += "(ambiguous)"
				f = byForm[c.form]
				f[1]++
			}
			switch {
			case c.unlinked && (got == "" || strings.HasPrefix(got, "?")):
				right++
				f[0]++
			case c.unlinked:
				wrong++
				misses = append(misses, fmt.Sprintf("WRONG %s want no link got %s: %s", c.form, got, c.text))
			case c.ambiguous && strings.HasPrefix(got, "?") && strings.Contains(got, c.want):
				right++
				f[0]++
			case got == c.want || c.accept[got]:
				right++
				f[0]++
			case got != "" && !strings.HasPrefix(got, "?"):
				wrong++
				misses = append(misses, fmt.Sprintf("WRONG %s want %s got %s: %s", c.form, c.want, got, c.text))
			default:
				misses = append(misses, fmt.Sprintf("miss  %s want %s got %q: %s", c.form, c.want, got, c.text))
			}
			byForm[c.form] = f
		}
		n := float64(len(cases))
		t.Logf("%s: %d generated mentions: right %.3f, wrong %.3f", date.Format("2006-01-02"), len(cases), float64(right)/n, float64(wrong)/n)
		forms := make([]string, 0, len(byForm))
		for f := range byForm {
			forms = append(forms, f)
		}
		sort.Strings(forms)
		for _, f := range forms {
			t.Logf("  %-18s %4d/%4d", f, byForm[f][0], byForm[f][1])
		}
		if p := os.Getenv("ORG_GEN_MISSES"); p != "" {
			require.NoError(t, os.WriteFile(p+"-"+date.Format("2006"), []byte(strings.Join(misses, "\n")+"\n"), 0o644))
		}
		require.GreaterOrEqual(t, float64(right)/n, 0.95)
		require.LessOrEqual(t, float64(wrong)/n, 0.01)
	}
}
