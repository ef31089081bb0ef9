package quote

// Given names with a usual gender, so that "he" and "she" find the right
// person. Hand-compiled (2026-11-21) from common English-language given
// names in British and American news; a name missing here only means the
// pronoun may match either gender.
var femaleNames = set(
	"anne", "ann", "anna", "alice", "amy", "amanda", "andrea", "angela", "ariane", "barbara", "betsy", "betty",
	"bridget", "carla", "carly", "caroline", "carol", "catherine", "cathy", "charlotte", "chelsea", "chloe",
	"christina", "christine", "claire", "clare", "condoleezza", "dagmar", "dana", "debbie", "deborah", "diana",
	"dianne", "donna", "elaine", "eleanor", "elizabeth", "ellen", "emily", "emma", "esther", "fionna", "fiona",
	"gwen", "hannah", "harriet", "heather", "helen", "hillary", "huma", "ivanka", "jane", "janet", "jennifer",
	"jessica", "jill", "joan", "joanna", "jo", "julia", "julie", "karen", "kate", "katherine", "kathleen", "kathy",
	"kellyanne", "kelly", "kim", "kirsten", "krystal", "laura", "lauren", "linda", "lin", "lisa", "liz", "lily",
	"lizzie", "loretta", "lucy", "maria", "marianne", "martha", "mary", "maxine", "megyn", "melania", "melanie",
	"melissa", "michelle", "miranda", "nancy", "natalie", "nicola", "nina", "pamela", "patricia",
	"priti", "prianka", "rachel", "rae", "rebecca", "rosie", "ruth", "sabrieh", "sally", "samantha", "sandra",
	"sarah", "sharon", "sheila", "sian", "sonya", "sophie", "stephanie", "susan", "suzanne", "tamara", "teresa",
	"theresa", "tina", "tulsi", "valerie", "veronica", "victoria", "virginia", "wendy", "yvette", "zoe",
	"azucena", "adriana", "ariana", "christiana", "jacklyn", "jeanne", "jenny", "margaret", "meghan", "monica",
	"nikki", "penny", "sheryl", "stacey", "katie", "katy", "elise", "ilhan", "alexandria", "kamala",
	"alicia", "heidi", "kellie", "kelli", "nikki", "cecile", "madeleine", "michele", "dena", "betsy", "claire", "marla",
)

var maleNames = set(
	"aaron", "adam", "alan", "alex", "alexander", "andrew", "andy", "aneurin", "anthony", "ben", "benjamin",
	"bernie", "bill", "bob", "boris", "brian", "bruce", "carlos", "chris", "christopher", "chuck", "clive",
	"dagan", "dan", "daniel", "david", "dennis", "dick", "donald", "doug", "douglas", "ed", "edward", "elijah",
	"eric", "francisco", "frank", "gareth", "gary", "george", "gerald", "greg", "harold", "harry", "henry",
	"ian", "jack", "jacob", "james", "jason", "jeb", "jeff", "jeremy", "jerry", "jim", "joe", "john", "johann",
	"jon", "jonathan", "jorge", "joseph", "josh", "julian", "justin", "keith", "ken", "kenneth", "kevin",
	"larry", "laurence", "lindsey", "luke", "marco", "mark", "martin", "matt", "matthew", "michael", "mike",
	"mitch", "mitt", "nathan", "newt", "nick", "nigel", "norman", "oscar", "patrick", "paul", "peter", "phil",
	"philip", "raymond", "reince", "richard", "rick", "rob", "robby", "robert", "roger", "ron", "rudy",
	"ryan", "sam", "scott", "sean", "simon", "stephen", "steve", "steven", "ted", "thomas", "tim", "toby",
	"tom", "tony", "roy", "ray", "roderick", "rod", "lee", "leon", "vladimir", "william", "barack", "bobby", "jeeves", "luke", "marco", "rand", "mehmet",
	"rex", "vince", "xi", "al", "charles", "chad", "kyle", "tyler", "adrian", "keir", "rishi", "nadhim",
	"sajid", "matt", "wes", "dwight", "herbert", "ronald", "jimmy", "lyndon", "gordon", "tony", "neil",
)

// genderOf returns 'm', 'f' or 0 for a person's words and titles.
func genderOf(words []string, titles []string) byte {
	for _, t := range titles {
		for _, w := range nameWords(t) {
			switch w {
			case "mr", "mr.", "sir", "lord", "baron", "king", "prince", "father", "brother", "congressman", "chairman":
				return 'm'
			case "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "baroness", "queen", "princess", "sister", "congresswoman", "chairwoman":
				return 'f'
			}
		}
	}
	if len(words) == 0 {
		return 0
	}
	switch {
	case femaleNames[words[0]]:
		return 'f'
	case maleNames[words[0]]:
		return 'm'
	}
	return 0
}
