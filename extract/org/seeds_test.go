package org

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const (
	seedDir    = "../../fixtures/seeds"
	sharedGold = "../../../shared/gold/seeds"
	scorer     = "../../../shared/tools/score.py"
)

type seedMeta struct {
	Published string `json:"published"`
}

type seedDoc struct {
	id, name, text string
	published      time.Time
}

func loadSeeds(t testing.TB) []seedDoc {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	require.NoError(t, err)
	var out []seedDoc
	for _, p := range paths {
		text, err := os.ReadFile(p)
		require.NoError(t, err)
		var meta seedMeta
		raw, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".meta.json")
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(raw, &meta))
		pub, err := time.Parse("2006-01-02", meta.Published)
		require.NoError(t, err)
		base := filepath.Base(p)
		out = append(out, seedDoc{id: "seed-" + base[:3], name: base, text: string(text), published: pub})
	}
	return out
}

type recOrg struct {
	Name          string    `json:"name"`
	Code          *string   `json:"code"`
	SuccessorCode string    `json:"successor_code,omitempty"`
	Kind          string    `json:"kind"`
	How           string    `json:"how"`
	Candidates    []string  `json:"candidates,omitempty"`
	Mentions      []recMent `json:"mentions"`
}

type recMent struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	How   string `json:"how"`
}

// groupOrgs turns mentions into the contract's one-entry-per-organisation
// list, the way the integrator will.
func groupOrgs(ms []Mention) []recOrg {
	var out []recOrg
	idx := map[string]int{}
	for _, m := range ms {
		k := m.OrgID
		if k == "" {
			k = "?" + strings.ToLower(m.Name)
		}
		i, ok := idx[k]
		if !ok {
			o := recOrg{Name: m.Name, Kind: m.Kind, How: m.How, SuccessorCode: m.SuccessorCode, Candidates: m.Candidates}
			if m.Code != "" {
				c := m.Code
				o.Code = &c
			}
			i = len(out)
			idx[k] = i
			out = append(out, o)
		}
		if m.How == HowNamed {
			out[i].How = HowNamed
		}
		out[i].Mentions = append(out[i].Mentions, recMent{m.Text, m.Start, m.End, m.How})
	}
	return out
}

// TestSeedScore links the seed articles, writes records and scores them
// with ../shared/tools/score.py (skipped without ../shared).
func TestSeedScore(t *testing.T) {
	if _, err := os.Stat(scorer); err != nil {
		t.Skip("no ../shared/tools/score.py: seed scoring needs the shared evaluation data")
	}
	l, err := NewLinker(Config{})
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "orgs.jsonl")
	if p := os.Getenv("ORG_SEED_OUT"); p != "" {
		out = p
	}
	f, err := os.Create(out)
	require.NoError(t, err)
	enc := json.NewEncoder(f)
	for _, s := range loadSeeds(t) {
		ms, warns := l.Find(s.text, s.published)
		for _, m := range ms {
			require.Equal(t, m.Text, s.text[m.Start:m.End])
		}
		rec := map[string]any{
			"id":            s.id,
			"source":        map[string]string{"uri": "fixtures/seeds/" + s.name},
			"organisations": groupOrgs(ms),
			"warnings":      warns,
		}
		require.NoError(t, enc.Encode(rec))
	}
	require.NoError(t, f.Close())
	cmd := exec.Command("python3", scorer, "records", "--gold", sharedGold, "--pred", out, "--json")
	res, err := cmd.Output()
	require.NoError(t, err)
	var summary struct {
		Fields []struct {
			Field string  `json:"field"`
			F1    float64 `json:"f1"`
			TP    int     `json:"tp"`
			FP    int     `json:"fp"`
			FN    int     `json:"fn"`
		} `json:"fields"`
	}
	require.NoError(t, json.Unmarshal(res, &summary))
	for _, f := range summary.Fields {
		if f.Field == "organisations" {
			t.Logf("seed organisations F1 %.3f (tp %d fp %d fn %d)", f.F1, f.TP, f.FP, f.FN)
			require.GreaterOrEqual(t, f.F1, 0.97)
		}
	}
}
