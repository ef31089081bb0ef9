package quote

// Read-only word lists for the rules. All entries are lower case.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// speechCues are verbs (and the first word of multi-word cues) that report
// speech or writing.
var speechCues = set(
	"said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "add",
	"explained", "explains", "wrote", "writes", "write", "asked", "asks", "replied", "replies",
	"continued", "continues", "warned", "warns", "insisted", "insists", "argued", "argues",
	"noted", "notes", "stated", "states", "tweeted", "tweets", "posted", "laughed", "joked", "jokes",
	"declared", "declares", "announced", "announces", "claimed", "claims", "acknowledged", "acknowledges",
	"admitted", "admits", "conceded", "concedes", "recalled", "recalls", "suggested", "suggests",
	"urged", "urges", "stressed", "stresses", "emphasized", "emphasised", "observed", "remarked",
	"responded", "responds", "countered", "counters", "quipped", "quips", "shouted", "yelled", "cried",
	"concluded", "predicted", "predicts", "promised", "promises", "vowed", "vows", "according",
	"described", "describes", "called", "calls", "mused", "boasted", "boasts", "thundered", "fumed",
	"complained", "complains", "lamented", "laments", "charged", "charges", "alleged", "alleges",
	"reiterated", "reiterates", "confirmed", "confirms", "agreed", "agrees", "disagreed",
	"interjected", "interrupted", "retorted", "scoffed", "sighed", "whispered", "pointed",
	"testified", "wondered", "wonders", "went", "reported", "reports", "believes", "believed",
	"thinks", "thought", "explaining", "adding", "telling", "noting", "writing", "arguing", "warning",
	"insisting", "declaring", "asking", "dubbed", "labelled", "labeled", "branded", "calling", "describing", "referring", "recalling", "tweeting",
	"sniped", "snapped", "groused", "gushed", "marveled", "marvelled", "pleaded", "begged", "demanded",
	"demands", "proclaimed", "proclaims", "questioned", "denied", "denies", "cautioned", "cautions",
	"contended", "contends", "maintained", "maintains", "asserted", "asserts", "read", "reads",
	"concludes", "observes", "retorted", "retorts", "pleads", "shouts", "emailed", "texted", "retaliated",
	"shot", "fired", "hit", "pushed", "answered", "answers", "chimed", "interjects", "adds", "recounted",
	"recounts", "explaining", "suggesting", "claiming", "stressing", "urging", "pointing", "replying",
	"responding", "quipping", "joking", "boasting", "complaining", "conceding", "acknowledging",
	"started", "began", "reacted", "yelling", "shouting", "chanting", "screaming", "whispering", "announcing",
	"assured", "assures", "pressed", "presses", "put", "puts", "mocked", "scolded", "chided", "cracked",
	"added", "summed", "opined", "ventured", "offered", "elaborated", "clarified", "advised", "instructed",
	"points", "point", "barked", "promising", "vowing", "predicting", "warning", "declaring", "proclaiming",
)

// narrativeCues mark a paragraph as the reporter's narration rather than a
// continuing block quote.
var narrativeCues = set(
	"said", "says", "told", "tells", "added", "adds", "explained", "explains", "writes", "wrote",
	"according", "denied", "questioned", "insisted", "claimed", "argued",
)

// auxSkip are words that may stand between a subject and its cue.
var auxSkip = set(
	"has", "have", "had", "also", "later", "now", "then", "once", "previously", "was", "were", "is",
	"would", "will", "could", "further", "again", "recently", "earlier", "repeatedly", "publicly",
	"simply", "only", "just", "already", "did", "does", "do", "reportedly", "apparently", "quickly",
	"still", "often", "frequently", "subsequently", "immediately", "separately", "privately",
	"initially", "first", "last", "never", "ever", "has also", "always", "even", "tentatively",
	"sharply", "angrily", "flatly", "bluntly", "memorably", "famously", "pointedly", "firmly",
	"too", "meanwhile", "however", "yesterday", "today", "tonight", "herself", "himself",
)

// pronouns that may stand as the subject of a cue.
var personPronouns = set("he", "she")
var orgPronouns = set("it", "they")

// firstPerson words mark a paragraph as somebody speaking.
var firstPerson = set("i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "we", "we're", "we’re",
	"we've", "we’ve", "we'd", "we’d", "we'll", "we’ll", "my", "our", "us", "me", "ours", "mine", "myself", "ourselves")

