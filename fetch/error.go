package fetch

import "errors"

// Sentinel errors for conditions callers test with errors.Is.
var (
	// ErrEmpty reports an input with no bytes.
	ErrEmpty = errors.New("empty input")
	// ErrBinary reports an input that is not text (an image, a PDF, ...).
	ErrBinary = errors.New("binary content, not an article")
	// ErrTooLarge reports an input over the size limit.
	ErrTooLarge = errors.New("input over the size limit")
	// ErrUnsupported reports an input whose kind fetch does not read.
	ErrUnsupported = errors.New("unsupported input")
)

// InputError is a failure to read one input. The run goes on with the rest.
type InputError struct {
	Input string // the input as the user named it, or its URI
	Stage string // "fetch", "extract", "normalize", "store"
	Err   error
}

// Error names the input and stage before the reason.
func (e *InputError) Error() string {
	return e.Input + ": " + e.Stage + ": " + e.Err.Error()
}

// Unwrap returns the underlying problem.
func (e *InputError) Unwrap() error { return e.Err }
