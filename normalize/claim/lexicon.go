package claim

import (
	"regexp"
	"strings"

	"github.com/cuttings/cuttings/internal/refind"
)

// Read-only word lists and patterns that tie a count to what happened.

// metricCue maps a word stem in the clause to a metric.
type metricCue struct {
	// stems are lower-case pieces one of which the text must hold before
	// the pattern is tried (a cheap filter).
	stems  []string
	re     *regexp.Regexp
	metric string
	// strong metrics (the cancellation family) may take the subject of an
	// earlier claim when the sentence names none.
	strong bool
}

var metricCues = []metricCue{
	{[]string{"cancel"}, regexp.MustCompile(`(?i)\bcancel(?:led|ed|ling|ing|lations?|s)?\b`), "cancelled", true},
	{[]string{"postpon"}, regexp.MustCompile(`(?i)\bpostpon(?:ed|ing|ement|ements|e|es)\b`), "postponed", true},
	{[]string{"reschedul"}, regexp.MustCompile(`(?i)\breschedul(?:ed|ing|e|es)\b`), "rescheduled", true},
	{[]string{"rearrang"}, regexp.MustCompile(`(?i)\brearrang(?:ed|ing|e|es)\b`), "rescheduled", true},
	{[]string{"not "}, regexp.MustCompile(`(?i)\bnot (?:been )?(?:on (?:the )?wards|in work|at work)\b`), "not in work", false},
	{[]string{"work", "ward"}, regexp.MustCompile(`(?i)\b(?:turned up (?:to|for) work|reported for work|in work|at work|on (?:the )?wards|working)\b`), "in work", false},
	{[]string{"strik", "walk", "action"}, regexp.MustCompile(`(?i)\b(?:on strike|strik(?:e|es|ing)|walk(?:ed)? ?outs?|industrial action|take action)\b`), "on strike", false},
	{[]string{"picket"}, regexp.MustCompile(`(?i)\bpickets?\b|\bpicket lines?\b`), "pickets", false},
	{[]string{"vot", "ballot"}, regexp.MustCompile(`(?i)\bvot(?:ed|e|es|ing)\b|\bballot(?:ed)?\b`), "voted", false},
	{[]string{"march"}, regexp.MustCompile(`(?i)\bmarch(?:ed|ing)\b`), "marched", false},
	{[]string{"belong", "members"}, regexp.MustCompile(`(?i)\bbelong(?:s|ed)? to\b|\bmembers\b`), "members", false},
	{[]string{"employ"}, regexp.MustCompile(`(?i)\bemploy(?:s|ed|ing)?\b`), "employed", false},
	{[]string{"treat"}, regexp.MustCompile(`(?i)\btreat(?:s|ed|ing)?\b`), "treated", false},
	{[]string{"wait"}, regexp.MustCompile(`(?i)\bwait(?:ing|ed)\b|\bwaiting lists?\b`), "waiting", false},
	{[]string{"attend"}, regexp.MustCompile(`(?i)\battend(?:ed|s|ing)?\b|\battendances?\b`), "attended", false},
	{[]string{"died", "death"}, regexp.MustCompile(`(?i)\bdied\b|\bdeaths?\b`), "deaths", false},
	{[]string{"admi"}, regexp.MustCompile(`(?i)\badmi(?:tted|ssions?)\b`), "admitted", false},
	{[]string{"vacanc"}, regexp.MustCompile(`(?i)\bvacanc(?:y|ies)\b`), "vacancies", false},
	{[]string{"bed"}, regexp.MustCompile(`(?i)\bbeds?\b`), "beds", false},
}

// payWords mark pay, pensions and personal money: their percentages belong
// to staff groups, not to a trust or place.
var payWords = []string{"pay", "salary", "salaries", "wage", "wages", "pension", "pensions", "bonus", "bonuses",
	"earnings", "debt", "payment", "payments"}

// cumulativeRe marks running totals of events ("the total ... grew to
// 3,850", "surpassed one million", "over the last five months").
var cumulativeRe = regexp.MustCompile(`(?i)\b(?:total|totals|grew to|risen to|rose to|to date|so far|in all|altogether|overall|cumulative|running total|milestone|surpass(?:ed|es)?|pass(?:ed)? the|topped|since)\b|\bover the (?:last|past) (?:\w+ )?(?:days|weeks|months|years)\b`)

// explicitTotalRe marks a running total whatever is counted; the other
// cues ("rose to", "surpassed") make one only for events (cancelled,
// postponed, rescheduled): a waiting list that "rose to 650,000" is a
// level, not a total.
var explicitTotalRe = regexp.MustCompile(`(?i)\b(?:to date|so far|in all|in total|altogether|cumulative|running total|since)\b`)

// causeRe finds the cue that introduces a cause.
var causeRe = regexp.MustCompile(`(?i)\b(?:due to|as a (?:direct )?result of|because of|owing to|caused by|in the wake of)\s+`)

// nationalRe names national figures: the claims they back are England's.
var nationalRe = regexp.MustCompile(`\bNHS England\b|\bNHS (?:data|figures|statistics)\b|\bnational (?:data|figures|statistics)\b|\bofficial (?:data|figures)\b|\bNHS Digital\b|\bDepartment of Health\b`)

// nationalLits are literals of which nationalRe needs one.
var nationalLits = []string{"NHS ", "national ", "official ", "Department of Health"}

