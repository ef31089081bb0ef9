//go:build eval

// The seed evaluation runs the whole pipeline, so it needs every stage to
// build: go test -tags eval -run TestEvalSeedClaims ./normalize/claim
// (add -seeds-out FILE to write the records for score.py).

package claim_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cuttings/cuttings/extract"
	"github.com/cuttings/cuttings/fetch"
	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/pipeline"
	"github.com/stretchr/testify/require"
)

// seedsOut names a JSON Lines file for the seed records, to score with
// ../shared/tools/score.py records.
var seedsOut = flag.String("seeds-out", "", "write the seed records (with claims) as JSON Lines to this file")

const (
	seedsDir = "../../fixtures/seeds"
	goldDir  = "../../../shared/gold/seeds"
)

// minSeedClaimsF1 is the claims F1 reached on the seeds with the whole
// pipeline (organisations, dates, quotes and counts from their packages).
const minSeedClaimsF1 = 0.97

// TestEvalSeedClaims runs the pipeline on the four seed articles and
// scores their claims as score.py does: a claim matches a gold claim with
// the same subject (code, else name) and value. Skipped without the shared
// gold.
func TestEvalSeedClaims(t *testing.T) {
	if _, err := os.Stat(goldDir); err != nil {
		t.Skip("shared gold absent (" + goldDir + ")")
	}
	x, err := extract.New(extract.Config{})
	require.NoError(t, err)
	files, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	require.NoError(t, err)
	sort.Strings(files)
	var out *os.File
	if *seedsOut != "" {
		out, err = os.Create(*seedsOut)
		require.NoError(t, err)
		defer out.Close()
	}
	var tp, fp, fn, perOK, perN, cumOK int
	for _, f := range files {
		id := "seed-" + strings.SplitN(filepath.Base(f), "_", 2)[0]
		text, err := os.ReadFile(f)
		require.NoError(t, err)
		metaB, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".meta.json")
		require.NoError(t, err)
		var meta map[string]any
		require.NoError(t, json.Unmarshal(metaB, &meta))
		meta["text"] = string(text)
		meta["id"] = id
		line, err := json.Marshal(meta)
		require.NoError(t, err)
		doc, err := fetch.ParseLine(line)
		require.NoError(t, err)
		doc.URI = "fixtures/seeds/" + filepath.Base(f)
		rec, err := pipeline.Process(x, doc)
		require.NoError(t, err)
		rec.ID = id
		if out != nil {
			b, err := json.Marshal(rec)
			require.NoError(t, err)
			_, err = out.Write(append(b, '\n'))
			require.NoError(t, err)
		}
		gb, err := os.ReadFile(filepath.Join(goldDir, id+".json"))
		require.NoError(t, err)
		var gold struct {
			Claims []struct {
				Subject    string   `json:"subject"`
				Metric     string   `json:"metric"`
				Value      float64  `json:"value"`
				Period     []string `json:"period"`
				Cumulative bool     `json:"cumulative"`
			} `json:"claims"`
		}
		require.NoError(t, json.Unmarshal(gb, &gold))
		pool := map[string][]normalize.Claim{}
		for _, c := range rec.Claims {
			k := subjKey(c.Subject) + "/" + fmt.Sprint(math.Round(c.Value*1e6)/1e6)
			pool[k] = append(pool[k], c)
		}
		for _, g := range gold.Claims {
			s := g.Subject
			if codeRe.MatchString(s) {
				s = strings.ToUpper(s)
			} else {
				s = strings.ToLower(s)
			}
			k := s + "/" + fmt.Sprint(math.Round(g.Value*1e6)/1e6)
			if len(pool[k]) == 0 {
				fn++
				t.Logf("%s missed %s %s %v", id, g.Subject, g.Metric, g.Value)
				continue
			}
			p := pool[k][0]
			pool[k] = pool[k][1:]
			tp++
			if p.Cumulative == g.Cumulative {
				cumOK++
			} else {
				t.Logf("%s cumulative %s %v: gold %v", id, g.Subject, g.Value, g.Cumulative)
			}
			if len(g.Period) == 2 {
				perN++
				if p.Period != nil && p.Period.Start == g.Period[0] && p.Period.End == g.Period[1] {
					perOK++
				} else {
					t.Logf("%s period %s %v: gold %v got %+v", id, g.Subject, g.Value, g.Period, p.Period)
				}
			}
		}
		for _, rest := range pool {
			for _, c := range rest {
				fp++
				t.Logf("%s extra %s/%s %s %v %q", id, c.Subject.Name, c.Subject.Code, c.Metric, c.Value, c.Evidence)
			}
		}
	}
	p := float64(tp) / math.Max(1, float64(tp+fp))
	r := float64(tp) / math.Max(1, float64(tp+fn))
	f1 := 2 * p * r / math.Max(1e-9, p+r)
	t.Logf("seed claims: tp %d fp %d fn %d  P %.3f R %.3f F1 %.3f  period %d/%d  cumulative %d/%d", tp, fp, fn, p, r, f1, perOK, perN, cumOK, tp)
	require.GreaterOrEqual(t, f1, minSeedClaimsF1)
}

var codeRe = regexp.MustCompile(`^[A-Z0-9]{3,5}$`)

func subjKey(s normalize.Subject) string {
	if s.Code != "" {
		return strings.ToUpper(s.Code)
	}
	return strings.ToLower(strings.TrimSpace(s.Name))
}
