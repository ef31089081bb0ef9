package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strings"

	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/gzip"
	"github.com/rs/zerolog"
)

// DefaultMaxRecordSize is the default limit on a record block read into
// memory and on a decoded HTTP body: 10 MiB.
const DefaultMaxRecordSize = 10 << 20

const (
	rawBufSize     = 64 << 10 // buffer over the file; also the longest header line
	maxHeaderBytes = 1 << 20  // longest WARC header
	maxBlankLines  = 64       // blank lines tolerated before a version line
	probeBytes     = 4096     // compressed bytes inspected to validate a gzip member
)

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// Options configure a Reader and Documents. The zero value is usable.
type Options struct {
	// MaxRecordSize is the largest record block Documents reads into memory
	// and the largest decoded HTTP body it accepts (default 10 MiB). Larger
	// HTML responses are reported with an error wrapping fetch.ErrTooLarge.
	// The Reader skips a block over four times this size inside a gzip
	// member by seeking the next member instead of decompressing it, which
	// bounds the work a gzip bomb can cause.
	MaxRecordSize int64
	// Logger receives debug notes on skipped records; default disabled.
	Logger zerolog.Logger
}

func (o Options) maxRecord() int64 {
	if o.MaxRecordSize <= 0 {
		return DefaultMaxRecordSize
	}
	return o.MaxRecordSize
}

type mode int

