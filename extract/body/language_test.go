package body

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestTextLanguage(t *testing.T) {
	english := strings.Repeat("The hospital said that it had cancelled the operations, and the trust would be writing to all of the patients who were waiting. ", 4)
	french := strings.Repeat("L'hôpital a annoncé que les opérations étaient annulées et que la direction écrirait à tous les patients qui attendaient encore. ", 4)
	german := strings.Repeat("Das Krankenhaus teilte mit, dass die Operationen abgesagt wurden und die Leitung allen wartenden Patienten schreiben werde. ", 4)
	tests := []struct {
		name, text, declared, want string
	}{
		{name: "no text", text: "", declared: "en", want: ""},
		{name: "English declared English", text: english, declared: "en", want: "en"},
		{name: "English declared nothing", text: english, declared: "", want: "en"},
		{name: "French under an English template", text: french, declared: "en", want: "fr"},
		{name: "German under an English template", text: german, declared: "en", want: "de"},
		{name: "English under a French template", text: english, declared: "fr", want: "en"},
		{name: "only the opening sample counts", text: strings.Repeat(english, 8) + strings.Repeat(french, 20), declared: "fr", want: "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, textLanguage(tt.text, tt.declared))
		})
	}
}

func TestReadsAsEnglish(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{name: "English prose", text: strings.Repeat("It was the first time that the board had met since the strike, and they said it would not be the last. ", 3), want: true},
		{name: "too few words to tell", text: "The trust and the board.", want: false},
		{name: "Dutch", text: strings.Repeat("Het ziekenhuis heeft de operaties afgezegd en de directie schrijft alle wachtende patiënten een brief. ", 5), want: false},
		{name: "Spanish", text: strings.Repeat("El hospital ha cancelado las operaciones y la dirección escribirá a todos los pacientes que esperan. ", 5), want: false},
		{name: "a list of names", text: strings.Repeat("Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright ", 10), want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, readsAsEnglish(tt.text))
		})
	}
}

func TestLanguageSample(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int // length of the sample
	}{
		{name: "short text whole", text: "The trust said.", want: 15},
		{name: "cut at the limit", text: strings.Repeat("a", languageSample+10), want: languageSample},
		{name: "cut before a rune split by the limit", text: strings.Repeat("a", languageSample-1) + "é" + "bc", want: languageSample - 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := LanguageSample(tt.text)
			assert.Len(t, got, tt.want)
			assert.True(t, utf8.ValidString(got))
		})
	}
}
