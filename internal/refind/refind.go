// Package refind finds a regexp's matches trying only the positions where
// one can start.
//
// Go's regexp tries a pattern at every position of its input unless the
// pattern opens with a literal. Patterns that open with \b and a choice of
// words ("\b(?:last|next)\s+week") are therefore run at every byte, and
// most of their cost is spent where the first letters could never match.
// A Finder reads the first two steps of the pattern's program (the
// empty-width assertions and the runes they consume) and runs the pattern,
// anchored, only where both can be taken. Windows do the same for patterns
// that must hold a trigger word: they run only in stretches around it.
package refind

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// step is one way to take a step of a match: the empty-width assertions
// that must hold before it and the instruction that consumes its rune, or
// nil when the match can end there.
type step struct {
	cond syntax.EmptyOp
	inst *syntax.Inst
	// bytes has bit b set when the step consumes ASCII byte b, and bit
	// endIndex when it ends the match (assertions aside), to build
	// Finder.ascii.
	bytes [3]uint64
}

// first is one way to take the first step of a match and the ways to go on
// from it.
type first struct {
	step
	next []step
}

// Context classes of the rune before a position, as syntax.EmptyOpContext
// tells them apart, and a rune of each.
const (
	prevNone    = iota // start of input
	prevNewline        // '\n'
	prevWord           // an ASCII letter, digit or '_'
	prevOther          // anything else
	prevClasses
)

var classRune = [prevClasses]rune{prevNone: -1, prevNewline: '\n', prevWord: 'a', prevOther: ' '}

// endIndex is the index of "end of input" among a second byte's bits.
const endIndex = utf8.RuneSelf

// Finder finds the matches of one regexp. It is read-only after
// MustCompile and safe for concurrent use.
type Finder struct {
	re *regexp.Regexp
	// at matches the pattern, anchored and wrapped in a group, right at
	// the start of its input (at[0]) or after its first rune (at[1]), so
	// that the rune before the position is in view for \b.
	at [2]*regexp.Regexp
	// firsts are the ways to take the first step; nil when the pattern
	// can match the empty string, and the Finder only calls re.
	firsts []first
	// ascii[c][b1] has bit b2 set when a match may start with ASCII bytes
	// b1, b2 after a rune of class c; bit endIndex when it may start with
	// b1 at the end of the input.
	ascii [prevClasses][utf8.RuneSelf][3]uint64
}

// MustCompile compiles expr as regexp.MustCompile does.
func MustCompile(expr string) *Finder {
	f := &Finder{re: regexp.MustCompile(expr)}
	f.at[0] = regexp.MustCompile(`^(` + expr + `)`)
	f.at[1] = regexp.MustCompile(`^(?s:.)(` + expr + `)`)
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	var firsts []first
	for _, s := range steps(prog, uint32(prog.Start)) {
		if s.inst == nil {
			return f // an empty match: leave every position to re
		}
		s.bytes = s.asciiBytes()
		next := steps(prog, s.inst.Out)
		for k := range next {
			next[k].bytes = next[k].asciiBytes()
		}
		firsts = append(firsts, first{s, next})
	}
	f.firsts = firsts
	// The assertions see only the class of the runes either side, so the
	// table is built class by class: byClass sorts the bytes, and the end
	// of input, by their class (prevNone standing for the end).
	var byClass [prevClasses][3]uint64
	for b := range rune(endIndex + 1) {
		c := prevOther
		switch {
		case b == endIndex:
			c = prevNone
		case b == '\n':
			c = prevNewline
		case syntax.IsWordChar(b):
			c = prevWord
		}
		byClass[c][b/64] |= 1 << (b % 64)
	}
	for _, s := range f.firsts {
		for c1, r1 := range classRune {
			if c1 == prevNone {
				continue // the first step consumes a rune
			}
			// then: the bytes after a first rune of class c1 that
			// some way on from s takes.
			var then [3]uint64
			for _, n := range s.next {
				for c2, r2 := range classRune {
					if n.cond&^syntax.EmptyOpContext(r1, r2) == 0 {
						for k := range then {
							then[k] |= n.bytes[k] & byClass[c2][k]
						}
					}
				}
			}
			for c0, r0 := range classRune {
				if s.cond&^syntax.EmptyOpContext(r0, r1) != 0 {
					continue
				}
				for b1 := range rune(utf8.RuneSelf) {
					if s.bytes[b1/64]&byClass[c1][b1/64]&(1<<(b1%64)) == 0 {
						continue
					}
					for k := range then {
						f.ascii[c0][b1][k] |= then[k]
					}
				}
			}
		}
	}
	return f
}

// asciiBytes returns the ASCII bytes s consumes, and endIndex when it
// ends the match, as bits, its assertions aside.
func (s step) asciiBytes() [3]uint64 {
	var m [3]uint64
	for b := range rune(endIndex + 1) {
		if s.inst == nil || b < endIndex && s.consumes(b) {
			m[b/64] |= 1 << (b % 64)
		}
	}
	return m
}

// Regexp returns the pattern the Finder runs.
func (f *Finder) Regexp() *regexp.Regexp { return f.re }

