package body

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUTF8Counts(t *testing.T) {
	tests := []struct {
		name           string
		in             string
		valid, invalid int
	}{
		{name: "empty"},
		{name: "ascii", in: "plain text, longer than one word of eight"},
		{name: "sign in the first word", in: "£100 and more plain text here", valid: 1},
		{name: "sign across a word boundary", in: "1234567£ and more", valid: 1},
		{name: "sign at the end", in: "a long stretch of plain text then £", valid: 1},
		{name: "latin-1 byte", in: "caf\xe9 and a long stretch of plain text", invalid: 1},
		{name: "mixed", in: "€ then \xff then “quoted” text", valid: 3, invalid: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			valid, invalid := utf8Counts([]byte(tt.in))
			assert.Equal(t, tt.valid, valid, "valid")
			assert.Equal(t, tt.invalid, invalid, "invalid")
		})
	}
}
