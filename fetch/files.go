package fetch

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"github.com/rs/zerolog"
)

// DefaultMaxBytes is the largest input (after decompression) Files reads.
const DefaultMaxBytes = 10 << 20

// Files reads articles from local paths: files, directories (recursively) and
// "-" for standard input. It understands .html/.htm pages (optionally
// gzipped, .html.gz), .txt articles with an optional NAME.meta.json sidecar,
// .jsonl files of {"id","url","published","title","html"|"text"} lines, and,
// through Archive, web archives.
type Files struct {
	// MaxBytes caps one input's size after decompression; 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; it is taken as HTML when it starts
	// with "<", as JSON Lines when it starts with "{", else as plain text.
	Stdin io.Reader
	// Archive, when set, reads .warc and .warc.gz files. Without it they
	// fail with ErrUnsupported.
	Archive func(path string) iter.Seq2[*Document, error]
	// Now is the clock used for FetchedAt; nil means time.Now.
	Now    func() time.Time
	Logger zerolog.Logger
}

// IsArchive reports whether a path names a web archive.
func IsArchive(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// Read yields one Document per article found under paths, in order, and an
// *InputError for each input that cannot be read. The sequence goes on after
// an error.
func (f *Files) Read(paths []string) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		for _, p := range paths {
			if !f.readPath(p, yield) {
				return
			}
		}
	}
}

// Count returns how many inputs Read would visit under paths (files, not
// lines or archive records), for progress reporting. Unreadable paths count
// as one.
func (f *Files) Count(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			n++
			continue
		}
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			n++
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && wanted(path) {
				n++
			}
			return nil
		})
	}
	return n
}

func (f *Files) readPath(p string, yield func(*Document, error) bool) bool {
	if p == "-" {
		return f.readStdin(yield)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return yield(nil, &InputError{Input: p, Stage: "fetch", Err: unwrapPathError(err)})
	}
	if !fi.IsDir() {
		return f.readFile(p, yield)
	}
	var files []string
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(nil, &InputError{Input: path, Stage: "fetch", Err: unwrapPathError(err)}) {
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && wanted(path) {
			files = append(files, path)
		}
		return nil
	})
	if walkErr != nil {
		return false
	}
	sort.Strings(files)
	for _, path := range files {
		if !f.readFile(path, yield) {
			return false
		}
	}
	return true
}

// wanted reports whether a file found in a directory walk is an input.
// Sidecars are read with their article, not on their own.
func wanted(path string) bool {
	p := strings.ToLower(path)
	if strings.HasSuffix(p, ".meta.json") {
		return false
	}
	for _, ext := range []string{".html", ".htm", ".html.gz", ".htm.gz", ".txt", ".jsonl"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return IsArchive(p)
}

func (f *Files) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return DefaultMaxBytes
}

func (f *Files) now() time.Time {
	if f.Now != nil {
		return f.Now().UTC()
	}
	return time.Now().UTC()
}

func (f *Files) readFile(path string, yield func(*Document, error) bool) bool {
	fail := func(err error) bool {
		return yield(nil, &InputError{Input: path, Stage: "fetch", Err: err})
	}
	lower := strings.ToLower(path)
	if IsArchive(path) {
		if f.Archive == nil {
			return fail(fmt.Errorf("%w: web archives are not enabled", ErrUnsupported))
		}
		for doc, err := range f.Archive(path) {
			var ie *InputError
			if err != nil && !errors.As(err, &ie) {
				err = &InputError{Input: path, Stage: "fetch", Err: err}
			}
			if !yield(doc, err) {
				return false
			}
		}
		return true
	}
	if strings.HasSuffix(lower, ".jsonl") {
		file, err := os.Open(path)
		if err != nil {
			return fail(unwrapPathError(err))
		}
		defer file.Close()
		return f.readJSONL(path, file, yield)
	}
	body, gz, err := f.slurp(path)
	if err != nil {
		return fail(err)
	}
	doc := &Document{URI: fileURI(path), Kind: KindFile, FetchedAt: f.now(), Body: body, Gzip: gz}
	switch {
	case strings.HasSuffix(lower, ".txt"):
		doc.Format = FormatText
		doc.ContentType = "text/plain"
		meta, err := readSidecar(path)
		if err != nil {
			return fail(err)
		}
		doc.Meta = meta
		doc.URL = meta.URL
	default:
		doc.Format = FormatHTML
		doc.ContentType = "text/html"
	}
	if err := checkText(body); err != nil {
		return fail(err)
	}
	return yield(doc, nil)
}