// steps follows the program from pc through the instructions that consume
// nothing and returns the ways on: each instruction that consumes a rune,
// or the end of a match, with the assertions on the way.
func steps(prog *syntax.Prog, pc uint32) []step {
	type state struct {
		pc   uint32
		cond syntax.EmptyOp
	}
	var out []step
	seen := map[state]bool{}
	var walk func(pc uint32, cond syntax.EmptyOp)
	walk = func(pc uint32, cond syntax.EmptyOp) {
		if seen[state{pc, cond}] {
			return
		}
		seen[state{pc, cond}] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out, cond)
			walk(in.Arg, cond)
		case syntax.InstCapture, syntax.InstNop:
			walk(in.Out, cond)
		case syntax.InstEmptyWidth:
			walk(in.Out, cond|syntax.EmptyOp(in.Arg))
		case syntax.InstMatch:
			out = append(out, step{cond: cond})
		case syntax.InstFail:
		default: // InstRune, InstRune1, InstRuneAny, InstRuneAnyNotNL
			out = append(out, step{cond: cond, inst: in})
		}
	}
	walk(pc, 0)
	return out
}

// takes reports whether s can be taken between runes r0 and r1 (-1 at
// either end of the input), consuming r1 unless it ends the match.
func (s step) takes(r0, r1 rune) bool {
	if s.cond&^syntax.EmptyOpContext(r0, r1) != 0 {
		return false
	}
	return s.inst == nil || r1 >= 0 && s.consumes(r1)
}

// consumes reports whether s's instruction consumes r.
func (s step) consumes(r rune) bool {
	switch s.inst.Op {
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return s.inst.MatchRune(r)
}

// canStart reports whether a match can start at rune r1, after r0 and
// before r2 (-1 at either end of the input).
func (f *Finder) canStart(r0, r1, r2 rune) bool {
	for _, s := range f.firsts {
		if !s.takes(r0, r1) {
			continue
		}
		for _, n := range s.next {
			if n.takes(r1, r2) {
				return true
			}
		}
	}
	return false
}

// prevClass is the context class of the rune before s[i]: a byte past
// ASCII is part of a rune that is neither a word character nor '\n'.
func prevClass(s string, i int) int {
	if i == 0 {
		return prevNone
	}
	switch c := s[i-1]; {
	case c == '\n':
		return prevNewline
	case c < utf8.RuneSelf && syntax.IsWordChar(rune(c)):
		return prevWord
	}
	return prevOther
}

// FindAllStringSubmatchIndex returns what
// f.Regexp().FindAllStringSubmatchIndex(s, -1) returns.
func (f *Finder) FindAllStringSubmatchIndex(s string) [][]int {
	if f.firsts == nil {
		return f.re.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	// No match is empty, so each search goes on from the end of the
	// last match, as regexp's own loop does.
	for pos := 0; pos < len(s); {
		m := f.next(s, pos)
		if m == nil {
			break
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// MatchString reports what f.Regexp().MatchString(s) reports.
func (f *Finder) MatchString(s string) bool {
	if f.firsts == nil {
		return f.re.MatchString(s)
	}
	return f.next(s, 0) != nil
}

// FindAllStringIndex returns what f.Regexp().FindAllStringIndex(s, -1)
// returns.
func (f *Finder) FindAllStringIndex(s string) [][]int {
	out := f.FindAllStringSubmatchIndex(s)
	for k, m := range out {
		out[k] = m[:2:2]
	}
	return out
}

// next returns the leftmost match at or after pos, stepping rune by rune
// as regexp does and running the pattern only where it can start.
func (f *Finder) next(s string, pos int) []int {
	for i, w := pos, 0; i < len(s); i += w {
		if !f.startsAt(s, i, &w) {
			continue
		}
		if m := f.matchAt(s, i); m != nil {
			return m
		}
	}
	return nil
}

// startsAt reports whether a match can start at s[i] and sets *w to the
// width of the rune there.
func (f *Finder) startsAt(s string, i int, w *int) bool {
	c := prevClass(s, i)
	b1 := s[i]
	if b1 < utf8.RuneSelf {
		*w = 1
		b2 := endIndex
		if i+1 < len(s) {
			b2 = int(s[i+1])
		}
		if b2 <= endIndex {
			return f.ascii[c][b1][b2/64]&(1<<(b2%64)) != 0
		}
	}
	r1, w1 := utf8.DecodeRuneInString(s[i:])
	*w = w1
	r2 := rune(-1)
	if i+w1 < len(s) {
		r2, _ = utf8.DecodeRuneInString(s[i+w1:])
	}
	return f.canStart(classRune[c], r1, r2)
}

// matchAt returns the match that starts at s[i], as the unanchored search
// would find it there, or nil.
func (f *Finder) matchAt(s string, i int) []int {
	p, re := i, f.at[0]
	if i > 0 {
		_, w := utf8.DecodeLastRuneInString(s[:i])
		p, re = i-w, f.at[1]
		if _, fw := utf8.DecodeRuneInString(s[p:]); fw != w {
			return f.slowAt(s, i)
		}
	}
	loc := re.FindStringSubmatchIndex(s[p:])
	if loc == nil {
		return nil
	}
	m := loc[2:]
	for k := range m {
		if m[k] >= 0 {
			m[k] += p
		}
	}
	return m
}

// slowAt is matchAt for a position whose rune before reads differently
// forwards and backwards (in invalid UTF-8, which regexp's own stepping
// does not stop inside): the pattern runs on a copy of the text from i led
// by one ASCII byte of the same context class as that rune.
func (f *Finder) slowAt(s string, i int) []int {
	loc := f.at[1].FindStringSubmatchIndex(string(classRune[prevClass(s, i)]) + s[i:])
	if loc == nil {
		return nil
	}
	m := loc[2:]
	for k := range m {
		if m[k] >= 0 {
			m[k] += i - 1
		}
	}
	return m
}
