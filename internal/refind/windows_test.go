package refind

import (
	"reflect"
	"testing"
)

func TestWindows(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		reach    int
		triggers []Span
		want     []Span
	}{
		{name: "widened to whole words", text: "alpha beta gamma delta", reach: 2,
			triggers: []Span{{11, 16}}, want: []Span{{6, 22}}},
		{name: "held to the text", text: "ab cd", reach: 10,
			triggers: []Span{{0, 2}}, want: []Span{{0, 5}}},
		{name: "touching windows merge", text: "one two three four five", reach: 1,
			triggers: []Span{{0, 3}, {4, 7}, {19, 23}}, want: []Span{{0, 13}, {14, 23}}},
		{name: "a later, shorter trigger inside the window before", text: "aaaa bbbb cccc", reach: 1,
			triggers: []Span{{0, 14}, {5, 9}}, want: []Span{{0, 14}}},
		{name: "never cut inside a rune", text: "x éé y", reach: 1,
			triggers: []Span{{0, 1}}, want: []Span{{0, 6}}},
		{name: "no triggers", text: "text", reach: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := NewWindows(tt.text, tt.reach)
			for _, s := range tt.triggers {
				w.Add(s.Start, s.End)
			}
			if got := w.Spans(); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
}
