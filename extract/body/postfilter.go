package body

import (
	"regexp"
	"strings"
)

var (
	// promoLine starts an in-body promotion of other articles.
	promoLine = regexp.MustCompile(`^(?:READ MORE|SEE MORE|MORE|READ ALSO|ALSO READ|RELATED|DON'T MISS|DON’T MISS|WATCH|LISTEN|PICTURED|RECOMMENDED|MORE ON THIS STORY|LATEST)\b[:\s]|^(?:Read more|See more|Read also|Also read|Related|More on this|Don't miss|Don’t miss)\s*:`)
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
