package compare

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/cuttings/cuttings/normalize"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenSources are invented reports of one trust's cancellations and a
// national total, with a syndicated copy and a disagreeing figure.
func goldenSources() []Source {
	week := &normalize.Period{Start: "2023-09-19", End: "2023-09-23"}
	total := "The number of appointments cancelled due to strikes across England surpassed one million following the strike."
	return []Source{
		src("echo-1", "Northshire Echo", "2023-09-26", trust, "cancelled", 604, "exact", week, "The trust cancelled 604 appointments or operations between September 19 and 23."),
		src("times-7", "County Times", "2023-09-27", trust, "cancelled", 640, "exact", week, "Some 640 operations were called off at the trust during the strike."),
		src("echo-1", "Northshire Echo", "2023-09-26", england, "cancelled", 1e6, "over", nil, total),
		src("gazette-3", "Valley Gazette", "2023-10-03", england, "cancelled", 1e6, "over", nil, "It comes as t"+total[1:]),
		src("times-7", "County Times", "2023-09-27", england, "rescheduled", 531000, "exact", nil, "To date, 531,000 appointments have been rescheduled."),
		src("gazette-3", "Valley Gazette", "2023-10-03", england, "rescheduled", 500000, "under", nil, "Nearly half a million appointments have been rescheduled, officials said."),
	}
}

func TestWritersGolden(t *testing.T) {
	gs := Groups(goldenSources())
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"groups.txt", func(b *bytes.Buffer) error { return WriteText(b, gs) }},
		{"groups.json", func(b *bytes.Buffer) error { return WriteJSON(b, gs) }},
		{"groups.csv", func(b *bytes.Buffer) error { return WriteCSV(b, gs) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, tc.write(&buf))
			path := filepath.Join("testdata", tc.name)
			if *update {
				require.NoError(t, os.MkdirAll("testdata", 0o755))
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to write %s", path)
			require.Equal(t, string(want), buf.String())
		})
	}
}
