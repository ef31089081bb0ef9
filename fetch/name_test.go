package fetch

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSafeName(t *testing.T) {
	tests := []struct {
		name, label, ext string
		prefix           string
	}{
		{name: "url", label: "https://www.example.org/news/2023/09/story.html?id=7", ext: ".html", prefix: "www_example_org_news_2023_09_story_html_id_7_"},
		{name: "dot dot", label: "../../etc/passwd", ext: ".html", prefix: "etc_passwd_"},
		{name: "absolute", label: "/etc/passwd", ext: "", prefix: "etc_passwd_"},
		{name: "warc id", label: "<urn:uuid:7a1b-22>", ext: ".warc", prefix: "urn_uuid_7a1b-22_"},
		{name: "only dots", label: "..", ext: ".html", prefix: ""},
		{name: "backslashes", label: `..\..\windows\system32`, ext: ".txt", prefix: "windows_system32_"},
		{name: "bad ext", label: "x", ext: "/../../evil", prefix: "x_"},
		{name: "unicode", label: "https://example.org/café/naïve", ext: ".html", prefix: "example_org_caf_na_ve_"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SafeName(tt.label, tt.ext)
			assert.True(t, strings.HasPrefix(got, tt.prefix), got)
			assert.NotContains(t, got, "/")
			assert.NotContains(t, got, `\`)
			assert.NotEqual(t, "..", got)
			assert.False(t, strings.HasPrefix(got, "."), got)
			assert.LessOrEqual(t, len(got), maxNameBytes+20)
			dir := "/out"
			assert.Equal(t, dir, filepath.Dir(SafePath(dir, tt.label, tt.ext)))
		})
	}
	assert.NotEqual(t, SafeName("https://a.org/x?y=1", ""), SafeName("https://a.org/x?y=2", ""), "distinct labels, distinct names")
	long := "https://example.org/" + strings.Repeat("a", 5000)
	assert.LessOrEqual(t, len(SafeName(long, ".html")), maxNameBytes+20)
}

func FuzzSafeName(f *testing.F) {
	f.Add("https://example.org/a/../b", ".html")
	f.Add("../../x", "..")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, label, ext string) {
		got := SafeName(label, ext)
		if got == "" || got == "." || got == ".." || strings.ContainsAny(got, `/\`) || strings.HasPrefix(got, ".") {
			t.Fatalf("unsafe name %q from %q %q", got, label, ext)
		}
		if filepath.Dir(SafePath("/out", label, ext)) != "/out" {
			t.Fatalf("escapes: %q", SafePath("/out", label, ext))
		}
	})
}
