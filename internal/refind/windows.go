package refind

// Span is a byte range of a text, end exclusive.
type Span struct{ Start, End int }

// Windows are the stretches of a text around trigger words, for running a
// pattern only where it can match: every match holds a trigger and reaches
// no further than reach bytes either side of it. Each window is widened to
// whole words, so that \b at its edges reads as it does in the whole text,
// and merged with the one before where they touch, so that leftmost-first
// matching in each finds the matches the whole text gives (for patterns
// without ^ or $).
type Windows struct {
	text  string
	reach int
	spans []Span
}

// NewWindows returns empty windows over text reaching reach bytes either
// side of their triggers.
func NewWindows(text string, reach int) *Windows {
	return &Windows{text: text, reach: reach}
}

// Add opens a window around the trigger text[from:to]. Triggers are added
// in order of from.
func (w *Windows) Add(from, to int) {
	a, b := max(0, from-w.reach), min(len(w.text), to+w.reach)
	for a > 0 && windowByte(w.text[a-1]) {
		a--
	}
	for b < len(w.text) && windowByte(w.text[b]) {
		b++
	}
	if n := len(w.spans); n > 0 && a <= w.spans[n-1].End {
		w.spans[n-1].End = max(w.spans[n-1].End, b)
		return
	}
	w.spans = append(w.spans, Span{a, b})
}

// Spans returns the windows, in order, none touching another.
func (w *Windows) Spans() []Span { return w.spans }

// windowByte reports bytes that a window must not cut beside: ASCII word
// characters, and any byte of a multi-byte rune.
func windowByte(c byte) bool {
	return c >= 0x80 || c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
