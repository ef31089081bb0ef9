package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "https://www.theboltonnews.co.uk/news/1.x/?utm_source=tw#top", want: "https://theboltonnews.co.uk/news/1.x"},
		{in: "HTTP://Example.ORG:80/a/b/?z=1&a=2", want: "https://example.org/a/b?a=2&z=1"},
		{in: "file:///tmp/x.html", want: ""},
		{in: "not a url", want: ""},
		{in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, CanonicalURL(tt.in))
		})
	}
}

func TestID(t *testing.T) {
	a := ID("", "", "https://example.org/story?utm_source=x", "text one")
	b := ID("", "https://www.example.org/story/", "", "text two")
	assert.Equal(t, a, b, "same canonical URL, same id")
	assert.Equal(t, "line-7", ID("line-7", "https://example.org/story", "", ""))
	t1 := ID("", "", "", "Some  text\nhere")
	t2 := ID("", "", "", "Some text here")
	assert.Equal(t, t1, t2, "whitespace does not change a text id")
	assert.NotEqual(t, t1, ID("", "", "", "Other text"))
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, t1)
}
