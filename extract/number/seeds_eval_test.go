package number

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// seedsOut names a JSON Lines file to write the seed records to, for
// ../shared/tools/score.py records.
var seedsOut = flag.String("seeds-out", "", "write seed count records as JSON Lines to this file")

const seedsDir = "../../fixtures/seeds"

// goldDir holds the shared gold annotations; absent in a user's clone.
const goldDir = "../../../shared/gold/seeds"

type seedRecord struct {
	ID     string            `json:"id"`
	Source map[string]string `json:"source"`
	Counts []seedCount       `json:"counts"`
}

type seedCount struct {
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Approx string  `json:"approx"`
	Kind   string  `json:"kind"`
	Unit   string  `json:"unit,omitempty"`
}

func seedFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	require.NoError(t, err)
	sort.Strings(files)
	return files
}

// seedID turns "000_337c….txt" into "seed-000".
func seedID(path string) string {
	base := filepath.Base(path)
	return "seed-" + strings.SplitN(base, "_", 2)[0]
}

// TestSeedCounts writes the seed records (with -seeds-out) and, where the
// shared gold is present, scores them as score.py does: a count matches a
// gold count of the same kind and value; approx is checked on matches.
func TestSeedCounts(t *testing.T) {
	files := seedFiles(t)
	if len(files) == 0 {
		t.Skip("no seed fixtures")
	}
	var out *os.File
	if *seedsOut != "" {
		var err error
		out, err = os.Create(*seedsOut)
		require.NoError(t, err)
		defer out.Close()
	}
	_, goldErr := os.Stat(goldDir)
	var tp, fp, fn, approxOK int
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(b)
		rec := seedRecord{ID: seedID(f), Source: map[string]string{"uri": "fixtures/seeds/" + filepath.Base(f)}}
		for _, c := range Find(text) {
			require.Equal(t, c.Text, text[c.Start:c.End])
			sc := seedCount{Text: c.Text, Value: c.Value, Approx: c.Approx, Kind: c.Kind, Unit: c.Unit}
			if !c.IsRange() {
				rec.Counts = append(rec.Counts, sc)
				continue
			}
			// A range is two contract entries (normalize writes them so).
			lo, hi := sc, sc
			hi.Value = c.RangeEnd
			if c.Approx == Exact {
				lo.Approx, hi.Approx = AtLeast, UpTo
			}
			rec.Counts = append(rec.Counts, lo, hi)
		}
		if out != nil {
			line, err := json.Marshal(rec)
			require.NoError(t, err)
			_, err = out.Write(append(line, '\n'))
			require.NoError(t, err)
		}
		if goldErr != nil {
			continue
		}
		gb, err := os.ReadFile(filepath.Join(goldDir, rec.ID+".json"))
		require.NoError(t, err)
		var gold struct {
			Counts []seedCount `json:"counts"`
		}
		require.NoError(t, json.Unmarshal(gb, &gold))
		a, b2, c2, ok := scoreCounts(gold.Counts, rec.Counts, t)
		tp, fp, fn, approxOK = tp+a, fp+b2, fn+c2, approxOK+ok
	}
	if goldErr != nil {
		t.Skip("shared gold absent (" + goldDir + "): wrote records only")
	}
	p := float64(tp) / math.Max(1, float64(tp+fp))
	r := float64(tp) / math.Max(1, float64(tp+fn))
	f1 := 2 * p * r / math.Max(1e-9, p+r)
	acc := float64(approxOK) / math.Max(1, float64(tp))
	t.Logf("seed counts: tp %d fp %d fn %d  P %.3f R %.3f F1 %.3f  approx %d/%d = %.3f", tp, fp, fn, p, r, f1, approxOK, tp, acc)
	require.GreaterOrEqual(t, f1, 0.95, "counts F1")
	require.GreaterOrEqual(t, acc, 0.95, "approx accuracy")
}

// scoreCounts matches as score.py does and logs every miss.
func scoreCounts(gold, pred []seedCount, t *testing.T) (tp, fp, fn, approxOK int) {
	key := func(c seedCount) string {
		k := c.Kind
		if k == "" {
			k = KindCount
		}
		return k + "/" + jsonNum(c.Value)
	}
	pool := map[string][]seedCount{}
	for _, c := range pred {
		pool[key(c)] = append(pool[key(c)], c)
	}
	for _, g := range gold {
		k := key(g)
		if len(pool[k]) > 0 {
			p := pool[k][0]
			pool[k] = pool[k][1:]
			tp++
			if p.Approx == g.Approx {
				approxOK++
			} else {
				t.Logf("approx: gold %q %s got %q %s", g.Text, g.Approx, p.Text, p.Approx)
			}
		} else {
			fn++
			t.Logf("missed %q = %v", g.Text, g.Value)
		}
	}
	for _, rest := range pool {
		for _, c := range rest {
			if c.Value < 1000 && strings.IndexAny(c.Text, "0123456789") < 0 {
				continue
			}
			fp++
			t.Logf("extra %q = %v %s", c.Text, c.Value, c.Kind)
		}
	}
	return tp, fp, fn, approxOK
}

func jsonNum(v float64) string {
	b, _ := json.Marshal(math.Round(v*1e6) / 1e6)
	return string(b)
}
