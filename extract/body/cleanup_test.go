package body

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDropPromotions(t *testing.T) {
	p := func(s ...string) []paragraph {
		var out []paragraph
		for _, x := range s {
			out = append(out, paragraph{kind: KindParagraph, text: x})
		}
		return out
	}
	tests := []struct {
		name string
		in   []paragraph
		want []paragraph
	}{
		{
			name: "read more line",
			in:   p("The ward reopened on Monday.", "READ MORE: Hospital car park fees to rise", "Staff said they were relieved."),
			want: p("The ward reopened on Monday.", "Staff said they were relieved."),
		},
		{
			name: "capitalised first word is not a promotion",
			in:   p("MORE than 400 operations were cancelled.", "LATEST figures show a rise.", "WATCH: Nurses on the picket line"),
			want: p("MORE than 400 operations were cancelled.", "LATEST figures show a rise."),
		},
		{
			name: "call to action in capitals",
			in:   p("Body text.", "CLICK HERE TO GET THE NEWS APP", "More body.", "WHO IS THE FRONT-RUNNER?"),
			want: p("Body text.", "More body.", "WHO IS THE FRONT-RUNNER?"),
		},
		{
			name: "related list after the body",
			in:   p("One.", "Two.", "Three.", "You may also like...", "Another story", "And another"),
			want: p("One.", "Two.", "Three."),
		},
		{
			name: "marker early in the body is kept",
			in:   p("Recommended", "One.", "Two.", "Three."),
			want: p("Recommended", "One.", "Two.", "Three."),
		},
		{
			name: "shortcode removed",
			in:   p("Body text.", `[button link="/submit" type="big"] Send us your review[/button]`),
			want: p("Body text.", "Send us your review"),
		},
		{
			name: "trailing newsletter plug",
			in:   p("Body text.", "More body text.", "Sign up for our free daily newsletter."),
			want: p("Body text.", "More body text."),
		},
		{
			name: "newsletter in a long last paragraph kept",
			in:   p("Body.", "The trust said it would write to every patient affected, and that a newsletter explaining the changes to outpatient clinics, the new booking line and the temporary car park would be sent to all households in the area before the end of the month, with copies left at GP surgeries."),
			want: p("Body.", "The trust said it would write to every patient affected, and that a newsletter explaining the changes to outpatient clinics, the new booking line and the temporary car park would be sent to all households in the area before the end of the month, with copies left at GP surgeries."),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, dropPromotions(tc.in))
		})
	}
}

func TestDropLeadingFurniture(t *testing.T) {
	p := func(s ...string) []paragraph {
		var out []paragraph
		for _, x := range s {
			out = append(out, paragraph{kind: KindParagraph, text: x})
		}
		return out
	}
	body := "Nurses at the hospital walked out on Tuesday after talks broke down over pay."
	tests := []struct {
		name    string
		in      []paragraph
		authors []string
		want    []paragraph
	}{
		{name: "byline and date", in: p("By JERUSALEM POST STAFF", "NOVEMBER 20, 2019 10:43", body), want: p(body)},
		{name: "author and role", in: p("Rachel Jones", "Health reporter", "Published", body), authors: []string{"Rachel Jones"}, want: p(body)},
		{name: "login links", in: p("Friday 17 January 2014", "My Account", "Login", body), want: p(body)},
		{name: "role after body kept", in: p(body, "Health reporter"), want: p(body, "Health reporter")},
		{name: "sentence starting with By kept", in: p(body, "By then, it was too late.", body), want: p(body, "By then, it was too late.", body)},
		{name: "byline with two names", in: p("By Jane Smith and Tom Hale", body), want: p(body)},
		{name: "byline after standfirst", in: p(body, "By JERUSALEM POST STAFF", "NOVEMBER 20, 2019 10:43", body), want: p(body, body)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, dropLeadingFurniture(tc.in, tc.authors))
		})
	}
}
