package body

import "errors"

// Errors that Extract returns, wrapped; test for them with errors.Is.
var (
	// ErrEmpty means the input had no bytes, or only white space.
	ErrEmpty = errors.New("empty page")
	// ErrUnreadable means the input could not be decoded at all (for
	// example a corrupt gzip stream).
	ErrUnreadable = errors.New("unreadable page")
	// ErrNotHTML means the input is binary data rather than text.
	ErrNotHTML = errors.New("not an html or text page")
)
