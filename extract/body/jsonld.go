package body

import (
	"encoding/json"
	"strings"

	"github.com/andybalholm/cascadia"
)

// linkedData is what the page's JSON-LD says about the article.
type linkedData struct {
	Headline, Published, Modified, URL, Language, Publisher string
	Authors                                                 []string
	// Types are the @type values of the article object found.
	Types []string
}

// articleTypes are the schema.org types whose fields describe the article.
var articleTypes = map[string]int{
	"newsarticle": 3, "article": 3, "reportagenewsarticle": 3, "analysisnewsarticle": 3,
	"opinionnewsarticle": 3, "reviewnewsarticle": 3, "backgroundnewsarticle": 3,
	"blogposting": 3, "liveblogposting": 3, "socialmediaposting": 2, "report": 2,
	"scholarlyarticle": 3, "techarticle": 3, "posting": 2, "creativework": 1,
	"webpage": 1, "itempage": 1, "videoobject": 1, "recipe": 2, "review": 2,
}

// jsonLDScript selects JSON-LD scripts.
var jsonLDScript = cascadia.MustCompile(`script[type="application/ld+json"]`)

// maxJSONLD bounds how much JSON-LD is parsed per page.
const maxJSONLD = 1 << 20

// readLinkedData reads every JSON-LD script and keeps the fields of the
// best-ranked article object (first of equal rank).
func readLinkedData(ix *pageIndex) linkedData {
	var best map[string]any
	bestRank := 0
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				visit(x, depth+1)
			}
		case map[string]any:
			rank := 0
			for _, ty := range ldTypes(t["@type"]) {
				if r := articleTypes[strings.ToLower(ty)]; r > rank {
					rank = r
				}
			}
			if rank > bestRank {
				best, bestRank = t, rank
			}
			if g, ok := t["@graph"]; ok {
				visit(g, depth+1)
			}
			if m, ok := t["mainEntity"]; ok {
				visit(m, depth+1)
			}
		}
	}
	total := 0
	for _, n := range filter(ix.scripts, jsonLDScript) {
		txt := ix.sel(n).Text()
		total += len(txt)
		if total > maxJSONLD {
			continue
		}
		for _, v := range decodeJSONValues(txt) {
			visit(v, 0)
		}
	}
	var ld linkedData
	if best == nil {
		return ld
	}
	ld.Types = ldTypes(best["@type"])
	ld.Headline = ldString(best["headline"])
	if ld.Headline == "" {
		ld.Headline = ldString(best["name"])
	}
	ld.Published = ldString(best["datePublished"])
	for _, k := range []string{"dateCreated", "uploadDate", "coverageStartTime"} {
		if ld.Published == "" {
			ld.Published = ldString(best[k])
		}
	}
	ld.Modified = ldString(best["dateModified"])
	ld.URL = ldString(best["url"])
	if ld.URL == "" {
		ld.URL = ldString(best["mainEntityOfPage"])
	}
	ld.Language = ldString(best["inLanguage"])
	ld.Publisher = ldString(best["publisher"])
	ld.Authors = ldNames(best["author"], 0)
	if len(ld.Authors) == 0 {
		ld.Authors = ldNames(best["creator"], 0)
	}
	return ld
}

// ldTypes returns an @type value as a list.
func ldTypes(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString returns a value as text: a string, or the name, @id or url of an
// object, or the first of a list.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case map[string]any:
		for _, k := range []string{"name", "@value", "url", "@id"} {
			if s := ldString(t[k]); s != "" {
				return s
			}
		}
	case []any:
		for _, x := range t {
			if s := ldString(x); s != "" {
				return s
			}
		}
	}
	return ""
}

// ldNames returns the names in an author value: a string, a Person or
// Organization object, or a list of them. Organisations are skipped.
func ldNames(v any, depth int) []string {
	if depth > 3 {
		return nil
	}
	switch t := v.(type) {
	case string:
		return []string{t}
	case map[string]any:
		for _, ty := range ldTypes(t["@type"]) {
			if strings.EqualFold(ty, "Organization") || strings.EqualFold(ty, "NewsMediaOrganization") {
				return nil
			}
		}
		if s := ldString(t["name"]); s != "" {
			return []string{s}
		}
		given, family := ldString(t["givenName"]), ldString(t["familyName"])
		if given != "" || family != "" {
			return []string{strings.TrimSpace(given + " " + family)}
		}
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, ldNames(x, depth+1)...)
		}
		return out
	}
	return nil
}

// jsonSpaces turns raw line breaks and tabs into spaces.
var jsonSpaces = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")

// decodeJSONValues decodes one or more concatenated JSON values. Raw line
// breaks and tabs inside strings, which some sites leave in, are turned into
// spaces first.
func decodeJSONValues(txt string) []any {
	txt = jsonSpaces.Replace(txt)
	dec := json.NewDecoder(strings.NewReader(txt))
	var out []any
	for {
		var v any
		if err := dec.Decode(&v); err != nil {
			return out
		}
		out = append(out, v)
	}
}
