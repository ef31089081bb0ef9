// Package compare puts side by side the claims that different articles
// make about the same thing, for fact-checkers: claims about the same
// subject (ODS code, else place name), metric and overlapping period are
// grouped; a group whose figures disagree beyond what their wording allows
// ("604" against "640", but not "nearly half a million" against "531,000")
// is flagged as a conflict; and the same sentence carried by syndicated
// copies is marked as one source repeated, not as corroboration.
package compare
