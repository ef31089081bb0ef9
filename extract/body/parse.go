package body

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// maxDepth is how deeply elements may nest after flattening. The HTML
// parser refuses trees deeper than 512 open elements.
const maxDepth = 200

// parseHTML parses a page. When the markup nests too deeply for the parser,
// elements below maxDepth are dropped (their text kept) and the page parsed
// again; flattened reports that this happened.
func parseHTML(s string) (doc *html.Node, flattened bool, err error) {
	doc, err = html.Parse(strings.NewReader(s))
	if err == nil {
		return doc, false, nil
	}
	// The parser adds elements of its own (tbody, reopened formatting
	// tags), so try a shallower limit if the first is not enough.
	for _, limit := range []int{maxDepth, maxDepth / 4} {
		if doc, err = html.Parse(strings.NewReader(flatten(s, limit))); err == nil {
			return doc, true, nil
		}
	}
	return nil, true, fmt.Errorf("body: parse html: %w: %w", ErrUnreadable, err)
}

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true, "keygen": true,
}

// flatten rewrites markup so that no element opens below depth limit: start
// tags that would, and the end tags that match them, are left out. Text,
// comments and shallower tags are copied unchanged.
func flatten(s string, limit int) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	out.Grow(len(s))
	// stack holds open element names; dropped counts, per name, start tags
	// left out that are still open.
	var stack []string
	dropped := map[string]int{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF, or a tokenizer error: either way the input ends here.
			return out.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if voidElements[n] {
				out.Write(z.Raw())
				continue
			}
			if len(stack) >= limit {
				dropped[n]++
				continue
			}
			stack = append(stack, n)
			out.Write(z.Raw())
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if dropped[n] > 0 {
				dropped[n]--
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == n {
					stack = stack[:i]
					break
				}
			}
			out.Write(z.Raw())
		default:
			out.Write(z.Raw())
		}
	}
}
