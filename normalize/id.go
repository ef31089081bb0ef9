package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
)

// trackingParams are query parameters that do not change which article a
// URL names.
var trackingParams = map[string]bool{
	"utm_source": true, "utm_medium": true, "utm_campaign": true, "utm_term": true, "utm_content": true,
	"fbclid": true, "gclid": true, "ref": true, "cmpid": true, "ito": true, "at_medium": true, "at_campaign": true,
}

// CanonicalURL normalises an article URL so that the same article reached by
// different links gets the same id: scheme and host lower case, no
// fragment, no tracking parameters, no default port, query sorted, and no
// trailing slash on the path. It returns "" for text that is not an absolute
// http(s) URL.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Scheme = "https"
	u.Host = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(u.Host), ":80"), ":443")
	u.Host = strings.TrimPrefix(u.Host, "www.")
	u.Fragment, u.RawFragment, u.User = "", "", nil
	q := u.Query()
	for k := range q {
		if trackingParams[strings.ToLower(k)] {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode() // sorted by key
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u.String()
}

// ID returns a record id: the input's own id where it has one, else a hash of
// the canonical URL, else a hash of the text.
func ID(inputID, canonical, rawURL, text string) string {
	if inputID != "" {
		return inputID
	}
	for _, u := range []string{canonical, rawURL} {
		if c := CanonicalURL(u); c != "" {
			return hash("url:" + c)
		}
	}
	return hash("text:" + strings.Join(strings.Fields(text), " "))
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}
