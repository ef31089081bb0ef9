package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
)

// maxNameBytes keeps file names well under common file-system limits.
const maxNameBytes = 120

// SafeName turns a URL, WARC record id or other untrusted label into a file
// name for use inside one output folder: one path element of letters,
// digits, '-', '_' and '.', never "." or "..", never hidden, bounded in
// length, and with a short hash of the whole label so that distinct labels
// get distinct names. ext (such as ".html") is appended.
func SafeName(label, ext string) string {
	base := label
	if u, err := url.Parse(label); err == nil && u.Host != "" {
		base = u.Host + "_" + u.Path
		if u.RawQuery != "" {
			base += "_" + u.RawQuery
		}
	}
	var b strings.Builder
	lastSep := true
	for _, r := range base {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)), r == '-':
			b.WriteRune(r)
			lastSep = false
		case !lastSep:
			b.WriteByte('_')
			lastSep = true
		}
		if b.Len() >= maxNameBytes {
			break
		}
	}
	name := strings.Trim(b.String(), "_-")
	sum := sha256.Sum256([]byte(label))
	tag := hex.EncodeToString(sum[:])[:12]
	if name == "" {
		name = tag
	} else {
		name += "_" + tag
	}
	return name + sanitizeExt(ext)
}

func sanitizeExt(ext string) string {
	var b strings.Builder
	for _, r := range ext {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') {
			b.WriteRune(r)
		}
	}
	e := "." + strings.TrimLeft(b.String(), ".")
	if e == "." {
		return ""
	}
	return e
}

// SafePath joins dir and SafeName(label, ext). The result is always inside
// dir.
func SafePath(dir, label, ext string) string {
	return filepath.Join(dir, SafeName(label, ext))
}
