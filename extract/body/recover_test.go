package body

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCompactKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{name: "ascii", in: "The Trust's 2023 plan, in full.", want: "thetrusts2023planinfull"},
		{name: "accents", in: "Café ÉTÉ – naïve", want: "cafééténaïve"},
		{name: "other digits and marks", in: "“Quote” ١٢ x", want: "quote١٢x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, compactKey(tt.in))
		})
	}
}
