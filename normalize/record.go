package normalize

import "strings"

// Record is one article in the output contract (../shared/contract/RECORD.md).
// Field names and meanings are fixed by the contract: extend, never rename.
type Record struct {
	ID        string   `json:"id"`
	Source    Source   `json:"source"`
	URL       string   `json:"url"`
	Canonical string   `json:"canonical_url,omitempty"`
	Site      string   `json:"site"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	// Published is an ISO date or date-time, empty when unknown (written as
	// null).
	Published OptString `json:"published"`
	Modified  string    `json:"modified,omitempty"`
	Language  string    `json:"language"`
	Text      string    `json:"text"`

	Organisations []Organisation `json:"organisations"`
	People        []Person       `json:"people"`
	Quotes        []Quote        `json:"quotes"`
	Dates         []Date         `json:"dates"`
	Counts        []Count        `json:"counts"`
	Claims        []Claim        `json:"claims"`
	Warnings      []string       `json:"warnings"`
}

// Source says where the record's bytes came from.
type Source struct {
	URI          string  `json:"uri"`
	Kind         string  `json:"kind"`
	FetchedAt    string  `json:"fetched_at,omitempty"`
	WARCRecordID *string `json:"warc_record_id"`
}

// Span is a byte range of Record.Text, end exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Mention is a piece of Record.Text naming an entity.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// How the mention was made, for organisations: "named" (full or short
	// name), "site" (a hospital of the trust), "alias", "acronym".
	How string `json:"how,omitempty"`
}

// Organisation is one distinct organisation the article names.
type Organisation struct {
	Name string `json:"name"`
	// Code is the NHS ODS code as at the publication date; empty (null) for
	// organisations without one.
	Code          OptString `json:"code"`
	SuccessorCode string    `json:"successor_code,omitempty"`
	Kind          string    `json:"kind"` // nhs-trust, nhs-board, nhs-body, union, government, other
	How           string    `json:"how,omitempty"`
	// ODSCode is the ODS code of an NHS body that is not a trust or board
	// (an ICB such as QOP); Code stays null for those.
	ODSCode string `json:"ods_code,omitempty"`
	// Candidates are the codes a mention could not be settled between;
	// Code is then null.
	Candidates []string  `json:"candidates,omitempty"`
	Mentions   []Mention `json:"mentions"`
}

// Person is one distinct person the article names.
type Person struct {
	Name         string    `json:"name"`
	Titles       []string  `json:"titles"`
	Organisation OptString `json:"organisation"`
	Mentions     []Mention `json:"mentions"`
}

// Quote is a piece of direct speech.
type Quote struct {
	Text                string    `json:"text"`
	Speaker             OptString `json:"speaker"`
	SpeakerTitle        OptString `json:"speaker_title"`
	SpeakerOrganisation OptString `json:"speaker_organisation"`
	Cue                 string    `json:"cue"`
	Kind                string    `json:"kind"` // direct, partial, block
	Start               int       `json:"start"`
	End                 int       `json:"end"`
}

// Date is a calendar reference resolved against the publication date.
type Date struct {
	Text  string   `json:"text"`
	Start string   `json:"start"`
	End   string   `json:"end"`
	Grain string   `json:"grain"` // day, week, month, year
	Kind  string   `json:"kind"`  // date, range, list, relative
	Days  []string `json:"days,omitempty"`
	Span  Span     `json:"span"`
}

// Count is a cardinal quantity, percentage or sum of money.
type Count struct {
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Approx string  `json:"approx"` // exact, about, over, under, at_least, up_to
	Unit   string  `json:"unit,omitempty"`
	Kind   string  `json:"kind"` // count, percent, money
	// Currency is the ISO code for money ("GBP").
	Currency string `json:"currency,omitempty"`
	Span     Span   `json:"span"`
}

// Subject is what a claim is about: an organisation with its code, or a
// place such as England.
type Subject struct {
	Name string `json:"name"`
	Code string `json:"code,omitempty"`
}

// Key identifies the subject for comparing claims: the code upper-cased,
// else the trimmed, lower-cased name.
func (s Subject) Key() string {
	if s.Code != "" {
		return strings.ToUpper(s.Code)
	}
	return strings.ToLower(strings.TrimSpace(s.Name))
}

// Period is a claim's date range.
type Period struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// Claim is a statistical assertion a fact-checker would check.
type Claim struct {
	Subject    Subject   `json:"subject"`
	Metric     string    `json:"metric"`
	What       string    `json:"what"`
	Value      float64   `json:"value"`
	Approx     string    `json:"approx"`
	Kind       string    `json:"kind,omitempty"` // count, percent, money
	Period     *Period   `json:"period"`
	Cumulative bool      `json:"cumulative"`
	Cause      OptString `json:"cause"`
	Speaker    OptString `json:"speaker"`
	Evidence   string    `json:"evidence"`
	Span       Span      `json:"span"`
}
