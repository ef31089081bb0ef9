package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestDbgOrgs(t *testing.T) {
	if os.Getenv("QDBG2") == "" {
		t.Skip()
	}
	trusts := map[string][]string{
		"Sandwell and West Birmingham Hospitals NHS Trust":     {"Sandwell and West Birmingham Hospitals NHS Trust", "Sandwell and West Birmingham hospitals NHS trust", "Sandwell hospital", "Sandwell General hospital"},
		"Barnet, Enfield and Haringey Mental Health NHS Trust": {"Barnet, Enfield and Haringey Mental Health NHS Trust"},
		"South London and Maudsley NHS Foundation Trust":       {"South London and the Maudsley NHS Foundation Trust"},
		"Bolton NHS Foundation Trust":                          {"Bolton NHS Foundation Trust"},
		"NHS England":                                          {"NHS England"},
	}
	files, _ := filepath.Glob("../../fixtures/seeds/*.txt")
	sort.Strings(files)
	e, _ := New(Config{})
	out, _ := os.Create("/tmp/quote-seeds-orgs.jsonl")
	defer out.Close()
	w := bufio.NewWriter(out)
	for i, f := range files {
		b, _ := os.ReadFile(f)
		text := string(b)
		orgs := findUnions(text)
		for name, als := range trusts {
			for _, a := range als {
				for k := 0; ; {
					j := strings.Index(text[k:], a)
					if j < 0 {
						break
					}
					orgs = append(orgs, OrgRef{Start: k + j, End: k + j + len(a), Name: name, Kind: "nhs-trust"})
					k += j + len(a)
				}
			}
		}
		res := e.Extract(text, Options{Orgs: orgs})
		line, _ := json.Marshal(toRecord("seed-00"+string(rune('0'+i)), "fixtures/seeds/"+filepath.Base(f), res))
		w.Write(append(line, '\n'))
	}
	w.Flush()
}
