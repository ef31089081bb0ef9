package body

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Size limits that keep hostile input bounded.
const (
	// maxInputBytes is the most of a page that is read; the rest is dropped
	// with WarnTruncated.
	maxInputBytes = 4 << 20
	// maxGzipBytes bounds a gzip member's decompressed size.
	maxGzipBytes = maxInputBytes
	// maxTags bounds the number of "<" in a page, and so the number of
	// elements: real articles have under 11,000, and the extractor's time
	// grows with the element count.
	maxTags = 50000
)

// decoded is a page converted to UTF-8.
type decoded struct {
	text     string
	charset  string
	guessed  bool
	warnings []string
}

// decode turns raw page bytes in any charset into valid UTF-8 with NUL bytes
// removed. The charset comes from contentType, then from a byte order mark or
// <meta> in the page, then from sniffing.
func decode(raw []byte, contentType string) (decoded, error) {
	var d decoded
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return d, fmt.Errorf("body: gunzip: %w: %w", ErrUnreadable, err)
		}
		un, err := io.ReadAll(io.LimitReader(zr, maxGzipBytes+1))
		if err != nil && len(un) == 0 {
			return d, fmt.Errorf("body: gunzip: %w: %w", ErrUnreadable, err)
		}
		raw = un
	}
	if len(raw) > maxInputBytes {
		raw = raw[:maxInputBytes]
		d.warnings = append(d.warnings, WarnTruncated)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return d, fmt.Errorf("body: %w", ErrEmpty)
	}
	if isBinary(raw) {
		return d, fmt.Errorf("body: %w", ErrNotHTML)
	}

	valid, invalid := utf8Counts(raw)
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if !certain {
		enc, name, certain = declaredEncoding(raw, enc, name, valid, invalid)
	}
	if name == "utf-8" && valid == 0 && invalid > 0 {
		// Labelled UTF-8 (often by a server default) but with not one
		// UTF-8 sequence: legacy single-byte text.
		enc, name, certain = charmap.Windows1252, "windows-1252", false
	}
	d.charset = name
	if !certain {
		// Plain ASCII reads the same in any charset.
		d.guessed = valid+invalid > 0
	}
	var s string
	if d.charset == "utf-8" {
		s = string(raw)
	} else {
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			s = string(raw)
		} else {
			s = string(out)
		}
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
		d.warnings = append(d.warnings, WarnInvalidUTF8)
	}
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	if cut := nthIndexByte(s, '<', maxTags); cut >= 0 {
		s = s[:cut] + stripTags(s[cut:])
		d.warnings = append(d.warnings, WarnTooManyTags)
	}
	d.text = s
	return d, nil
}

// isBinary reports whether the start of raw looks like binary data rather
// than markup or text: many control bytes, or a known binary signature.
func isBinary(raw []byte) bool {
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(head, sig) {
			return true
		}
	}
	ctrl := 0
	for _, b := range head {
		// NUL bytes are stripped later; other control bytes are not text.
		if b < 0x20 && b != 0 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b {
			ctrl++
		}
	}
	// UTF-16 text has many NULs; let the charset sniffer handle a BOM.
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return false
	}
	return ctrl*10 > len(head)
}

// binarySignatures are magic numbers of formats that are never pages.
var binarySignatures = [][]byte{
	[]byte("\x89PNG"), []byte("GIF8"), []byte("\xff\xd8\xff"), []byte("%PDF-"),
	[]byte("PK\x03\x04"), []byte("\x7fELF"), []byte("RIFF"),
}

// metaCharset finds a charset declared in a <meta> tag.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// declaredEncoding looks further into the page than the standard 1024-byte
// prescan for a <meta> charset. A page that is entirely valid UTF-8 with
// non-ASCII bytes is read as UTF-8 whatever its <meta> says, since legacy
// single-byte text is almost never valid UTF-8. valid and invalid are raw's
// utf8Counts. certain is true when a declaration was found.
func declaredEncoding(raw []byte, enc encoding.Encoding, name string, valid, invalid int) (encoding.Encoding, string, bool) {
	if valid > 0 && invalid == 0 {
		// Non-ASCII, and all of it valid UTF-8.
		return encoding.Nop, "utf-8", true
	}
	head := raw
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		if e, n := charset.Lookup(string(m[1])); e != nil {
			if n == "utf-8" && valid == 0 && invalid > 0 {
				// Declared UTF-8 but it is not: fall through to the guess.
				return charmap.Windows1252, "windows-1252", false
			}
			return e, n, true
		}
	}
	// Mostly UTF-8, with at most a few stray bytes: its valid multi-byte
	// sequences outnumber its invalid bytes four to one.
	if invalid == 0 || valid >= 4*invalid {
		return encoding.Nop, "utf-8", false
	}
	if name == "utf-8" {
		return charmap.Windows1252, "windows-1252", false
	}
	return enc, name, false
}

// utf8Counts counts the valid multi-byte UTF-8 sequences in raw and the
// bytes that are not part of one: raw has a non-ASCII byte when either is
// non-zero, and is valid UTF-8 when invalid is zero.
func utf8Counts(raw []byte) (valid, invalid int) {
	for i := 0; i < len(raw); {
		// Pages are mostly ASCII: step over eight such bytes at a time.
		if i+8 <= len(raw) && binary.LittleEndian.Uint64(raw[i:])&0x8080808080808080 == 0 {
			i += 8
			continue
		}
		if raw[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += size
	}
	return valid, invalid
}

// nthIndexByte returns the index of the nth (1-based) occurrence of c in s,
// or -1 if there are fewer.
func nthIndexByte(s string, c byte, n int) int {
	if strings.Count(s, string(c)) < n {
		return -1
	}
	off := 0
	for k := 0; k < n; k++ {
		i := strings.IndexByte(s[off:], c)
		if k == n-1 {
			return off + i
		}
		off += i + 1
	}
	return -1
}

// stripTags returns the text of a fragment of markup without its tags,
// comments, scripts and styles. Block ends become line breaks, at most one
// per 200 bytes of text so that the result stays small in elements.
func stripTags(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	skip := 0
	lastBreak := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out.String()
		case html.TextToken:
			if skip == 0 {
				out.Write(z.Raw())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template", "noscript":
				skip++
			case "p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr", "blockquote":
				if out.Len()-lastBreak >= 200 {
					out.WriteString("<br>")
					lastBreak = out.Len()
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "template", "noscript":
				if skip > 0 {
					skip--
				}
			}
		}
	}
}
