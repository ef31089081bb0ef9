package extract

import (
	"time"

	"github.com/cuttings/cuttings/extract/body"
	"github.com/cuttings/cuttings/extract/number"
	"github.com/cuttings/cuttings/extract/org"
	"github.com/cuttings/cuttings/extract/quote"
	"github.com/cuttings/cuttings/extract/timex"
	"github.com/cuttings/cuttings/fetch"
)

// Article is what the extract stage found in one Document.
type Article struct {
	// Doc is the input, with its provenance and raw bytes.
	Doc *fetch.Document

	URL       string
	Canonical string
	Site      string
	Title     string
	Authors   []string
	// Published is the ISO date (or date-time) of publication, "" if unknown.
	Published string
	// PublishedTime is Published parsed, or the configured default; the
	// reference for relative dates. Zero when neither is known.
	PublishedTime time.Time
	Modified      string
	Language      string

	Text   string
	Blocks []body.Block

	Orgs   []org.Mention
	Quotes []quote.Quote
	People []quote.Person
	Dates  []timex.Mention
	Counts []number.Count

	// Warnings are problems with this article that did not stop it.
	Warnings []string
}