const (
	modeUnknown mode = iota
	modePlain
	modeGzip
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Reader reads WARC records one at a time from a plain or gzip-compressed
// stream. It is not safe for concurrent use.
type Reader struct {
	opt    Options
	seeker io.Seeker // set when the input can seek; used to go back after corruption
	base   int64     // the input's position when the Reader was made
	cr     *countingReader
	raw    *bufio.Reader
	gz     *gzip.Reader
	probe  *gzip.Reader
	dec    *bufio.Reader // decompressed current member, or raw for plain files
	mode   mode

	inMember    bool
	memberStart int64 // offset of the current gzip member, or of the record in a plain file
	memberRecs  int   // records read from the current member
	cur         *blockReader
	n           int

	needResync bool
	resyncFrom int64
	eof        bool
	fatal      error
}

// NewReader returns a Reader over r, which holds a WARC file, compressed
// with one gzip member per record (or a single member), or uncompressed.
// If r is also an io.Seeker, resynchronising after a corrupt gzip member
// goes back to just after the member's start.
func NewReader(r io.Reader, opt Options) *Reader {
	rd := &Reader{opt: opt}
	if s, ok := r.(io.Seeker); ok {
		if pos, err := s.Seek(0, io.SeekCurrent); err == nil {
			rd.seeker, rd.base = s, pos
		}
	}
	rd.cr = &countingReader{r: r}
	rd.raw = bufio.NewReaderSize(rd.cr, rawBufSize)
	return rd
}

// offset is the position of the next unread byte of the (compressed) file.
func (r *Reader) offset() int64 { return r.cr.n - int64(r.raw.Buffered()) }

// Next returns the next record. Its Block must be read before the following
// call to Next, which discards any unread part. At the end of the input
// Next returns io.EOF. Any other error is a *ParseError; after it, Next
// resumes at the next readable record, so callers may log the error and
// carry on.
func (r *Reader) Next() (*Record, error) {
	if r.cur != nil {
		b := r.cur
		err := r.finish(b)
		r.cur = nil
		if err != nil {
			return nil, err
		}
	}
	if r.eof {
		return nil, io.EOF
	}
	if r.fatal != nil {
		r.eof = true
		return nil, r.fatal
	}
	for {
		if r.needResync {
			r.needResync = false
			if err := r.resync(); err != nil {
				r.eof = true
				if err == io.EOF {
					return nil, io.EOF
				}
				return nil, &ParseError{Offset: r.offset(), Record: r.n + 1, Err: err}
			}
		}
		rec, err := r.readRecord()
		if err == errMemberEnd {
			continue
		}
		if err == io.EOF {
			r.eof = true
		}
		return rec, err
	}
}

var errMemberEnd = errors.New("end of gzip member")

// readRecord reads the next record header, opening a gzip member if needed.
func (r *Reader) readRecord() (*Record, error) {
	if r.mode == modeUnknown {
		head, err := r.raw.Peek(2)
		if len(head) == 0 {
			if err == nil || err == io.EOF {
				return nil, io.EOF
			}
			return nil, &ParseError{Offset: 0, Record: 1, Err: err}
		}
		if bytes.HasPrefix(gzipMagic, head) && len(head) == 2 {
			r.mode = modeGzip
			r.dec = bufio.NewReaderSize(nil, rawBufSize)
		} else {
			r.mode = modePlain
			r.dec = r.raw
		}
	}
	start := r.offset()
	if r.mode == modeGzip {
		if !r.inMember {
			if _, err := r.raw.Peek(1); err != nil {
				if err == io.EOF {
					return nil, io.EOF
				}
				r.fatal = err
				return nil, &ParseError{Offset: start, Record: r.n + 1, Err: err}
			}
			r.memberStart = start
			var err error
			if r.gz == nil {
				r.gz, err = gzip.NewReader(r.raw)
			} else {
				err = r.gz.Reset(r.raw)
			}
			if err != nil {
				return nil, r.fail(r.n+1, start+1, classify(err, false))
			}
			r.gz.Multistream(false)
			r.dec.Reset(r.gz)
			r.inMember = true
			r.memberRecs = 0
		}
		start = r.memberStart
	} else {
		r.memberStart = start
	}
	version, header, err := r.readHeader()
	if err != nil {
		if err == io.EOF {
			if r.mode == modeGzip {
				r.inMember = false
				return nil, errMemberEnd
			}
			return nil, io.EOF
		}
		from := r.memberStart + 1
		if errors.Is(err, gzip.ErrChecksum) {
			from = r.offset() // the member ended; the next one starts here
		}
		return nil, r.fail(r.n+1, from, err)
	}
	r.n++
	rec := &Record{Version: version, Header: header, Offset: start, Number: r.n}
	cl, ok := parseContentLength(header.Get("Content-Length"))
	if !ok {
		return nil, r.fail(r.n, r.memberStart+1, fmt.Errorf("%w: missing or bad Content-Length %q", ErrMalformed, header.Get("Content-Length")))
	}
	rec.ContentLength = cl
	b := &blockReader{r: r, rec: rec, remaining: cl, atMemberStart: r.mode == modeGzip && r.memberRecs == 0}
	r.memberRecs++
	rec.Block = b
	r.cur = b
	return rec, nil
}

// fail records that the stream must be resynchronised and builds the error.
func (r *Reader) fail(num int, resyncFrom int64, err error) *ParseError {
	r.needResync = true
	r.resyncFrom = resyncFrom
	r.inMember = false
	return &ParseError{Offset: r.memberStart, Record: num, Err: err}
}

// readHeader reads a version line and the named fields up to a blank line.
// It returns io.EOF if the input (or gzip member) ends before any byte.
func (r *Reader) readHeader() (string, textproto.MIMEHeader, error) {
	total := 0
	var line []byte
	var err error
	for blanks := 0; ; blanks++ {
		line, err = r.readLine(&total)
		if err != nil {
			if err == io.EOF && total == 0 {
				return "", nil, io.EOF
			}
			if err == io.EOF && len(bytes.TrimSpace(line)) == 0 {
				return "", nil, io.EOF // trailing blank lines at the end
			}
			if t := bytes.TrimSpace(line); err == io.EOF && !bytes.HasPrefix(t, []byte("WARC/")) && !bytes.HasPrefix([]byte("WARC/"), t) {
				return "", nil, fmt.Errorf("%w: bad version line %q", ErrMalformed, truncate(string(t), 40))
			}
			return "", nil, classify(err, true)
		}
		if len(bytes.TrimSpace(line)) != 0 {
			break
		}
		if blanks >= maxBlankLines {
			return "", nil, fmt.Errorf("%w: no version line", ErrMalformed)
		}
	}
	version := string(bytes.TrimSpace(line))
	if !strings.HasPrefix(version, "WARC/") {
		return "", nil, fmt.Errorf("%w: bad version line %q", ErrMalformed, truncate(version, 40))
	}
	h := make(textproto.MIMEHeader)
	var lastKey string
	for {
		line, err = r.readLine(&total)
		if err != nil {
			return "", nil, classify(err, true)
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			return version, h, nil
		}
		if (line[0] == ' ' || line[0] == '\t') && lastKey != "" {
			vs := h[lastKey]
			vs[len(vs)-1] += " " + string(bytes.TrimSpace(line))
			continue
		}
		i := bytes.IndexByte(line, ':')
		if i <= 0 {
			return "", nil, fmt.Errorf("%w: bad field line %q", ErrMalformed, truncate(string(line), 40))
		}
		lastKey = textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(line[:i])))
		h.Add(lastKey, string(bytes.TrimSpace(line[i+1:])))
	}
}

