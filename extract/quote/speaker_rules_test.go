package quote

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpeakerRules checks the attribution rules for US political news, one
// invented sentence per rule.
func TestSpeakerRules(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    string // the start of the quote
		speaker string
	}{
		{
			name:    "name right before the verb inside a that-clause",
			text:    `The hearing grew so tense that Ohio Gov. Dale Brenner said, "I may need a whistle to keep this panel in order."`,
			want:    "I may need a whistle",
			speaker: "Dale Brenner",
		},
		{
			name:    "name in reported speech leaves the quote to the outer speaker",
			text:    `Dale Brenner said that Ana Ruiz begged him for help last year and "would have promised the moon for a second loan."`,
			want:    "would have promised the moon",
			speaker: "Dale Brenner",
		},
		{
			name:    "relative clause across a comma is not the subject",
			text:    `Tom Akers, who hired Dale Brenner in 2010, said the firm "paid its suppliers on time through every slump."`,
			want:    "paid its suppliers on time",
			speaker: "Tom Akers",
		},
		{
			name:    "form of address before a title word",
			text:    `Mr. King and Mr. Ortiz spoke on Monday. "We will keep knocking on doors until the law changes," Mr. King added.`,
			want:    "We will keep knocking",
			speaker: "King",
		},
		{
			name:    "form of address before a place word",
			text:    `"The voters of this county want a fair count and a quick one," Dr. Ward said.`,
			want:    "The voters of this county",
			speaker: "Ward",
		},
		{
			name:    "surname that is a common word after a quote",
			text:    "Peter Read, the company's chief executive, spoke to analysts.\n\n\"We expect the merger to lift our margins next year,\" Read said.",
			want:    "We expect the merger",
			speaker: "Peter Read",
		},
		{
			name:    "given name and a common word make a name",
			text:    "The columnist Harold Will was unimpressed.\n\n\"This could, and ought to, end the run of the novelty candidates,\" Will wrote.",
			want:    "This could, and ought to",
			speaker: "Harold Will",
		},
		{
			name:    "surname that is also an organisation word",
			text:    "Martin Law, a former aide, runs the fund.\n\n\"We have to hold every marginal seat we can,\" Law said.",
			want:    "We have to hold every",
			speaker: "Martin Law",
		},
		{
			name:    "surname that is also a title",
			text:    "Josie Ann King watched the fight.\n\nKing says the boxer \"kept every promise he made before the bout.\"",
			want:    "kept every promise",
			speaker: "Josie Ann King",
		},
		{
			name:    "hyphenated title after an organisation",
			text:    `"Our members never saw the promised jobs," said Northern Steel Workers Secretary-Treasurer Dale Pruitt.`,
			want:    "Our members never saw",
			speaker: "Dale Pruitt",
		},
		{
			name:    "place word in a name after a title",
			text:    `Governor Hal Oakes called the plan "careless." President Lena Park said the budget was "drifting further each month."`,
			want:    "drifting further each month",
			speaker: "Lena Park",
		},
		{
			name:    "two-letter word in a name is no acronym",
			text:    `Ri Jong Un spoke on state radio. He said the exercises were "a warning our coast will not ignore."`,
			want:    "a warning our coast",
			speaker: "Ri Jong Un",
		},
		{
			name:    "pronoun prefers the subject of its sentence to a possessive",
			text:    `Hillary Rowe says she admired Maria Lopez’s courage through what she calls a "long season of bitter letters."`,
			want:    "long season of bitter letters",
			speaker: "Hillary Rowe",
		},
		{
			name:    "inverted cue with an organisation and a role before the name",
			text:    `Rowe "did best in the mill towns" in the primary, said Lakeside State University professor Ken Abbott.`,
			want:    "did best in the mill towns",
			speaker: "Ken Abbott",
		},
		{
			name:    "said then an organisation and a role before the name",
			text:    `"The sums in his plan do not add up," said Rowe campaign manager Dan Ortiz in a statement.`,
			want:    "The sums in his plan",
			speaker: "Dan Ortiz",
		},
		{
			name:    "a quote ending its sentence before another speaker's reported speech",
			text:    `"Nobody wins a shouting match," Cruz Delgado told reporters. "This is where name-calling takes a campaign." Gov. Ray Kasten said he would have sacked the aide.`,
			want:    "This is where name-calling",
			speaker: "Cruz Delgado",
		},
		{
			name:    "name after a wh-word is a subject, not a preposition's object",
			text:    `The country prepares for what Newt Ballard called "the noisiest count the county has held."`,
			want:    "the noisiest count",
			speaker: "Newt Ballard",
		},
		{
			name:    "participle after a preposition's object takes the earlier verb's subject",
			text:    `"Plenty of readers are undecided," Piet Thalen wrote in a letter to Harbour Weekly explaining his vote, "but most of them want the roads mended first."`,
			want:    "but most of them want",
			speaker: "Piet Thalen",
		},
		{
			name:    "participle after footage of a person keeps the person",
			text:    `The ad ends with footage of Dale Brenner saying, "That is how you read a balance sheet," at the debate.`,
			want:    "That is how you read",
			speaker: "Dale Brenner",
		},
		{
			name:    "single name before a verb is the subject",
			text:    `Ortega hammered Donald Pratt, calling him "an embarrassment to the harbour board."`,
			want:    "an embarrassment to the harbour",
			speaker: "Ortega",
		},
		{
			name:    "time phrase is no subject",
			text:    `But a few days later, Lena Ames reversed herself, telling the Gazette that the timetable "is fixed and will not move."`,
			want:    "is fixed and will not move",
			speaker: "Lena Ames",
		},
		{
			name:    "points out",
			text:    `"We shook hands and they walked away the next morning," Brent Bowler points out.`,
			want:    "We shook hands",
			speaker: "Brent Bowler",
		},
		{
			name:    "restricted verb inverted after a quote",
			text:    `"Is the council closing libraries now? Which is next?" reacted Lena Ames.`,
			want:    "Is the council closing",
			speaker: "Lena Ames",
		},
		{
			name:    "sentence-initial adverb is no name",
			text:    `Immediately after the vote, Lena Ames issued a statement, "We have been let down by our own committee today."`,
			want:    "We have been let down",
			speaker: "Lena Ames",
		},
		{
			name:    "participle after a quote takes the subject before it",
			text:    `Lena Ames said, "The club must go back to what it does best," promising a return to the old ground.`,
			want:    "The club must go back",
			speaker: "Lena Ames",
		},
		{
			name:    "pronoun subject before a word for a statement",
			text:    "The Associated Press reported that Lena Ames had lost.\n\nShe sent out a fundraising email vowing to \"knock on every last door\" in the county.",
			want:    "knock on every last door",
			speaker: "Lena Ames",
		},
		{
			name:    "given name that is also an organisation word",
			text:    "Frank Noll writes about the 1990s.\n\nBill Ortman took office that year. Here’s Ortman in December 1992: \"Our first task is to balance the county's books.\"",
			want:    "Our first task",
			speaker: "Bill Ortman",
		},
		{
			name:    "description matched to a person's title",
			text:    "Florida Sen. Mark Ruiz and Donald Brand clashed on Monday. Brand attacked him again on Tuesday.\n\n\"We will carry this county in May and then the region,\" the Florida senator said.",
			want:    "We will carry this county",
			speaker: "Mark Ruiz",
		},
		{
			name:    "description passes over a person holding another office",
			text:    "Donald Brand asked Mayor Bill Hale to restart the program. Hale ended it in 2014.\n\n\"The program failed every family that relied on it,\" the Republican presidential candidate said.",
			want:    "The program failed every family",
			speaker: "Donald Brand",
		},
		{
			name:    "unknown-gender subject in the pronoun's paragraph",
			text:    "Hillary Rowe spoke first.\n\nAsked about the memo, Feldman said \"I never read a single page of those files,\" she said.",
			want:    "I never read a single page",
			speaker: "Feldman",
		},
		{
			name:    "quote opening a sentence after narration about a person",
			text:    `Hillary Rowe touted her record as a sponsor of the bill. "Every nurse in this state deserves a fair contract."`,
			want:    "Every nurse in this state",
			speaker: "Hillary Rowe",
		},
		{
			name:    "quote after a dash",
			text:    `Dale Brenner also embraced tougher sentencing -- "I think a short sentence teaches nobody anything at all."`,
			want:    "I think a short sentence",
			speaker: "Dale Brenner",
		},
		{
			name:    "passive cue with an agent",
			text:    `Lena Ames was asked by moderator Gerald Barker whether her plan would risk "another hole in the county budget."`,
			want:    "another hole in the county",
			speaker: "Gerald Barker",
		},
		{
			name:    "description goes to the sentence subject earlier in the paragraph",
			text:    "Kasten was quoted last.\n\nCruz Delgado warned Ray Kasten against a second ballot. \"A second ballot would split the delegates down the middle,\" the Texas senator said.",
			want:    "A second ballot would split",
			speaker: "Cruz Delgado",
		},
		{
			name:    "description goes to the person quoted last",
			text:    "\"We should argue about the budget, not about each other,\" Bernard Sand said.\n\nAs for whether his supporters still resent Hilda Rowe, the Vermont senator acknowledged that some \"hold a grudge, though fewer every week.\"",
			want:    "hold a grudge",
			speaker: "Bernard Sand",
		},
		{
			name:    "split quotes do not reach over narration",
			text:    `"Perhaps he was not the right fit," Dale Brenner said. Critics have long argued about the firm. In recent weeks, Rita Reid has gone after Brenner as "a salesman with nothing left to sell."`,
			want:    "a salesman with nothing",
			speaker: "Rita Reid",
		},
		{
			name:    "full name of an organisation",
			text:    `According to Paul Sorley of Counter Pulse, "the contractor has been moving its lorries out of the county at night."`,
			want:    "the contractor has been moving its",
			speaker: "Paul Sorley",
		},
		{
			name:    "attribution after a short quoted phrase",
			text:    `Given Bernard Sand's success, his endorsements will carry "real clout in the suburbs" and bring candidates the "volunteers on the ground" they need, spokesman Neil Sorko said.`,
			want:    "real clout in the suburbs",
			speaker: "Neil Sorko",
		},
		{
			name:    "name in apposition after a possessive's role",
			text:    `In early October, Brand’s state director, Mike Rubin, reached out to the firm, writing in an email: "Could we have the hall for the first Saturday?"`,
			want:    "Could we have the hall",
			speaker: "Mike Rubin",
		},
		{
			name:    "pronoun prefers the sentence's subject to its object",
			text:    `Tom Pardo hammered Donald Brand, calling him a "walking gaffe" and contrasted the candidate, whom he described as "careless and out of his depth," with the rest.`,
			want:    "careless and out of his depth",
			speaker: "Tom Pardo",
		},
		{
			name:    "pronoun keeps an embedded subject",
			text:    `Michael Flint said Donald Brand was right when he said on Wednesday that under the last government "the navy has been left without ships."`,
			want:    "the navy has been left",
			speaker: "Donald Brand",
		},
		{
			name:    "subject inside a subordinate clause",
			text:    "Hillary Rowe issued a statement. Though she called Marlow Finch’s conduct \"shameful\" and called for bonuses to be \"handed back\", Rowe stopped short of more.\n\n\"A bank too big to run is a bank too big to keep.\"",
			want:    "A bank too big to run",
			speaker: "Hillary Rowe",
		},
		{
			name:    "subordinate clause before a dash quote",
			text:    `When Dale Brenner finally wrapped up — "Tomorrow we start again, and this time we finish!" — the balloons came down.`,
			want:    "Tomorrow we start again",
			speaker: "Dale Brenner",
		},
		{
			name:    "frontrunner stands for the person named before",
			text:    "Hillary Rowe visited the city on Monday.\n\nThe Democratic frontrunner wrote in the paper that \"the valley gets the last bus and the first cuts.\"",
			want:    "the valley gets the last bus",
			speaker: "Hillary Rowe",
		},
		{
			name:    "heading in capitals is no subject",
			text:    `COMMITTEE CALLED HIM IN — Vane’s health tips earned him the attention of the Trade Committee, where he was grilled for saying that a powder was a "miracle tonic for tired joints."`,
			want:    "miracle tonic for tired",
			speaker: "Vane",
		},
		{
			name:    "surname that is an auxiliary right before the verb",
			text:    "Harold Will wrote a column.\n\nCiting the result as a warning to members and their \"daydreams about power without the paperwork,\" Will urged the party to move on.",
			want:    "daydreams about power",
			speaker: "Harold Will",
		},
		{
			name:    "quote continued from a paragraph whose attribution follows a partial",
			text:    "Bernard Sand spoke.\n\nSand \"has found a mood nobody else saw,\" Simon Ross, a supporter, told the magazine.\n\n\"He paints Rowe as the face of the old guard. He is seen as somebody who listens.",
			want:    "He paints Rowe",
			speaker: "Simon Ross",
		},
		{
			name:    "inverted cue with a role and a name in apposition",
			text:    `The review found no "link of any substance," apart from the two firms sharing "an office cleaner" for a year, said the agency's director, James B. Coley, on Monday.`,
			want:    "link of any substance",
			speaker: "James B. Coley",
		},
		{
			name:    "two surnames joined by and",
			text:    "The Associated Press reported the talks.\n\nBrenner and Ruiz issued a joint note calling the talks a \"useful first step for both councils.\"",
			want:    "useful first step",
			speaker: "Brenner",
		},
	}
	e := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.Extract(tt.text, Options{})
			q, ok := findQuote(res, tt.want)
			require.True(t, ok, "quote %q not found in %+v", tt.want, res.Quotes)
			assert.Equal(t, tt.speaker, q.Speaker)
		})
	}
}
