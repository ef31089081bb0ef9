package timex

import (
	"strconv"
	"strings"

	"github.com/cuttings/cuttings/internal/refind"
)

// groups gives a rule's builder access to one match's named groups. A name
// may be used in several alternatives of a pattern; the one that took part
// in the match counts.
type groups struct {
	text string
	loc  []int
	idx  map[string][]int
}

// at is the submatch index of the named group that took part, or -1.
func (g groups) at(name string) int {
	for _, i := range g.idx[name] {
		if g.loc[2*i] >= 0 {
			return i
		}
	}
	return -1
}

func (g groups) has(name string) bool { return g.at(name) >= 0 }

func (g groups) get(name string) string {
	i := g.at(name)
	if i < 0 {
		return ""
	}
	return g.text[g.loc[2*i]:g.loc[2*i+1]]
}

// pos is the byte offset where a group starts (or the match starts, when
// the group did not take part).
func (g groups) pos(name string) int {
	i := g.at(name)
	if i < 0 {
		return g.loc[0]
	}
	return g.loc[2*i]
}

func (g groups) num(name string) int {
	s := strings.TrimRight(g.get(name), "stndrh")
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// rule is one pattern and the builder that turns its match into an Expr.
// The builder may move the span (Start, End) inside the match and returns
// false to drop the match.
type rule struct {
	name   string
	anchor anchor
	// needs lists strings of which a stretch of text must hold one for
	// the rule to be tried there (a cheap test before the pattern);
	// facts are the properties (see fact) it must have.
	needs []string
	facts fact
	// re runs the pattern only where a match can start: these patterns
	// open with \b, which Go's regexp cannot skip ahead to.
	re    *refind.Finder
	idx   map[string][]int
	build func(g groups, e *Expr) bool
}

func newRule(name string, a anchor, pattern string, build func(g groups, e *Expr) bool) rule {
	re := refind.MustCompile(pattern)
	idx := map[string][]int{}
	for i, n := range re.Regexp().SubexpNames() {
		if n != "" {
			idx[n] = append(idx[n], i)
		}
	}
	return rule{name: name, anchor: a, re: re, idx: idx, build: build}
}

// digits marks a rule that needs a digit near its anchor.
func digits(r rule) rule { return needFacts(r, factDigit) }

// rules are read-only after init; the order breaks ties between spans of
// the same length (earlier wins).
var rules = []rule{
	needFacts(withNeeds(newRule("iso", anchorNumeric, `\b(?P<y1>\d{4})-(?P<m1>\d{2})-(?P<d1>\d{2})\b`, buildISO), "-"), factFour),
	needFacts(newRule("numeric-month", anchorMonth, `\b(?:(?P<d1>\d{1,2})[-/ ](?P<m1>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec))[-/ ](?P<y1>\d{4})|(?P<y1>\d{4})[-/](?P<m1>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec))[-/](?P<d1>\d{1,2})|(?P<m1>(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec))-(?P<d1>\d{1,2})-(?P<y1>\d{4}))\b`, buildDate), factNumMonth),
	needFacts(newRule("iso-month", anchorNumeric, `\b(?P<y1>(?:19|20)\d\d)-(?P<mo>0?[1-9]|1[0-2])\b`, buildISOMonth), factYear),
	newRule("numeric", anchorNumeric, `\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<y1>\d{4}|\d{2})\b`, buildNumeric),
	needFacts(withNeeds(newRule("list-md", anchorMonth, `\b(?P<m1>`+reMonFirst+`)\s+(?P<dl>`+reDay+`(?:\s*,\s*`+reDay+`)+\s*,?\s+(?:and|&)\s+`+reDay+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`)\b)?`, buildList), "and", "&"), factMonthDay|factDayList),
	needFacts(withNeeds(newRule("list-dm", anchorMonth, `\b(?P<dl>`+reDay+`(?:\s*,\s*`+reDay+`)+\s*,?\s+(?:and|&)\s+`+reDay+`)\s+(?:of\s+)?(?P<m1>`+reMonAny+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`)\b)?`, buildList), "and", "&"), factDayMonth|factDayList),
	needFacts(withNeeds(newRule("range-md", anchorMonth, `\b(?:(?P<pre>[Bb]etween|[Ff]rom)\s+)?(?P<m1>`+reMonFirst+`)\s+(?P<d1>`+reDay+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`))?\s*(?P<sep>-|–|—|to|and|until|till|through|thru)\s*(?:(?P<m2>`+reMonAny+`)\s+)?(?P<d2>`+reDay+`)\b(?:\s*,?\s+(?P<y2>`+reYear+`)\b)?`, buildRange), "-", "–", "—", "to", "and", "until", "till", "through", "thru"), factMonthDay),
	needFacts(withNeeds(newRule("range-dm", anchorMonth, `\b(?:(?P<pre>[Bb]etween|[Ff]rom)\s+)?(?:the\s+)?(?P<d1>`+reDay+`)\b(?:\s+(?:of\s+)?(?P<m1>`+reMonAny+`)\b(?:\s*,?\s+(?P<y1>`+reYear+`))?)?\s*(?P<sep>-|–|—|to|and|until|till|through)\s*(?:the\s+)?(?P<d2>`+reDay+`)\s+(?:of\s+)?(?P<m2>`+reMonAny+`)\b(?:\s*,?\s+(?P<y2>`+reYear+`)\b)?`, buildRange), "-", "–", "—", "to", "and", "until", "till", "through", "thru"), factDayMonth),
	needFacts(withNeeds(newRule("month-range", anchorMonth, `\b(?P<pre>[Ff]rom|[Bb]etween)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?P<m1>`+reMonWord+`)(?:\s*,?\s+(?P<y1>`+reYear+`))?\s+(?P<sep>to|and|until|till|through)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?P<m2>`+reMonWord+`)(?:\s*,?\s+(?P<y2>`+reYear+`))?\b`, buildMonthRange), "rom", "etween"), factMonth),
	needFacts(newRule("date-dm", anchorMonth, `\b(?:(?P<wd>`+reWeekdayAny+`),?\s+)?(?:the\s+)?(?P<d1>`+reDay+`)\s+(?:of\s+)?(?P<m1>`+reMonAny+`)\b(?:\s*,?\s+(?:of\s+)?(?P<y1>`+reYear+`)\b|\s+of\s+(?P<ry>this|last|next)\s+year\b)?`, buildDate), factDayMonth),
	needFacts(newRule("date-md", anchorMonth, `\b(?:(?P<wd>`+reWeekdayAny+`),?\s+)?(?P<m1>`+reMonFirst+`)\s+(?:the\s+)?(?P<d1>`+reDay+`)\b(?:\s*,?\s+(?:of\s+)?(?P<y1>`+reYear+`)\b|\s+of\s+(?P<ry>this|last|next)\s+year\b)?`, buildDate), factMonthDay),
	needFacts(newRule("month-year", anchorMonth, `\b(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|end\s+of|start\s+of))(?:\s+|-))?(?:(?P<m1>`+reMonWord+`)\s*,?\s+(?:of\s+)?|(?P<m1>`+reMonAbbr+`)(?:\s*[,/-]\s*|\s+))(?P<y1>`+reYear+`)\b`, buildMonth), factMonth|factYear),
	needFacts(newRule("month", anchorMonth, `\b(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|end\s+of|start\s+of))(?:\s+|-)(?:in\s+)?)?(?:(?P<rel>(?i:last|next|this|coming))\s+)?(?P<m1>`+reMonWord+`)(?:\b|$)(?:\s+(?:of\s+)?(?P<ry>this|last|next)\s+year\b|`+rePoss+`)`, buildMonth), factMonth),
	needFacts(withNeeds(newRule("fy", anchorNumeric, `\b(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>\d\d)\b`, buildFY), "-", "–", "/"), factYear),
	newRule("year", anchorYear, `\b(?:(?P<mod>(?i:early|late|mid|the\s+(?:end|start|beginning|middle)\s+of|end\s+of|start\s+of))(?:\s+|-))?(?P<y1>`+reYear+`)\b`, buildYear),
	newRule("deictic", anchorDeictic, `\b(?P<w>(?i:today|yesterday|tomorrow))`+rePoss+`\b`, buildDeictic),
	withNeeds(newRule("deictic2", anchorDeictic, `\b(?i:the\s+day\s+(?P<ba>before|after)\s+(?P<w>yesterday|tomorrow))\b`, buildDeictic), "day"),
	newRule("period", anchorPeriod, `\b(?:(?P<mod>(?i:earlier|later|early|late|the\s+(?:end|start|beginning|middle|turn)\s+of|end\s+of|start\s+of|mid))(?:\s+|-))?(?P<rel>(?i:this|last|next|previous|coming|the\s+previous|the\s+last|the\s+past|the\s+next|the\s+coming|the\s+following|the\s+current|the\s+same))\s+(?P<fin>(?i:financial|fiscal|tax|calendar)\s+)?(?P<unit>(?i:week|weekend|month|year))\b`+rePoss, buildPeriod),
	withNeeds(newRule("period-of-the", anchorPeriod, `\b(?P<mod>(?i:(?:the\s+)?(?:end|start|beginning|middle|rest|remainder)\s+of))\s+the\s+(?P<unit>year|month|week)\b`, buildPeriodOfThe), "of the"),
	digits(newRule("weekday-day", anchorWeekday, `\b(?P<wd>`+reWeekdayAny+`)\s+(?:the\s+)?(?P<d1>`+reDay+`)\b`, buildDayOfMonth)),
	newRule("the-nth", anchorOrdinal, `\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Ff]rom|[Ss]ince|[Bb]efore|[Aa]fter)\s+the\s+(?P<d1>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b`, buildDayOfMonth),
	newRule("ago", anchorAgo, `\b(?P<n>`+reNumWord+`)\s+(?P<unit>(?i:days?|weeks?|fortnights?|months?|years?))\s+(?i:ago)\b`, buildAgo),
	newRule("weekday", anchorWeekday, `\b(?:(?P<rel>(?i:last|next|this|coming|previous|on))\s+)?(?P<wd>`+reWeekday+`)\b`+rePoss+`(?:\s+(?P<part>morning|afternoon|evening|night|lunchtime))?\b`, buildWeekday),
	withNeeds(newRule("weekday-week", anchorWeekday, `\b(?:(?:[Oo]n\s+)?(?P<wd>`+reWeekday+`)\s+(?:of\s+)?(?P<wk>(?i:this|next|last|previous))\s+week|(?P<wk>(?i:this|next|last|previous))\s+week\s*[-–,]?\s*(?:on\s+)?(?P<wd>`+reWeekday+`))\b`, buildWeekday), "week"),
	withNeeds(newRule("holiday", anchorHoliday, `\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>Christmas\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year['’]?s\s+(?:Day|Eve)|Easter\s+(?:Sunday|Monday|Day)|Good\s+Friday|Valentine['’]?s\s+Day|St\.?\s+Patrick['’]?s\s+Day|Bonfire\s+Night|Guy\s+Fawkes\s+Night|Halloween|Christmas|Easter)\b(?:\s+(?P<y1>`+reYear+`)\b)?`, buildHoliday), "Christmas", "Boxing", "Year", "Easter", "Friday", "Valentine", "Patrick", "Bonfire", "Fawkes", "Halloween"),
}
