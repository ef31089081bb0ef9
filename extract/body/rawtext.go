package body

import (
	"strings"
)

// emptyCode returns the page with the contents of its <style> elements and
// of its code <script> elements removed, the tags themselves kept. Such
// contents are half the bytes of a typical news page, and every later pass
// (parsing, the extractor's copies of the tree, its searches) pays for them
// while no text, metadata or date is read from them, except from data
// scripts (JSON-LD and other JSON), which are kept.
//
// The scan follows the HTML tokenizer closely enough to be safe: comments,
// and elements whose contents are raw text (title, textarea, noscript,
// iframe…), are skipped whole, and an element is left untouched wherever
// the tokenizer might read its end differently (a script holding "<!--",
// an element with no end tag).
func emptyCode(s string) string {
	// cuts are the [from, to) ranges to leave out, in order.
	var cuts [][2]int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				i = len(s)
				continue
			}
			i += 4 + end + 3
			continue
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"):
			// A doctype or bogus comment runs to the next ">".
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = len(s)
				continue
			}
			i += end + 1
			continue
		}
		if len(rest) < 2 {
			break
		}
		if rest[1] == '/' {
			// An end tag, or a bogus comment: either ends at ">" (the
			// tokenizer reads an end tag's attributes too).
			end := startTagEnd(rest)
			if end < 0 {
				break
			}
			i += end
			continue
		}
		if !isASCIILetter(rest[1]) {
			i++
			continue
		}
		open := startTagEnd(rest)
		if open < 0 {
			break
		}
		name := rawTextElement(rest[1:])
		if name == "plaintext" {
			// The rest of the page is text.
			break
		}
		if name == "" {
			i += open
			continue
		}
		body := rest[open:]
		stop := indexEndTag(body, name)
		if stop < 0 {
			// No end tag: the tokenizer reads to the end of the page.
			break
		}
		endTag := startTagEnd(body[stop:])
		if endTag < 0 {
			break
		}
		if stop > 0 && (name == "style" || name == "script" && isCodeScript(rest[:open], body[:stop])) {
			cuts = append(cuts, [2]int{i + open, i + open + stop})
		}
		i += open + stop + endTag
	}
	if len(cuts) == 0 {
		return s
	}
	n := len(s)
	for _, c := range cuts {
		n -= c[1] - c[0]
	}
	var out strings.Builder
	out.Grow(n)
	last := 0
	for _, c := range cuts {
		out.WriteString(s[last:c[0]])
		last = c[1]
	}
	out.WriteString(s[last:])
	return out.String()
}

// rawTextNames are the elements whose contents the tokenizer reads as raw
// text, up to the matching end tag.
var rawTextNames = []string{"script", "style", "title", "textarea", "noscript", "iframe", "noembed", "noframes", "xmp", "plaintext"}

// rawTextElement returns the name of the raw-text element a start tag opens
// (s follows the "<"), or "".
func rawTextElement(s string) string {
	switch s[0] | 0x20 {
	case 's', 't', 'n', 'i', 'x', 'p':
	default:
		return ""
	}
	for _, name := range rawTextNames {
		if len(s) > len(name) && strings.EqualFold(s[:len(name)], name) && isTagNameEnd(s[len(name)]) {
			return name
		}
	}
	return ""
}

// isASCIILetter reports whether c opens a tag name.
func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isTagNameEnd reports whether c ends a tag name.
func isTagNameEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '/', '>':
		return true
	}
	return false
}

// startTagEnd returns the length of the start tag that s begins with,
// allowing for ">" inside quoted attribute values, or -1 if it never ends.
func startTagEnd(s string) int {
	var quote byte
	afterEquals := false
	for i := 1; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == quote {
				quote = 0
			}
			continue
		}
		switch {
		case c == '>':
			return i + 1
		case (c == '"' || c == '\'') && afterEquals:
			quote, afterEquals = c, false
		case c == '=':
			afterEquals = true
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\f':
		default:
			afterEquals = false
		}
	}
	return -1
}

// indexEndTag returns the index in s of the end tag "</name" followed by
// the end of a tag name, matched without regard to case, or -1.
func indexEndTag(s, name string) int {
	for off := 0; ; {
		j := strings.Index(s[off:], "</")
		if j < 0 {
			return -1
		}
		k := off + j + 2
		if len(s) > k+len(name) && strings.EqualFold(s[k:k+len(name)], name) && isTagNameEnd(s[k+len(name)]) {
			return off + j
		}
		off = k
	}
}

// isCodeScript reports whether a <script> element (its start tag and
// contents) holds code rather than data, and can be emptied: its type is
// not JSON, and its contents hold no "<!--", after which the tokenizer may
// not end the script at the first "</script".
func isCodeScript(tag, contents string) bool {
	if strings.Contains(contents, "<!--") {
		return false
	}
	t := strings.ToLower(tag)
	return !strings.Contains(t, "json")
}
