package body

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/net/html"
)

func TestEmptyCode(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "no code", in: "<p>a</p>", want: "<p>a</p>"},
		{name: "script", in: "<p>a</p><script>var x = 1 < 2;</script><p>b</p>", want: "<p>a</p><script></script><p>b</p>"},
		{name: "style", in: "<style>p{color:red}</style><p>b</p>", want: "<style></style><p>b</p>"},
		{name: "upper case", in: "<SCRIPT src=x>y()</ScRiPt ><p>b</p>", want: "<SCRIPT src=x></ScRiPt ><p>b</p>"},
		{name: "JSON-LD kept", in: `<script type="application/ld+json">{"a":1}</script>`, want: `<script type="application/ld+json">{"a":1}</script>`},
		{name: "other JSON kept", in: `<script id=__NEXT_DATA__ type=application/json>{"a":1}</script>`, want: `<script id=__NEXT_DATA__ type=application/json>{"a":1}</script>`},
		{name: "quoted >", in: `<script data-x="a>b">f()</script>`, want: `<script data-x="a>b"></script>`},
		{name: "end tag in a string", in: `<script>s = "</scripts>"; t()</script>`, want: `<script></script>`},
		{name: "comment escape left", in: `<script><!-- document.write("<script>x</script>") --></script>`, want: `<script><!-- document.write("<script>x</script>") --></script>`},
		{name: "in a comment", in: `<!-- <script>x</script> --><p>a</p>`, want: `<!-- <script>x</script> --><p>a</p>`},
		{name: "in an attribute", in: `<a title="<script>">keep</a><script>x</script>`, want: `<a title="<script>">keep</a><script></script>`},
		{name: "in a title", in: `<title>a <script>b</script></title>`, want: `<title>a <script>b</script></title>`},
		{name: "in a textarea", in: `<textarea><style>x</style></textarea>`, want: `<textarea><style>x</style></textarea>`},
		{name: "no end tag", in: `<script>never closed <p>text`, want: `<script>never closed <p>text`},
		{name: "plaintext", in: `<plaintext><script>x</script>`, want: `<plaintext><script>x</script>`},
		{name: "not a tag name", in: `<scripted>a</scripted><script>b</script>`, want: `<scripted>a</scripted><script></script>`},
		{name: "unterminated tag", in: `<p title="x><script>a</script>`, want: `<p title="x><script>a</script>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := emptyCode(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, visibleTokens(tt.in), visibleTokens(got), "tokens outside code")
		})
	}
}

// visibleTokens renders the tokens the HTML tokenizer reads from s, without
// the text inside <script> and <style> elements.
func visibleTokens(s string) []string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out []string
	inCode := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			inCode = tok.Data == "script" || tok.Data == "style"
		case html.EndTagToken:
			inCode = false
		case html.TextToken:
			if inCode {
				continue
			}
		}
		out = append(out, tt.String()+" "+tok.String())
	}
}

// FuzzEmptyCode checks that emptying code never changes what the tokenizer
// reads outside script and style elements.
func FuzzEmptyCode(f *testing.F) {
	for _, s := range []string{
		"<p>a</p><script>x</script>", `<script type="application/ld+json">{}</script>`,
		"<!-- <script>x</script> -->", `<a title="<style>">k</a><style>p{}</style>`,
		"<script><!--<script>x</script>--></script>", "<title><script>x</script></title>",
		"<plaintext><style>a</style>", "</p x='>'><style>b</style>", "<!x <script>y</script>",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "local_news.html")); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := emptyCode(s)
		if len(got) > len(s) {
			t.Fatalf("grew from %d to %d bytes", len(s), len(got))
		}
		want, have := visibleTokens(s), visibleTokens(got)
		if strings.Join(want, "\n") != strings.Join(have, "\n") {
			t.Fatalf("tokens changed:\n%q\n%q", want, have)
		}
	})
}
