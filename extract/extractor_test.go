package extract

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cuttings/cuttings/fetch"
)

func TestExtractText(t *testing.T) {
	x, err := New(Config{DefaultPublished: time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	tests := []struct {
		name          string
		body          string
		meta          fetch.Meta
		wantPublished string
		wantLanguage  string
		wantWarning   string
		wantErr       error
	}{
		{
			name:          "sidecar date wins",
			body:          "\ufeffBolton NHS Foundation Trust said it had cancelled 736 operations last week because of the strike by junior doctors.\r\n\r\nThe trust apologised to patients.",
			meta:          fetch.Meta{Published: "2023-10-05", Title: "T"},
			wantPublished: "2023-10-05",
			wantLanguage:  "en",
		},
		{
			name:          "default date with a warning",
			body:          "Hospitals across the country postponed thousands of appointments during the walkout, figures published today show.",
			wantPublished: "2023-09-26",
			wantWarning:   "published date not found; relative dates resolved against --published",
		},
		{
			name:          "unreadable date",
			body:          "Some text about the health service and the strike that is long enough to read.",
			meta:          fetch.Meta{Published: "next Tuesday-ish"},
			wantPublished: "2023-09-26",
			wantWarning:   `published date "next Tuesday-ish" not understood`,
		},
		{name: "NUL bytes only", body: "\x00\x00 \n", wantErr: ErrNoText},
		{
			name:          "invalid UTF-8 and NUL bytes repaired",
			body:          "The trust\x00 said \xff\xfe it was sorry about the cancellations and would rebook patients.",
			meta:          fetch.Meta{Published: "2023-09-26"},
			wantPublished: "2023-09-26",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := x.Extract(&fetch.Document{URI: "t", Format: fetch.FormatText, Body: []byte(tt.body), Meta: tt.meta})
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantPublished, a.Published)
			assert.NotContains(t, a.Text, "\x00")
			assert.NotContains(t, a.Text, "\ufeff")
			assert.NotContains(t, a.Text, "\r")
			if tt.wantLanguage != "" {
				assert.Equal(t, tt.wantLanguage, a.Language)
			}
			if tt.wantWarning != "" {
				assert.Contains(t, a.Warnings, tt.wantWarning)
			}
		})
	}
}

func TestExtractHTMLScriptStyle(t *testing.T) {
	x, err := New(Config{})
	require.NoError(t, err)
	page := `<html><head><style>p{color:red}</style><script>var secret = "do not index";</script></head>
<body><article><h1>Strike hits clinics</h1><p>Clinics at the Royal Bolton Hospital were cancelled on Monday as junior doctors walked out.</p>
<script>document.write("tracking pixel")</script><p>Bolton NHS Foundation Trust said it was working hard to rebook every patient.</p></article></body></html>`
	a, err := x.Extract(&fetch.Document{URI: "p", Format: fetch.FormatHTML, Body: []byte(page), ContentType: "text/html"})
	require.NoError(t, err)
	assert.Contains(t, a.Text, "Royal Bolton Hospital")
	for _, leak := range []string{"secret", "color:red", "tracking pixel"} {
		assert.NotContains(t, a.Text, leak)
	}
}
