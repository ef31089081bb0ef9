package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain lets a test start this test binary as the cuttings command, so
// that tests can run several real processes against one database.
func TestMain(m *testing.M) {
	if os.Getenv("CUTTINGS_TEST_AS_CLI") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// TestTwoProcessesOneSQLiteFile runs two cuttings processes at once on the
// same SQLite file: both finish without "database is locked" and no row is
// lost.
func TestTwoProcessesOneSQLiteFile(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.db")
	var inputs [2]string
	for p := range inputs {
		inputs[p] = filepath.Join(dir, fmt.Sprintf("in%d", p))
		require.NoError(t, os.MkdirAll(inputs[p], 0o755))
		for i := range 60 {
			text := fmt.Sprintf("Bolton NHS Foundation Trust cancelled %d operations on Monday, process %d said.", 100+i, p)
			require.NoError(t, os.WriteFile(filepath.Join(inputs[p], fmt.Sprintf("a%03d.txt", i)), []byte(text), 0o644))
		}
	}
	var wg sync.WaitGroup
	outs := make([][]byte, 2)
	errs := make([]error, 2)
	for p := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "run", "--db", db, "--published", "2023-09-26", inputs[p])
			cmd.Env = append(os.Environ(), "CUTTINGS_TEST_AS_CLI=1")
			outs[p], errs[p] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for p := range 2 {
		require.NoError(t, errs[p], string(outs[p]))
		assert.NotContains(t, string(outs[p]), "locked")
		assert.Contains(t, string(outs[p]), "60 inputs, 60 records")
	}
	assert.Equal(t, 120, countRows(t, db, "articles"))
	assert.Equal(t, 2, countRows(t, db, "runs"))
}
