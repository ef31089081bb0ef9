// This file holds the clean-ups applied to the extracted paragraphs:
// repeated headline, standfirst, bylines and date lines, promotions.

package body

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// promoLine starts an in-body promotion of other articles.
	promoLine = regexp.MustCompile(`^(?:(?:READ MORE|SEE MORE|READ ALSO|ALSO READ|DON'T MISS|DON’T MISS|MORE ON THIS STORY)\b[:\s]|(?:MORE|RELATED|WATCH|LISTEN|PICTURED|RECOMMENDED|LATEST)\s*:|(?:Read more|See more|Read also|Also read|Related|More on this|Don't miss|Don’t miss)\s*:)`)
	// tailMarker introduces the lists of other articles after a body.
	tailMarker = regexp.MustCompile(`(?i)^(?:you may also like|you might also like|more from|related (?:stories|articles|coverage|content|posts?)|recommended(?: for you| stories)?|most (?:read|popular)|trending(?: now)?|more stories|read next)\b[.…:!]*$`)
	// shortcode is a WordPress shortcode left in the text.
	shortcode = regexp.MustCompile(`\[/?[a-z_]+(?:\s[^\]]*)?\]`)
	// callToAction is an appeal in capitals: "CLICK HERE TO GET THE APP".
	callToAction = regexp.MustCompile(`^(?:CLICK HERE|TAP HERE|GET (?:THE|OUR)|DOWNLOAD (?:THE|OUR)|SUBSCRIBE|SIGN UP|FOLLOW US)\b[^a-z]*$`)
	// newsletterPlug is a sign-up appeal.
	newsletterPlug = regexp.MustCompile(`(?i)\b(?:sign up|subscribe|newsletter|delivered (?:to|through) your (?:inbox|letterbox))\b`)
)

// dropPromotions removes in-body promotions ("READ MORE: ..."), a trailing
// "You may also like" list with everything after it, shortcodes, and
// short sign-up appeals at the end of the body.
func dropPromotions(paras []paragraph) []paragraph {
	out := paras[:0:0]
	for i, p := range paras {
		if tailMarker.MatchString(p.text) && i >= len(paras)/2 {
			break
		}
		if promoLine.MatchString(p.text) || callToAction.MatchString(p.text) {
			continue
		}
		if strings.Contains(p.text, "[/") || strings.HasPrefix(p.text, "[") {
			p.text = strings.TrimSpace(collapseSpace(shortcode.ReplaceAllString(p.text, " ")))
			if p.text == "" {
				continue
			}
		}
		out = append(out, p)
	}
	// Sign-up appeals among the last three paragraphs.
	for len(out) > 1 {
		last := out[len(out)-1]
		if wordCount(last.text) > 40 || !newsletterPlug.MatchString(last.text) {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

// dropLeadingTitle removes paragraphs among the first three that repeat
// the headline: Result.Title holds it, and the body is what follows.
func dropLeadingTitle(paras []paragraph, title string) []paragraph {
	nt := wordKey(title)
	if nt == "" {
		return paras
	}
	for i := 0; i < len(paras) && i < 3; i++ {
		if wordKey(paras[i].text) == nt {
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
}

// wordKey is s lower-cased with everything but letters and digits turned
// into single spaces, for comparing texts that differ in punctuation.
func wordKey(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(r)
		} else {
			space = true
		}
	}
	return sb.String()
}

// dropStandfirstHeading removes a heading among the first two paragraphs
// that repeats the page's description: a standfirst set as a sub-headline
// is page furniture, while one set as the first paragraph is body text.
func dropStandfirstHeading(paras []paragraph, desc string) []paragraph {
	nd := wordKey(desc)
	if nd == "" {
		return paras
	}
	for i := 0; i < len(paras) && i < 2; i++ {
		if paras[i].kind == KindHeading && wordKey(paras[i].text) == nd {
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
}

// dropLeadingFurniture removes the page furniture that can precede the
// first real paragraph: bylines ("By A", an author's name or role), date
// and "Published" lines, and short link labels ("Login", "My Account").
// Headings are kept.
func dropLeadingFurniture(paras []paragraph, authors []string) []paragraph {
	i := 0
	for ; i < len(paras) && i < 8; i++ {
		p := paras[i]
		if p.kind == KindHeading || p.kind == KindQuote || !isFurniture(p.text, authors) {
			break
		}
	}
	paras = paras[i:]
	// A byline or date line a little further down, after a standfirst.
	out := paras[:0:0]
	for j, p := range paras {
		if j < 5 && p.kind == KindParagraph && isBylineOrDate(p.text) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// isBylineOrDate reports whether s is a short "By ..." line or a date line.
func isBylineOrDate(s string) bool {
	if wordCount(s) > 8 {
		return false
	}
	return isByline(s) || normDate(s) != "" || datelineRE.MatchString(s)
}

// isByline reports whether s reads as a byline ("By Jane Smith", "By
// JERUSALEM POST STAFF") rather than a sentence that starts with "By".
func isByline(s string) bool {
	if !byPrefix.MatchString(s) || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return false
	}
	rest := strings.Fields(byPrefix.ReplaceAllString(s, ""))
	if len(rest) == 0 {
		return false
	}
	for _, w := range rest {
		if r := []rune(w)[0]; !unicode.IsUpper(r) && !nameParticles[strings.ToLower(w)] && w != "and" && w != "&" {
			return false
		}
	}
	return true
}

// isFurniture reports whether a short leading line is page furniture.
func isFurniture(s string, authors []string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	if isBylineOrDate(s) {
		return true
	}
	for _, a := range authors {
		if strings.EqualFold(a, s) {
			return true
		}
	}
	if len(words) <= 3 && !strings.ContainsAny(s, ".!?:;\"“”") {
		return roleWords.MatchString(s) || furnitureWords.MatchString(s)
	}
	return false
}

var (
	datelineRE     = regexp.MustCompile(`(?i)^(?:(?:published|updated|last updated|posted|first published)\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \d{1,2} [a-z]+ \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})`)
	furnitureWords = regexp.MustCompile(`(?i)^(my account|log ?in|log ?out|sign ?in|sign ?out|register|subscribe|share|share this|comments?|menu|search|close|advertisement|image caption|media caption|getty images|listen|print|email)$`)
)
