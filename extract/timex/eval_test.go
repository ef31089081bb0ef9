package timex

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The evaluations read the shared data next to the checkout
// (/work/shared); they skip when it is absent.
const sharedDir = "../../../shared"

var (
	evalOut  = flag.String("eval-out", "", "directory to keep the evaluation JSONL files in (default: a temporary one)")
	evalDump = flag.Bool("eval-dump", false, "log every mention found with its context")
)

func dump(t *testing.T, id, text string, ms []Mention) {
	if !*evalDump {
		return
	}
	for _, m := range ms {
		from, to := max(0, m.Start-50), min(len(text), m.End+30)
		t.Logf("%s %s..%s %-8s %q in %q", id, m.StartDate, m.EndDate, m.Kind, m.Text, strings.ReplaceAll(text[from:to], "\n", " "))
	}
}

type dateRecord struct {
	Text  string   `json:"text"`
	Start string   `json:"start"`
	End   string   `json:"end"`
	Grain string   `json:"grain"`
	Kind  string   `json:"kind"`
	Days  []string `json:"days,omitempty"`
	Span  struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"span"`
}

func toRecords(ms []Mention) []dateRecord {
	out := make([]dateRecord, 0, len(ms))
	for _, m := range ms {
		r := dateRecord{Text: m.Text, Start: m.StartDate, End: m.EndDate, Grain: m.Grain, Kind: m.Kind, Days: m.Days}
		r.Span.Start, r.Span.End = m.Start, m.End
		out = append(out, r)
	}
	return out
}

func needShared(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, "tools", "score.py")); err != nil {
		t.Skipf("shared evaluation data not found at %s: %v", sharedDir, err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found; the scorer needs it")
	}
}

func outDir(t *testing.T) string {
	if *evalOut != "" {
		require.NoError(t, os.MkdirAll(*evalOut, 0o755))
		return *evalOut
	}
	return t.TempDir()
}

func writeJSONL(t *testing.T, path string, recs []any) {
	t.Helper()
	f, err := os.Create(path)
	require.NoError(t, err)
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		require.NoError(t, enc.Encode(r))
	}
	require.NoError(t, w.Flush())
	require.NoError(t, f.Close())
}

func score(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("python3", append([]string{filepath.Join(sharedDir, "tools", "score.py")}, args...)...)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	return string(out)
}

var reF1 = regexp.MustCompile(`F1 ([0-9.]+)`)

// TestEvalSeeds scores the four seed articles' dates against the gold.
func TestEvalSeeds(t *testing.T) {
	needShared(t)
	paths, err := filepath.Glob("../../fixtures/seeds/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var recs []any
	for _, p := range paths {
		text, err := os.ReadFile(p)
		require.NoError(t, err)
		var meta struct {
			Published string `json:"published"`
		}
		b, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".meta.json")
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, &meta))
		ref, err := time.Parse(isoDay, meta.Published[:10])
		require.NoError(t, err)
		base := filepath.Base(p)
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		require.NoError(t, err)
		recs = append(recs, map[string]any{
			"id":     "seed-" + strings.Repeat("0", 3-len(strconv.Itoa(n))) + strconv.Itoa(n),
			"source": map[string]string{"uri": "fixtures/seeds/" + base},
			"dates":  toRecords(Find(string(text), ref)),
		})
		dump(t, base[:3], string(text), Find(string(text), ref))
	}
	out := filepath.Join(outDir(t), "timex-seeds.jsonl")
	writeJSONL(t, out, recs)
	res := score(t, "records", "--gold", filepath.Join(sharedDir, "gold", "seeds"), "--pred", out, "-v")
	t.Log(res)
	var f1 float64
	for _, line := range strings.Split(res, "\n") {
		fs := strings.Fields(line)
		if len(fs) > 0 && fs[0] == "dates" {
			f1 = lastFloat(t, fs)
		}
	}
	require.GreaterOrEqual(t, f1, 0.95, "seed dates F1")
}

func lastFloat(t *testing.T, fs []string) float64 {
	for i := len(fs) - 1; i >= 0; i-- {
		if v, err := strconv.ParseFloat(fs[i], 64); err == nil {
			return v
		}
	}
	t.Fatalf("no number in %q", fs)
	return 0
}

// TestEvalTempEval3 scores resolved DATE values on TempEval-3 platinum.
func TestEvalTempEval3(t *testing.T) {
	needShared(t)
	tml := filepath.Join(sharedDir, "data", "timeml", "te3-platinum")
	if _, err := os.Stat(tml); err != nil {
		t.Skipf("TempEval-3 data not found: %v", err)
	}
	inputs := score(t, "te3-inputs", "--tml", tml)
	var recs []any
	for _, line := range strings.Split(inputs, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var in struct {
			ID        string `json:"id"`
			Published string `json:"published"`
			Text      string `json:"text"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &in))
		var ref time.Time
		if in.Published != "" {
			ref, _ = time.Parse(isoDay, in.Published[:10])
		}
		ms := Find(in.Text, ref)
		dump(t, in.ID, in.Text, ms)
		recs = append(recs, map[string]any{"id": in.ID, "dates": toRecords(ms)})
	}
	out := filepath.Join(outDir(t), "timex-te3.jsonl")
	writeJSONL(t, out, recs)
	res := score(t, "te3", "--tml", tml, "--pred", out, "-v")
	t.Log(res)
	m := reF1.FindStringSubmatch(res)
	require.NotNil(t, m, res)
	f1, _ := strconv.ParseFloat(m[1], 64)
	require.GreaterOrEqual(t, f1, 0.85, "TE3 DATE value F1")
}

var evalCorpus = flag.String("eval-corpus", "", "JSON Lines file of {id, published, text} to run Find over, logging every mention (for reading, not scoring)")

// TestDumpCorpus logs what Find makes of any corpus given with
// -eval-corpus, to look for false positives by eye.
func TestDumpCorpus(t *testing.T) {
	if *evalCorpus == "" {
		t.Skip("no -eval-corpus given")
	}
	b, err := os.ReadFile(*evalCorpus)
	require.NoError(t, err)
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var in struct {
			ID        string `json:"id"`
			Published string `json:"published"`
			Text      string `json:"text"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &in))
		var ref time.Time
		if len(in.Published) >= 10 {
			ref, _ = time.Parse(isoDay, in.Published[:10])
		}
		*evalDump = true
		dump(t, in.ID, in.Text, Find(in.Text, ref))
	}
}