// isNational reports whether s names a national figure (nationalRe),
// trying the pattern only when one of its literals occurs.
func isNational(s string) bool {
	return anyIn(s, nationalLits) && nationalRe.MatchString(s)
}

// nationalTitleRe marks speakers who speak for the country's health
// service ("Health Secretary", "NHS England's medical director"). Go's
// regexp would try it at every byte of each window around a name;
// refind tries it where its first two letters stand.
var nationalTitleRe = refind.MustCompile(`(?i)health secretary|secretary of state|prime minister|health minister|minister|\bNHS England\b|\bNHS medical director\b|national medical director|chief executive of the NHS|NHS chief executive|department of health`)

// corefPhrases are words standing for an organisation named before.
var corefPhrases = []string{"the trust", "the hospital", "the board", "the health board", "the site"}

// itRe finds "It" opening a clause, standing for the subject of the
// sentence before ("It means the total ...", "It said that ...").
var itRe = regexp.MustCompile(`(?:^|[.;:]\s+|,\s+)(?:It|This|That)\s+(?:means|meant|said|says|added|adds|shows|showed|brings|brought|takes|took)\b`)

// itLits are literals of which itRe needs one.
var itLits = []string{"It", "This", "That"}

// places are the names that take a claim without an organisation: the
// nations, London and the English regions (cities are left out: they are
// more often part of a name, "Bristol Labour", than a claim's subject). The
// longest names come first so "Greater Manchester" wins over "Manchester".
var places = []struct {
	lits []string // words the pattern needs, one of which must be in the text
	re   *regexp.Regexp
	name string
}{
	{[]string{"England and Wales"}, regexp.MustCompile(`\bEngland and Wales\b`), "England and Wales"},
	{[]string{"Northern Ireland"}, regexp.MustCompile(`\bNorthern Ireland\b`), "Northern Ireland"},
	{[]string{"Greater Manchester"}, regexp.MustCompile(`\bGreater Manchester\b`), "Greater Manchester"},
	{[]string{"United Kingdom", "UK"}, regexp.MustCompile(`\b(?:the )?United Kingdom\b|\bthe UK\b|\bUK-wide\b`), "United Kingdom"},
	{[]string{"Britain"}, regexp.MustCompile(`\bGreat Britain\b|\bBritain\b`), "Great Britain"},
	{[]string{"England"}, regexp.MustCompile(`\bEngland(?:['’]s)?\b`), "England"},
	{[]string{"Scotland"}, regexp.MustCompile(`\bScotland(?:['’]s)?\b`), "Scotland"},
	{[]string{"Wales"}, regexp.MustCompile(`\bWales\b`), "Wales"},
	{[]string{"London"}, regexp.MustCompile(`\bLondon\b`), "London"},
	{[]string{"North West", "North East", "South West", "South East", "Midlands", "East of England"},
		regexp.MustCompile(`\bthe (?:North West|North East|South West|South East|East Midlands|West Midlands|Midlands|East of England)\b`), ""},
	{[]string{"Yorkshire"}, regexp.MustCompile(`\bYorkshire(?: and the Humber)?\b`), ""},
}

// reportingRe finds a reporting verb: a date before it dates the report,
// not the figure ("On Monday, NHS England said that 1,425 ...").
var reportingRe = regexp.MustCompile(`(?i)\b(?:said|says|announced|confirmed|reported|revealed|showed|show|shows|published|told|added|stated|estimated)\b`)

// executiveRe marks a title that speaks for an organisation (run through
// refind, as nationalTitleRe).
var executiveRe = refind.MustCompile(`(?i)chief executive|chief operating officer|medical director|director of|chair(?:man|woman)? of|spokes(?:man|woman|person)|(?:trust|hospital)['’]s`)

// rateTotalRe finds totals that are rates, not running totals ("the
// normal daily total of 30,000").
var rateTotalRe = regexp.MustCompile(`(?i)\b(?:daily|weekly|monthly|annual|yearly|normal|average|typical|usual)\s+(?:\w+\s+)?totals?\b`)

// nameOfRe finds a capitalised name ending in "of" just before a place:
// "Royal Bank of Scotland", "Church of England", "Mayor of London".
var nameOfRe = regexp.MustCompile(`\b[A-Z][\w’']*\s+of\s+(?:the\s+)?$`)

// Stems the text must hold before the patterns above are tried.
var (
	explicitTotalStems = []string{"to date", "so far", "in all", "in total", "altogether", "cumulative", "running total", "since"}
	cumulativeStems    = []string{"total", "grew to", "risen to", "rose to", "to date", "so far", "in all", "altogether", "overall",
		"cumulative", "milestone", "surpass", "pass", "topped", "since", "over the last", "over the past"}
	causeStems = []string{"due to", "result of", "because of", "owing to", "caused by", "in the wake of"}
)

// hasWords reports whether s holds one of phrases (written in lower case)
// as whole words, ignoring case: what a case-insensitive \b(?:a|b)\b
// regexp matches, without running one over every sentence.
func hasWords(s string, phrases []string) bool {
	return hasLowerWords(strings.ToLower(s), phrases)
}

// hasLowerWords is hasWords for lower = strings.ToLower(s).
func hasLowerWords(lower string, phrases []string) bool {
	for _, p := range phrases {
		for i := 0; i < len(lower); {
			j := strings.Index(lower[i:], p)
			if j < 0 {
				break
			}
			j += i
			end := j + len(p)
			if (j == 0 || !isWordByte(lower[j-1])) && (end == len(lower) || !isWordByte(lower[end])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII word character, as \w is.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
