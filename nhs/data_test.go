package nhs

import (
	"encoding/csv"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLoadEmbedded(t *testing.T) {
	d, err := Load(nil)
	require.NoError(t, err)
	assert.Greater(t, len(d.Orgs), 300)
	assert.Greater(t, len(d.Sites), 1000)
	o := d.Orgs["RMC"]
	require.NotNil(t, o)
	assert.Equal(t, KindTrust, o.Kind)
	assert.Equal(t, "Bolton NHS Foundation Trust", d.NameAt("RMC", date("2023-09-26")))
}

func TestInForce(t *testing.T) {
	d, err := Load(nil)
	require.NoError(t, err)
	tests := []struct {
		name, id, at string
		want         []string
	}{
		{name: "open trust", id: "RMC", at: "2023-09-26", want: []string{"RMC"}},
		{name: "before a merger", id: "RXH", at: "2016-01-12", want: []string{"RXH"}},
		{name: "after a merger", id: "RXH", at: "2022-01-12", want: []string{"RYR"}},
		{name: "merger day", id: "RRP", at: "2024-11-01", want: []string{"G6V2S"}},
		{name: "day before merger", id: "RRP", at: "2024-10-31", want: []string{"RRP"}},
		{name: "new trust before it opened", id: "R0A", at: "2016-01-12", want: []string{"RM2", "RW3", "RW6"}},
		{name: "split", id: "RW6", at: "2022-01-01", want: []string{"R0A", "RM3"}},
		{name: "unknown code", id: "ZZZ", at: "2022-01-01", want: []string{"ZZZ"}},
		{name: "Scottish board recoded", id: "S08000021", at: "2020-01-01", want: []string{"S08000031"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, d.InForce(tt.id, date(tt.at)))
		})
	}
	assert.Equal(t, []string{"RYR"}, d.Today("RXH"))
	assert.Equal(t, []string{"RMC"}, d.Today("RMC"))
}

func TestNameAt(t *testing.T) {
	d, err := Load(nil)
	require.NoError(t, err)
	tests := []struct{ id, at, want string }{
		{"RA7", "2016-01-12", "University Hospitals Bristol NHS Foundation Trust"},
		{"RA7", "2023-01-12", "University Hospitals Bristol and Weston NHS Foundation Trust"},
		{"RYR", "2020-06-01", "Western Sussex Hospitals NHS Foundation Trust"},
		{"ZZZ", "2020-06-01", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, d.NameAt(tt.id, date(tt.at)), tt.id+" "+tt.at)
	}
	assert.True(t, d.OpenAt("RXH", date("2016-01-12")))
	assert.False(t, d.OpenAt("RXH", date("2022-01-12")))
	assert.False(t, d.OpenAt("ZZZ", date("2022-01-12")))
}

func TestLoadErrors(t *testing.T) {
	good := Embedded()
	read := func(name string) []byte {
		b, err := fs.ReadFile(good, name)
		require.NoError(t, err)
		return b
	}
	tests := []struct {
		name string
		fs   fstest.MapFS
	}{
		{name: "missing files", fs: fstest.MapFS{}},
		{name: "empty orgs", fs: fstest.MapFS{fileOrgs: {Data: nil}, fileSucc: {Data: read(fileSucc)}, fileSites: {Data: read(fileSites)}}},
		{name: "bad names", fs: fstest.MapFS{fileOrgs: {Data: []byte("id,code,names\nRMC,RMC,notadate=Bolton\n")}, fileSucc: {Data: read(fileSucc)}, fileSites: {Data: read(fileSites)}}},
		{name: "bad succ date", fs: fstest.MapFS{fileOrgs: {Data: read(fileOrgs)}, fileSucc: {Data: []byte("pred,succ,date\nA,B,yesterday\n")}, fileSites: {Data: read(fileSites)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.fs)
			require.Error(t, err)
		})
	}
	_, err := Load(fstest.MapFS{fileOrgs: {Data: []byte("id,names\n\"a,b\n")}})
	require.ErrorIs(t, err, ErrBadData)
	var pe *csv.ParseError
	require.ErrorAs(t, err, &pe, "the CSV error with its position is kept")
}

func TestTitleCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ST GEORGE'S UNIVERSITY HOSPITALS NHS FOUNDATION TRUST", "St George's University Hospitals NHS Foundation Trust"},
		{"UNIVERSITY HOSPITALS OF MORECAMBE BAY NHS FOUNDATION TRUST", "University Hospitals of Morecambe Bay NHS Foundation Trust"},
		{"BARNET, ENFIELD AND HARINGEY MENTAL HEALTH NHS TRUST", "Barnet, Enfield and Haringey Mental Health NHS Trust"},
		{"STOKE-ON-TRENT", "Stoke-on-Trent"},
		{"THE ROYAL MARSDEN NHS FOUNDATION TRUST", "The Royal Marsden NHS Foundation Trust"},
		{"Royal Bolton Hospital", "Royal Bolton Hospital"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, TitleCase(tt.in))
	}
}
