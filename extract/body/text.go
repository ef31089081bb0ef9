package body

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraph is one block of text before it is joined into Result.Text.
type paragraph struct {
	kind BlockKind
	text string
}

// textBuilder collects the paragraphs of an element tree.
type textBuilder struct {
	paras []paragraph
	cur   strings.Builder
	kind  BlockKind
	// quoteDepth and listDepth count enclosing <blockquote> and <li>.
	quoteDepth, listDepth int
	// preDepth counts enclosing <pre>, where line breaks are kept.
	preDepth int
}

// blockAtoms are the elements that start and end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Blockquote: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Pre: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Aside: true, atom.Figure: true, atom.Figcaption: true,
	atom.Hr: true, atom.Form: true, atom.Fieldset: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Center: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Caption: true, atom.Nav: true,
}

// skipAtoms are elements whose text is never part of the body.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Head: true, atom.Select: true, atom.Button: true,
	atom.Textarea: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// headingAtoms are h1 to h6.
var headingAtoms = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// nodeParagraphs returns the paragraphs of the tree under n.
func nodeParagraphs(n *html.Node) []paragraph {
	b := &textBuilder{kind: KindParagraph}
	b.walk(n)
	b.flush()
	return b.paras
}

// walk adds n and its descendants. It recurses; callers bound the tree
// depth when parsing.
func (b *textBuilder) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.writeText(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.walk(c)
		}
		return
	default:
		return
	}
	a := n.DataAtom
	if a == 0 {
		// Elements built by go-trafilatura carry only their name.
		a = atom.Lookup([]byte(n.Data))
	}
	if skipAtoms[a] {
		return
	}
	switch a {
	case atom.Br:
		b.cur.WriteByte('\n')
		return
	case atom.Td, atom.Th:
		b.cur.WriteByte(' ')
	case atom.Img:
		return
	}
	block := blockAtoms[a]
	if block {
		b.flush()
	}
	saved := b.kind
	switch {
	case a == atom.Blockquote:
		b.quoteDepth++
	case a == atom.Li || a == atom.Dd || a == atom.Dt:
		b.listDepth++
	case a == atom.Pre:
		b.preDepth++
	}
	switch {
	case b.quoteDepth > 0:
		b.kind = KindQuote
	case headingAtoms[a]:
		b.kind = KindHeading
	case b.listDepth > 0:
		b.kind = KindList
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c)
	}
	if block {
		b.flush()
	}
	switch {
	case a == atom.Blockquote:
		b.quoteDepth--
	case a == atom.Li || a == atom.Dd || a == atom.Dt:
		b.listDepth--
	case a == atom.Pre:
		b.preDepth--
	}
	b.kind = saved
}

// writeText appends a text node. go-trafilatura trims the text around
// inline elements, so a space is put between two text nodes that would
// otherwise run together, except before closing punctuation and after
// opening punctuation.
func (b *textBuilder) writeText(t string) {
	if t == "" {
		return
	}
	// strings.Map also turns invalid UTF-8 into U+FFFD, so it is skipped
	// only for valid text without line breaks, which it would return as is.
	if b.preDepth == 0 && (strings.IndexByte(t, '\n') >= 0 || strings.IndexByte(t, '\r') >= 0 || !utf8.ValidString(t)) {
		// Line breaks in the markup are white space; only <br> breaks lines.
		t = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, t)
	}
	if b.cur.Len() > 0 {
		prev := b.cur.String()
		last, _ := utf8.DecodeLastRuneInString(prev)
		first, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsSpace(last) && !unicode.IsSpace(first) &&
			!strings.ContainsRune(noSpaceBefore, first) && !strings.ContainsRune(noSpaceAfter, last) {
			b.cur.WriteByte(' ')
		}
	}
	b.cur.WriteString(t)
}

// Punctuation that is not separated from the neighbouring text.
const (
	noSpaceBefore = ".,;:!?)]}%'’”»…"
	noSpaceAfter  = "([{$£€#@'‘“«/-"
)

// flush ends the current paragraph. Line breaks inside it split it into
// paragraphs too, since a <br> in body text separates lines that read as
// paragraphs.
func (b *textBuilder) flush() {
	raw := b.cur.String()
	b.cur.Reset()
	for _, line := range strings.Split(raw, "\n") {
		t := collapseSpace(line)
		if t == "" {
			continue
		}
		b.paras = append(b.paras, paragraph{kind: b.kind, text: t})
	}
}

// collapseSpace trims s and turns each run of white space into one space.
// Invalid UTF-8 and control characters are dropped.
func collapseSpace(s string) string {
	if collapsedASCII(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, decided without decoding: the same tests as below.
			i++
			switch {
			case asciiSpace(c):
				space = sb.Len() > 0
				continue
			case c < 0x20 || c == 0x7f:
				continue
			}
			if space {
				sb.WriteByte(' ')
				space = false
			}
			sb.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			continue
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			space = sb.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// asciiSpace reports whether an ASCII byte is white space to
// unicode.IsSpace.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// collapsedASCII reports whether collapseSpace would return s unchanged
// because it is printable ASCII with single spaces between words and none
// around them (most text nodes and metadata values): then it need not be
// copied.
func collapsedASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// join builds Text and Blocks from paragraphs.
func join(paras []paragraph) (string, []Block) {
	var sb strings.Builder
	blocks := make([]Block, 0, len(paras))
	for _, p := range paras {
		if p.text == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(p.text)
		blocks = append(blocks, Block{Kind: p.kind, Start: start, End: sb.Len()})
	}
	return sb.String(), blocks
}

// FromText makes a Result from a plain-text article: line endings are
// normalised, the text trimmed, and paragraphs split on blank lines (runs of
// white space inside a paragraph become one space).
func FromText(text string) *Result {
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var paras []paragraph
	for _, chunk := range splitBlankLines(text) {
		if t := collapseSpace(chunk); t != "" {
			paras = append(paras, paragraph{kind: KindParagraph, text: t})
		}
	}
	r := &Result{}
	r.Text, r.Blocks = join(paras)
	return r
}

// splitBlankLines splits s on lines that are empty or only white space.
func splitBlankLines(s string) []string {
	var out []string
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				out = append(out, strings.Join(cur, "\n"))
				cur = cur[:0]
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, "\n"))
	}
	return out
}
