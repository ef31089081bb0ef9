package org

// trie maps token sequences to key indexes. Edges live in one map keyed by
// (node, word), which keeps the structure compact and each step one lookup.
type trie struct {
	edges map[edge]int32
	term  []int32 // node -> key index + 1 (0: not a key)
}

type edge struct {
	node int32
	word int32 // vocabulary index
}

func newTrie() *trie {
	return &trie{edges: map[edge]int32{}, term: []int32{0}}
}

// insert adds words and returns the node it ends on.
func (t *trie) insert(words []int32) int32 {
	n := int32(0)
	for _, w := range words {
		next, ok := t.edges[edge{n, w}]
		if !ok {
			next = int32(len(t.term))
			t.term = append(t.term, 0)
			t.edges[edge{n, w}] = next
		}
		n = next
	}
	return n
}

// step follows one word from node n; ok is false when there is no edge.
func (t *trie) step(n int32, w int32) (int32, bool) {
	next, ok := t.edges[edge{n, w}]
	return next, ok
}