// commonCap are capitalised words that do not start a name.
var commonCap = set(
	"the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "when", "while", "whilst", "as", "it",
	"this", "that", "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
	"my", "its", "your", "there", "here", "so", "then", "after", "before", "since", "for", "from", "with",
	"without", "despite", "although", "though", "last", "next", "today", "yesterday", "tomorrow", "now",
	"also", "however", "meanwhile", "what", "who", "why", "how", "where", "which", "some", "many", "most",
	"all", "both", "each", "every", "another", "other", "such", "no", "not", "yes", "to", "of", "by",
	"about", "over", "under", "into", "up", "down", "out", "off", "because", "until", "unless", "even",
	"still", "just", "only", "more", "less", "much", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "first", "second", "third", "updated", "photograph", "photo", "picture",
	"read", "watch", "follow", "sign", "like", "well", "oh", "yet", "instead", "indeed", "perhaps",
	"asked", "speaking", "according", "during", "among", "between", "through", "against", "around",
	"across", "behind", "beyond", "near", "outside", "inside", "within", "upon", "via", "per", "do",
	"does", "did", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "will",
	"would", "can", "could", "should", "may", "might", "must", "shall", "let", "please", "thanks",
	"thank", "dear", "hello", "hi", "said", "says", "told", "added",
	"ultimately", "regrettably", "unfortunately", "sadly", "clearly", "whether", "either", "neither",
	"nor", "any", "few", "several", "lots", "every", "again", "once", "twice", "very", "too", "almost",
	"nearly", "already", "never", "always", "sometimes", "often", "elsewhere", "together", "anyway",
	"consider", "sorry", "hang", "junior", "senior", "former",
	"democrats", "republicans", "americans", "tories", "conservatives", "liberals", "voters",
	"whenever", "wherever", "whatever", "whoever", "meanwhile", "nevertheless", "nonetheless", "moreover", "furthermore", "additionally", "likewise", "similarly", "thus", "hence", "therefore",
	"i’ve", "i've", "i’m", "i'm", "i’ll", "i'll", "i’d", "i'd", "we’re", "we're", "we’ve", "we've", "you’re",
	"you're", "they’re", "they're", "it’s", "it's", "that’s", "that's", "there’s", "there's", "here’s", "here's",
	"let’s", "let's", "don’t", "don't", "can’t", "can't", "won’t", "won't", "isn’t", "isn't", "didn’t", "didn't",
	"shortly", "recently", "finally", "currently", "previously", "initially", "eventually", "obviously",
	"apparently", "reportedly", "notably", "importantly", "interestingly", "specifically", "basically",
	"actually", "certainly", "surely", "hopefully", "fortunately", "frankly", "honestly", "given", "just",
	"alongside", "amid", "amongst", "beside", "besides", "unlike", "including", "excluding", "regarding",
)

// honorifics are forms of address; they go to titles, not names.
var honorifics = set(
	"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "prof", "prof.",
	"professor", "lord", "lady", "baroness", "baron", "rt", "hon", "rev", "rev.", "reverend", "cllr",
	"councillor", "mx", "sen.", "sen", "senator", "rep.", "rep", "representative", "gov.", "gov",
	"governor", "president", "gen.", "general", "col.", "colonel", "lt.", "capt.", "captain", "sgt.",
	"judge", "justice", "mayor", "pope", "king", "queen", "prince", "princess", "father", "sister",
	"brother", "rabbi", "imam", "bishop", "archbishop", "cardinal", "chancellor", "premier",
	"ambassador", "congressman", "congresswoman", "speaker", "commissioner", "secretary", "minister",
	"chief", "director", "chairman", "chairwoman", "chair", "leader", "nominee", "candidate",
	"sheriff", "detective", "officer", "inspector", "superintendent", "supt.", "constable", "del.", "delegate", "adm.", "admiral", "maj.", "sens.", "reps.",
)

// titleWords may come before a name as part of a role ("Health Secretary",
// "Shadow Chancellor", "Republican presidential nominee").
var titleWords = set(
	"health", "home", "foreign", "shadow", "deputy", "vice", "prime", "former", "acting", "interim",
	"executive", "operating", "financial", "medical", "nursing", "national", "incident", "state",
	"republican", "democratic", "democrat", "presidential", "vice-president", "vice-presidential",
	"attorney", "solicitor", "house", "senate", "majority", "minority", "labour", "conservative",
	"tory", "green", "liberal", "campaign", "press", "communications", "policy", "managing", "general",
	"co-founder", "founder", "ceo", "cfo", "coo", "mp", "msp", "mep", "gop", "us", "u.s.", "uk",
	"education", "business", "transport", "defence", "defense", "treasury", "justice", "environment",
	"work", "pensions", "culture", "science", "trade", "economic", "security", "intelligence",
	"senior", "junior", "former", "then", "then-", "spokesman", "spokeswoman", "spokesperson", "manager",
	"strategist", "adviser", "advisor", "aide", "surgeon", "council", "party", "union", "bma", "nhs",
	"rcn", "white", "independent", "libertarian", "first", "second", "associate", "assistant",
	"clinical", "professor", "dr", "dr.", "doctor", "economist", "analyst", "pollster", "editor",
	"correspondent", "reporter", "anchor", "host", "commentator", "activist", "author", "writer",
	"comedian", "actor", "actress", "singer", "rapper", "businessman", "billionaire", "evangelist",
)