// readLine reads one line, counting header bytes against maxHeaderBytes.
func (r *Reader) readLine(total *int) ([]byte, error) {
	line, err := r.dec.ReadSlice('\n')
	*total += len(line)
	if err == bufio.ErrBufferFull {
		return nil, fmt.Errorf("%w: header line over %d bytes", ErrMalformed, rawBufSize)
	}
	if *total > maxHeaderBytes {
		return nil, fmt.Errorf("%w: header over %d bytes", ErrMalformed, maxHeaderBytes)
	}
	return line, err
}

// classify maps a read error to one wrapping a sentinel.
func classify(err error, inRecord bool) error {
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, ErrMalformed), errors.Is(err, ErrTruncated), errors.Is(err, ErrCorrupt):
		return err
	case err == io.EOF && inRecord, errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: input ends inside the record", ErrTruncated)
	case errors.As(err, &ce), errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	return err
}

// finish discards what is left of a record's block.
func (r *Reader) finish(b *blockReader) error {
	if b.err != nil || b.remaining == 0 {
		return nil // a block error was already returned to the caller
	}
	if b.atMemberStart && b.remaining > 4*r.opt.maxRecord() {
		// Most likely one record per member: find the next member in the
		// compressed bytes rather than inflating a possible bomb.
		r.opt.Logger.Debug().Int("record", b.rec.Number).Int64("skipped", b.remaining).Msg("warc: skipping a large block by seeking the next gzip member")
		r.needResync = true
		r.resyncFrom = r.offset()
		r.inMember = false
		return nil
	}
	if _, err := io.Copy(io.Discard, b); err != nil {
		return err
	}
	return nil
}

// resync moves to the next plausible record start after a failure.
func (r *Reader) resync() error {
	if r.mode == modeGzip && r.seeker != nil && r.resyncFrom < r.offset() {
		if _, err := r.seeker.Seek(r.base+r.resyncFrom, io.SeekStart); err != nil {
			return fmt.Errorf("seek: %w", err)
		}
		r.cr.n = r.resyncFrom
		r.raw.Reset(r.cr)
	}
	if r.mode == modeGzip {
		return r.scanMember()
	}
	return r.scanVersionLine()
}

// scanMember advances the raw input to the next gzip member whose content
// starts with a WARC version line.
func (r *Reader) scanMember() error {
	for {
		buf, err := r.raw.Peek(rawBufSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return err
		}
		i := bytes.Index(buf, gzipMagic)
		if i < 0 {
			if err == io.EOF || len(buf) < len(gzipMagic) {
				_, _ = r.raw.Discard(len(buf))
				return io.EOF
			}
			_, _ = r.raw.Discard(len(buf) - len(gzipMagic) + 1)
			continue
		}
		_, _ = r.raw.Discard(i)
		if r.validMember() {
			return nil
		}
		_, _ = r.raw.Discard(1)
	}
}

