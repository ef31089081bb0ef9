package warc

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped in a *ParseError; test them with errors.Is.
var (
	// ErrTruncated reports a record or gzip member that ends before its
	// declared length.
	ErrTruncated = errors.New("truncated record")
	// ErrCorrupt reports a gzip member that cannot be decompressed.
	ErrCorrupt = errors.New("corrupt gzip member")
	// ErrMalformed reports a record whose WARC header cannot be parsed.
	ErrMalformed = errors.New("malformed record header")
)

// ParseError is a failure to read one record of a WARC file, with its
// position, in the manner of csv.ParseError.
type ParseError struct {
	// Offset is the byte offset in the (compressed) file of the gzip member
	// or, for an uncompressed file, of the record where the problem is.
	Offset int64
	// Record is the 1-based number of the record being read, counting
	// records whose header was read plus the failed one.
	Record int
	// Err is the underlying problem; it wraps one of the sentinel errors,
	// fetch.ErrTooLarge, or an error from compress/gzip.
	Err error
}

// Error names the record and offset before the reason.
func (e *ParseError) Error() string {
	return fmt.Sprintf("warc: record %d at offset %d: %v", e.Record, e.Offset, e.Err)
}

// Unwrap returns the underlying problem.
func (e *ParseError) Unwrap() error { return e.Err }
