package body

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pNode is one <p> element of the page with its paragraphs.
type pNode struct {
	node  *html.Node
	paras []paragraph
	// out is the index in the extracted paragraphs that this <p> matched,
	// -1 if its text was not extracted, -2 if it was but not as one
	// paragraph.
	out int
}

// recoverBody adds back paragraphs that go-trafilatura left out of a body
// split across several containers, as sites do around adverts: the
// container holding most extracted paragraphs is found, and unextracted
// prose paragraphs in containers of the same element and class are inserted
// after the extracted paragraph that precedes them in the page.
func recoverBody(doc *html.Node, paras []paragraph) []paragraph {
	if len(paras) < 2 {
		return paras
	}
	var ps []*pNode
	var collect func(n *html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipAtoms[c.DataAtom] {
				continue
			}
			if c.DataAtom == atom.P {
				if pp := nodeParagraphs(c); len(pp) > 0 {
					ps = append(ps, &pNode{node: c, paras: pp, out: -1})
				}
				continue
			}
			collect(c)
		}
	}
	collect(doc)

	// Match extracted paragraphs to <p> elements, in order. Keys ignore
	// spaces, since drop capitals and inline markup move them.
	byKey := map[string][]int{}
	keys := make([]string, len(paras))
	var all strings.Builder
	for i, p := range paras {
		k := compactKey(p.text)
		keys[i] = k
		byKey[k] = append(byKey[k], i)
		all.WriteString(k)
		all.WriteByte('|')
	}
	allText := all.String()
	parents := map[*html.Node]int{}
	for _, p := range ps {
		k := compactKey(p.paras[0].text)
		if k == "" {
			p.out = -2
			continue
		}
		if idx := byKey[k]; len(idx) > 0 {
			p.out = idx[0]
			byKey[k] = idx[1:]
			if p.node.Parent != nil {
				parents[p.node.Parent]++
			}
		} else if strings.Contains(allText, k) {
			// Present, but split or merged differently.
			p.out = -2
		} else if i := truncatedMatch(keys, k); i >= 0 && len(p.paras) == 1 {
			// go-trafilatura cut the paragraph short (it drops the text
			// after some inline links): take the page's whole paragraph.
			paras[i].text = p.paras[0].text
			keys[i] = k
			p.out = i
			if p.node.Parent != nil {
				parents[p.node.Parent]++
			}
		}
	}
	// The parent with most matches, the first in page order on a tie, so
	// that the result does not depend on map order.
	var main *html.Node
	best := 0
	for _, p := range ps {
		if n := p.node.Parent; n != nil && parents[n] > best {
			main, best = n, parents[n]
		}
	}
	if main == nil || best < 2 {
		return paras
	}
	sig := signature(main)
	mainArticle := enclosingArticle(main)
	if sig == "" {
		return paras
	}
	// Insert unextracted prose paragraphs from same-signature containers.
	extra := map[int][]paragraph{}
	last := -1
	added := 0
	for _, p := range ps {
		if p.out >= 0 {
			if p.out > last {
				last = p.out
			}
			continue
		}
		if p.out == -2 {
			continue
		}
		if p.node.Parent == nil || signature(p.node.Parent) != sig || !isProse(p.node) {
			continue
		}
		// Pages that preload the next story repeat the body's class in
		// another <article>: stay inside the main one.
		if enclosingArticle(p.node) != mainArticle {
			continue
		}
		for _, q := range p.paras {
			extra[last] = append(extra[last], q)
			added++
		}
	}
	if added == 0 {
		return paras
	}
	out := make([]paragraph, 0, len(paras)+added)
	out = append(out, extra[-1]...)
	for i, p := range paras {
		out = append(out, p)
		out = append(out, extra[i]...)
	}
	return out
}

// signature names an element by its tag and class attribute, or "" when it
// has no class (too generic to match other containers by).
func signature(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			c := strings.Join(strings.Fields(a.Val), " ")
			if c == "" {
				return ""
			}
			return n.Data + "." + c
		}
	}
	return ""
}

// isProse reports whether an element reads as running text: long enough,
// and mostly not link text.
func isProse(n *html.Node) bool {
	total, linked := textRunes(n, false)
	return total >= 80 && linked*2 < total
}

// textRunes counts the runes of text under n, and those inside links.
func textRunes(n *html.Node, inLink bool) (total, linked int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			k := utf8.RuneCountInString(strings.TrimSpace(c.Data))
			total += k
			if inLink {
				linked += k
			}
		case html.ElementNode:
			if skipAtoms[c.DataAtom] {
				continue
			}
			t, l := textRunes(c, inLink || c.DataAtom == atom.A)
			total += t
			linked += l
		}
	}
	return total, linked
}

// compactKey is s lower-cased with only its letters and digits kept.
func compactKey(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	for i := 0; i < len(s); i++ {
		// ASCII bytes without decoding runes.
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			sb.WriteByte(c)
			continue
		case 'A' <= c && c <= 'Z':
			sb.WriteByte(c - 'A' + 'a')
			continue
		case c < utf8.RuneSelf:
			continue
		}
		// A multi-byte rune, or invalid UTF-8 (U+FFFD, not a letter).
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size - 1
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// truncatedMatch returns the index of the extracted paragraph whose key
// (among keys, the compactKeys of the paragraphs) k starts with, if that
// paragraph is long enough to be sure, or -1.
func truncatedMatch(keys []string, k string) int {
	for i, pk := range keys {
		if len(pk) >= 24 && len(pk) < len(k) && strings.HasPrefix(k, pk) {
			return i
		}
	}
	return -1
}

// densestBlock is a fallback body for pages go-trafilatura fails on (old
// table layouts, for instance): the element whose child paragraphs hold the
// most prose, with those children (paragraphs, headings, lists and block
// quotes) as the body.
func densestBlock(doc *html.Node) []paragraph {
	score := map[*html.Node]int{}
	var best *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipAtoms[c.DataAtom] {
				continue
			}
			if c.DataAtom == atom.P {
				total, linked := textRunes(c, false)
				if total >= 40 && linked*2 < total && n.Type == html.ElementNode {
					score[n] += total
					if best == nil || score[n] > score[best] {
						best = n
					}
				}
			}
			walk(c)
		}
	}
	walk(doc)
	if best == nil {
		return nil
	}
	b := &textBuilder{kind: KindParagraph}
	for c := best.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.P, atom.H2, atom.H3, atom.H4, atom.Ul, atom.Ol, atom.Blockquote:
			b.walk(c)
			b.flush()
		}
	}
	return b.paras
}

// runeLen is the total length in runes of paragraphs.
func runeLen(paras []paragraph) int {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p.text)
	}
	return n
}

// enclosingArticle returns the nearest <article> element that contains n,
// or nil.
func enclosingArticle(n *html.Node) *html.Node {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && a.DataAtom == atom.Article {
			return a
		}
	}
	return nil
}