// validMember reports whether the raw input is at a gzip member whose first
// decompressed bytes are a WARC version line, without consuming anything.
func (r *Reader) validMember() bool {
	p, _ := r.raw.Peek(probeBytes)
	if len(p) < 10 || p[3]&0xe0 != 0 {
		return false
	}
	var err error
	if r.probe == nil {
		r.probe, err = gzip.NewReader(bytes.NewReader(p))
	} else {
		err = r.probe.Reset(bytes.NewReader(p))
	}
	if err != nil {
		return false
	}
	r.probe.Multistream(false)
	head := make([]byte, 16)
	n, _ := io.ReadFull(r.probe, head)
	return bytes.HasPrefix(bytes.TrimLeft(head[:n], "\r\n"), []byte("WARC/"))
}

// scanVersionLine advances an uncompressed input to the next line starting
// with "WARC/" followed by a digit.
func (r *Reader) scanVersionLine() error {
	const marker = "\nWARC/"
	for {
		buf, err := r.raw.Peek(rawBufSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return err
		}
		i := bytes.Index(buf, []byte(marker))
		for i >= 0 && !(i+len(marker) < len(buf) && isDigit(buf[i+len(marker)])) {
			if i+len(marker) >= len(buf) && err != io.EOF {
				break // need more input to decide
			}
			j := bytes.Index(buf[i+1:], []byte(marker))
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i >= 0 && i+len(marker) < len(buf) {
			_, _ = r.raw.Discard(i + 1)
			return nil
		}
		if err == io.EOF {
			_, _ = r.raw.Discard(len(buf))
			return io.EOF
		}
		keep := len(marker)
		if i >= 0 {
			keep = len(buf) - i
		}
		if len(buf) <= keep {
			keep = 0
		}
		_, _ = r.raw.Discard(len(buf) - keep)
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// blockReader reads one record's block and turns read failures into
// *ParseErrors that also mark the Reader for resynchronisation.
type blockReader struct {
	r             *Reader
	rec           *Record
	remaining     int64
	atMemberStart bool
	err           error
}

func (b *blockReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.remaining <= 0 {
		return 0, io.EOF
	}
	if b.r.cur != b {
		return 0, fmt.Errorf("warc: block of record %d read after Next", b.rec.Number)
	}
	if int64(len(p)) > b.remaining {
		p = p[:b.remaining]
	}
	n, err := b.r.dec.Read(p)
	b.remaining -= int64(n)
	if b.remaining == 0 && (err == nil || err == io.EOF) {
		err = b.checkMemberEnd()
	}
	if err == nil || (err == io.EOF && b.remaining == 0) {
		return n, nil
	}
	from := b.r.memberStart + 1
	if errors.Is(err, gzip.ErrChecksum) {
		from = b.r.offset()
	}
	cause := classify(err, true)
	if errors.Is(cause, ErrTruncated) {
		cause = fmt.Errorf("%w: block has %d of %d bytes", cause, b.rec.ContentLength-b.remaining, b.rec.ContentLength)
	}
	b.err = b.r.fail(b.rec.Number, from, cause)
	return n, b.err
}

// checkMemberEnd looks past the end of a block that began its gzip member.
// What follows must be line ends and then the end of the member (one
// record per member, which verifies the CRC) or the next record. So a
// member damaged in a way that still inflates is reported with its record
// rather than after it.
func (b *blockReader) checkMemberEnd() error {
	if !b.atMemberStart {
		return nil
	}
	p, err := b.r.dec.Peek(64)
	switch {
	case err == io.EOF || err == nil || err == bufio.ErrBufferFull:
	default:
		return err
	}
	rest := bytes.TrimLeft(p, "\r\n")
	if len(rest) == 0 || bytes.HasPrefix(rest, []byte("WARC/")) || (err == io.EOF && bytes.HasPrefix([]byte("WARC/"), rest)) {
		return nil
	}
	return fmt.Errorf("%w: block of %d bytes is followed by neither the end of its gzip member nor a record", ErrMalformed, b.rec.ContentLength)
}