// nameSuffixes follow a name and are not part of it.
var nameSuffixes = set("qc", "kc", "mp", "msp", "mep", "jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "obe", "mbe", "cbe", "frcp", "phd")

// nameConnectors may stand inside a personal name.
var nameConnectors = set("de", "van", "von", "da", "del", "der", "la", "le", "du", "bin", "al", "st.", "di", "dos", "das")

// orgHeads are words that make a capitalised phrase an organisation.
var orgHeads = set(
	"trust", "trusts", "nhs", "association", "union", "party", "hospital", "hospitals", "council",
	"college", "department", "committee", "ministry", "university", "institute", "group", "news",
	"times", "post", "agency", "board", "service", "services", "company", "inc", "inc.", "corp",
	"corp.", "ltd", "plc", "foundation", "federation", "commission", "office", "authority", "society",
	"network", "bank", "fund", "club", "league", "organisation", "organization", "alliance", "coalition",
	"centre", "center", "infirmary", "clinic", "surgery", "practice", "school", "academy", "council",
	"government", "administration", "campaign", "congress", "senate", "parliament", "assembly",
	"court", "police", "army", "navy", "force", "guard", "bureau", "journal", "magazine", "tribune",
	"herald", "telegraph", "guardian", "independent", "express", "mail", "mirror", "observer",
	"gazette", "radio", "tv", "television", "channel", "broadcasting", "press", "reuters", "press",
	"house", "providers", "employers", "confederation", "unison", "unite", "gmb", "cabinet",
	"caucus", "pac", "project", "institution", "initiative", "programme", "program", "center",
	"hq", "headquarters", "consortium", "partnership", "icb", "ccg", "system", "panel",
	"movement", "church", "embassy", "team", "staff", "division", "unit", "lab", "laboratory",
	"committee", "review", "poll", "survey", "report", "statement", "twitter", "facebook", "cnn", "fox",
	"msnbc", "nbc", "abc", "cbs", "bbc", "itv", "sky", "politico", "breitbart", "times", "fbi", "cia",
	"gop", "dnc", "rnc", "un", "eu", "nato", "royal", "act", "bill", "law", "strategies", "partners", "associates", "llc", "consulting", "solutions", "media", "communications", "enterprises", "holdings", "industries", "institute", "ventures",
)

// placeWords are words that make a capitalised phrase a place.
var placeWords = set(
	"street", "road", "bridge", "station", "broadway", "square", "park", "line", "london", "england",
	"manchester", "bristol", "north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "greater", "united", "states", "america", "kingdom", "britain", "scotland", "wales",
	"ireland", "city", "county", "valley", "island", "coast", "st", "saint", "mount", "lake", "river",
	"hill", "mall", "avenue", "lane", "washington", "york", "new", "zealand", "australia", "france",
	"germany", "china", "russia", "mexico", "canada", "iowa", "ohio", "florida", "texas", "california",
	"carolina", "virginia", "pennsylvania", "michigan", "wisconsin", "nevada", "colorado", "arizona",
	"georgia", "hampshire", "district", "midlands", "birmingham", "leeds", "liverpool", "glasgow",
	"edinburgh", "cardiff", "belfast", "europe", "africa", "asia", "syria", "iraq", "iran", "israel",
	"ukraine", "japan", "india", "korea", "cuba", "ward", "wards", "tower", "hall", "airport",
	"beach", "heights", "village", "town", "borough", "province", "region", "republic", "westminster",
	"whitehall", "downing", "tooting", "whitechapel", "stockport", "swindon", "philadelphia",
	"chicago", "cleveland", "detroit", "boston", "atlanta", "miami", "dallas", "houston", "denver",
	"manhattan", "brooklyn", "queens", "bronx", "harlem", "america’s", "trump tower", "capitol",
)

// calendarWords are capitalised words of dates.
var calendarWords = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
	"march", "april", "june", "july", "august", "september", "october", "november", "december",
	"christmas", "easter", "day", "eve", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
)

// spokesWords make an anonymous speaker speak for an organisation.
var spokesWords = set("spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
	"spokeswomen", "representative", "statement", "spokesperson’s", "press", "release", "email", "letter")

// orgNouns stand for an organisation named earlier ("the trust").
var orgNouns = set("trust", "hospital", "union", "association", "department", "board", "council",
	"campaign", "committee", "company", "government", "ministry", "organisation", "organization",
	"party", "agency", "service", "commission", "authority", "society", "college", "administration",
	"team", "group", "foundation", "charity", "firm", "body", "infirmary", "office", "bureau")

// writtenSigns are things whose words in quote marks are not speech.
var writtenSigns = set("placard", "placards", "poster", "posters", "banner", "banners", "sign", "signs",
	"leaflet", "leaflets", "headline", "headlines", "slogan", "slogans", "t-shirt", "t-shirts", "sticker",
	"stickers", "hashtag", "caption", "title", "titled", "entitled", "dubbed", "nicknamed", "billboard",
	"commentary", "column", "op-ed", "essay", "book", "film", "movie", "song", "album", "episode", "editorial",
	"documentary", "memoir", "novel", "play", "musical", "podcast", "motto", "platform")
