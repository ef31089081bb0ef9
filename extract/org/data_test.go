package org

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/nhs"
)

// TestLinkerOnUpdatedData builds a linker from reference data regenerated
// with nhs.Update (invented organisations), as `cuttings refdata update`
// followed by Config.Data = os.DirFS(dir) would.
func TestLinkerOnUpdatedData(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, nhs.Update(filepath.Join("..", "..", "nhs", "testdata", "raw"), dir))
	l, err := NewLinker(Config{Data: os.DirFS(dir)})
	require.NoError(t, err)
	tests := []struct {
		name, text, published, span, code, succ string
	}{
		{name: "site before the merger", text: "Pickets outside Betaton General Hospital grew.", published: "2020-05-01",
			span: "Betaton General Hospital", code: "RZB", succ: "RZC"},
		{name: "site after the merger", text: "Pickets outside Betaton General Hospital grew.", published: "2024-05-01",
			span: "Betaton General Hospital", code: "RZC"},
		{name: "shortening", text: "The Alphaville trust cancelled clinics.", published: "2024-05-01",
			span: "Alphaville trust", code: "RZA"},
		{name: "merged trust by name", text: "Alphaville and Betaton NHS Foundation Trust said so.", published: "2024-05-01",
			span: "Alphaville and Betaton NHS Foundation Trust", code: "RZC"},
		{name: "Scottish hospital", text: "Glenshire Royal Hospital was busy.", published: "2024-05-01",
			span: "Glenshire Royal Hospital", code: "S08000999"},
		{name: "board", text: "NHS Glenshire said so.", published: "2016-05-01", span: "NHS Glenshire", code: "S08000998", succ: "S08000999"},
		{name: "bare town", text: "Betaton voted to strike.", published: "2024-05-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, _ := l.Find(tt.text, day(tt.published))
			if tt.span == "" {
				for _, m := range ms {
					assert.Empty(t, m.Code)
				}
				return
			}
			m := find(ms, tt.span)
			require.NotNil(t, m, "%+v", ms)
			assert.Equal(t, tt.code, m.Code)
			assert.Equal(t, tt.succ, m.SuccessorCode)
		})
	}
}