// slurp reads a whole file within the size limit. A .gz file is read
// whole and gunzipped; its compressed bytes are returned too, so that a
// store can keep them as they arrived.
func (f *Files) slurp(path string) (body, gz []byte, err error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	defer file.Close()
	var size int64
	if st, err := file.Stat(); err == nil {
		size = st.Size()
	}
	if !strings.HasSuffix(strings.ToLower(path), ".gz") {
		body, err = readLimited(file, f.maxBytes(), size)
		return body, nil, err
	}
	// Compressed HTML is a fraction of its size; a .gz file larger than
	// the limit itself cannot hold an acceptable page.
	if gz, err = readLimited(file, f.maxBytes(), size); err != nil {
		return nil, nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	body, err = readLimited(zr, f.maxBytes(), gzipSize(gz))
	if err != nil {
		return nil, nil, err
	}
	return body, gz, nil
}

// gzipSize guesses the size of a gzip stream's contents from the length
// its trailer records, for sizing a buffer: the trailer counts only the
// last member, modulo 4 GiB, and a hostile file may lie, so the guess is
// held to 64 times the compressed size (HTML rarely shrinks more than 10
// times).
func gzipSize(gz []byte) int64 {
	if len(gz) < 18 {
		return 0
	}
	n := int64(binary.LittleEndian.Uint32(gz[len(gz)-4:]))
	return min(n, 64*int64(len(gz)))
}

// readLimited reads r to the end into a buffer sized for sizeHint bytes
// (0 when unknown), failing with ErrTooLarge past limit bytes.
func readLimited(r io.Reader, limit, sizeHint int64) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(max(sizeHint, 0)+bytes.MinRead, limit+1)))
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// checkText rejects inputs that are empty or not text at all.
func checkText(b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	ct := http.DetectContentType(head)
	for _, bin := range []string{"image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
		"application/x-gzip", "application/x-rar", "application/vnd.ms-fontobject", "application/wasm", "application/ogg"} {
		if strings.HasPrefix(ct, bin) {
			return fmt.Errorf("%w (%s)", ErrBinary, ct)
		}
	}
	// Text may hold a stray NUL or some bytes of another charset; binary
	// data is full of control bytes.
	ctrl := 0
	for _, c := range head {
		if c < 0x09 || (c > 0x0d && c < 0x20) {
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return fmt.Errorf("%w (%d control bytes in the first %d)", ErrBinary, ctrl, len(head))
	}
	return nil
}

// readSidecar reads NAME.meta.json beside NAME.txt; no sidecar is no error.
func readSidecar(path string) (Meta, error) {
	side := strings.TrimSuffix(path, filepath.Ext(path)) + ".meta.json"
	b, err := os.ReadFile(side)
	if errors.Is(err, fs.ErrNotExist) {
		return Meta{}, nil
	}
	if err != nil {
		return Meta{}, fmt.Errorf("sidecar %s: %w", side, unwrapPathError(err))
	}
	m, err := ParseMeta(b)
	if err != nil {
		return Meta{}, fmt.Errorf("sidecar %s: %w", side, err)
	}
	return m, nil
}

// ParseMeta parses a sidecar: a JSON object with url, site, title, published
// and authors (a list or a single string).
func ParseMeta(b []byte) (Meta, error) {
	var raw struct {
		ID        json.RawMessage `json:"id"`
		URL       string          `json:"url"`
		Site      string          `json:"site"`
		Title     string          `json:"title"`
		Published string          `json:"published"`
		Authors   json.RawMessage `json:"authors"`
		Author    json.RawMessage `json:"author"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return Meta{}, fmt.Errorf("not a JSON object: %w", err)
	}
	m := Meta{URL: strings.TrimSpace(raw.URL), Site: raw.Site, Title: raw.Title, Published: strings.TrimSpace(raw.Published)}
	m.ID = jsonScalar(raw.ID)
	for _, a := range [][]byte{raw.Authors, raw.Author} {
		m.Authors = append(m.Authors, stringList(a)...)
	}
	return m, nil
}

// jsonScalar renders a JSON string or number as a string.
func jsonScalar(b json.RawMessage) string {
	if len(b) == 0 || string(b) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(b, &n) == nil {
		return n.String()
	}
	return ""
}

func stringList(b json.RawMessage) []string {
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	var one string
	if json.Unmarshal(b, &one) == nil {
		if one = strings.TrimSpace(one); one != "" {
			return []string{one}
		}
		return nil
	}
	var many []string
	if json.Unmarshal(b, &many) == nil {
		out := many[:0]
		for _, s := range many {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// LineError is a JSON Lines line that could not be read.
type LineError struct {
	Line int
	Err  error
}

// Error names the line before the reason.
func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// Unwrap returns the underlying problem.
func (e *LineError) Unwrap() error { return e.Err }

// ParseLine parses one JSON Lines input line into a Document (without URI).
func ParseLine(line []byte) (*Document, error) {
	var raw struct {
		HTML *string `json:"html"`
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(line, &raw); err != nil {
		return nil, fmt.Errorf("not JSON: %w", err)
	}
	meta, err := ParseMeta(line)
	if err != nil {
		return nil, err
	}
	doc := &Document{Kind: KindJSONL, Meta: meta, URL: meta.URL}
	switch {
	case raw.HTML != nil && strings.TrimSpace(*raw.HTML) != "":
		doc.Format, doc.ContentType, doc.Body = FormatHTML, "text/html; charset=utf-8", []byte(*raw.HTML)
	case raw.Text != nil && strings.TrimSpace(*raw.Text) != "":
		doc.Format, doc.ContentType, doc.Body = FormatText, "text/plain; charset=utf-8", []byte(*raw.Text)
	default:
		return nil, fmt.Errorf("%w: no \"html\" or \"text\" field", ErrEmpty)
	}
	return doc, nil
}

func (f *Files) readJSONL(path string, r io.Reader, yield func(*Document, error) bool) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	limit := f.maxBytes()
	base := fileURI(path)
	if path == "-" {
		base = "stdin:"
	}
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, limit)
		if err == io.EOF && len(line) == 0 && !tooLong {
			return true
		}
		if err != nil && err != io.EOF {
			return yield(nil, &InputError{Input: path, Stage: "fetch", Err: &LineError{Line: n, Err: err}})
		}
		var doc *Document
		var perr error
		switch {
		case tooLong:
			perr = fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
		case len(bytes.TrimSpace(line)) == 0:
			if err == io.EOF {
				return true
			}
			continue
		case !utf8.Valid(line):
			perr = errors.New("not valid UTF-8")
		default:
			doc, perr = ParseLine(line)
		}
		if perr != nil {
			if !yield(nil, &InputError{Input: path, Stage: "fetch", Err: &LineError{Line: n, Err: perr}}) {
				return false
			}
		} else {
			doc.URI = fmt.Sprintf("%s#%d", base, n)
			doc.FetchedAt = f.now()
			if !yield(doc, nil) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line up to limit bytes; past it the rest of the line is
// skipped and tooLong is set.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err != nil {
			return line, tooLong, err
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}

func (f *Files) readStdin(yield func(*Document, error) bool) bool {
	if f.Stdin == nil {
		return yield(nil, &InputError{Input: "-", Stage: "fetch", Err: errors.New("no standard input")})
	}
	br := bufio.NewReader(f.Stdin)
	head, _ := br.Peek(512)
	trimmed := bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return f.readJSONL("-", br, yield)
	}
	body, err := readLimited(br, f.maxBytes(), 0)
	if err == nil {
		err = checkText(body)
	}
	if err != nil {
		return yield(nil, &InputError{Input: "-", Stage: "fetch", Err: err})
	}
	doc := &Document{URI: "stdin:", Kind: KindFile, FetchedAt: f.now(), Body: body,
		Format: FormatText, ContentType: "text/plain"}
	if len(trimmed) > 0 && trimmed[0] == '<' {
		doc.Format, doc.ContentType = FormatHTML, "text/html"
	}
	return yield(doc, nil)
}

func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return "file://" + filepath.ToSlash(abs)
}

// unwrapPathError drops the *fs.PathError wrapper, whose path the caller
// already names, keeping its reason.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
