package ascii

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLower(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "no capitals is the same string", in: "the trust said", want: "the trust said"},
		{name: "ASCII capitals", in: "The NHS Trust", want: "the nhs trust"},
		{name: "other bytes kept", in: "Émile SAID ’Yes’", want: "Émile said ’yes’"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Lower(tt.in))
		})
	}
}

func TestIs(t *testing.T) {
	assert.True(t, Is(""))
	assert.True(t, Is("Trust, 2023."))
	assert.False(t, Is("café"))
}

// FuzzLower checks that every ASCII stretch of Lower's result is the
// strings.ToLower of the same stretch of the input.
func FuzzLower(f *testing.F) {
	for _, s := range []string{"", "ABC def", "Ünïcode MIX", "\xffA\xfeB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := Lower(s)
		if len(l) != len(s) {
			t.Fatalf("Lower(%q) is %d bytes, want %d", s, len(l), len(s))
		}
		start := 0
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] >= 0x80 {
				if w := s[start:i]; l[start:i] != strings.ToLower(w) {
					t.Fatalf("Lower(%q)[%d:%d] = %q, want %q", s, start, i, l[start:i], strings.ToLower(w))
				}
				start = i + 1
			}
		}
	})
}
