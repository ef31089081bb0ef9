package extract

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		wantDay string
		wantISO string
		ok      bool
	}{
		{in: "2023-09-26", wantDay: "2023-09-26", wantISO: "2023-09-26", ok: true},
		{in: " 2023-09-26T23:30:00+01:00", wantDay: "2023-09-26", wantISO: "2023-09-26T23:30:00+01:00", ok: true},
		{in: "2016-01-12T00:00:00Z", wantDay: "2016-01-12", wantISO: "2016-01-12", ok: true},
		{in: "Tue, 12 Jan 2016 09:15:00 GMT", wantDay: "2016-01-12", wantISO: "2016-01-12T09:15:00Z", ok: true},
		{in: "12 January 2016", wantDay: "2016-01-12", wantISO: "2016-01-12", ok: true},
		{in: "20160112", wantDay: "2016-01-12", wantISO: "2016-01-12", ok: true},
		{in: "yesterday", ok: false},
		{in: "0001-01-01", ok: false},
		{in: "", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			day, iso, ok := ParseDate(tt.in)
			assert.Equal(t, tt.ok, ok)
			if !tt.ok {
				return
			}
			assert.Equal(t, tt.wantDay, day.Format(time.DateOnly))
			assert.Equal(t, time.UTC, day.Location())
			assert.Equal(t, tt.wantISO, iso)
		})
	}
}
