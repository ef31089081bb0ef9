package org

import "github.com/cuttings/cuttings/nhs"

// Kinds of organisation (the contract's values). The NHS kinds are package
// nhs's, which Mention.Kind copies from the reference data.
const (
	KindTrust      = nhs.KindTrust
	KindBoard      = nhs.KindBoard
	KindBody       = nhs.KindBody
	KindUnion      = "union"
	KindGovernment = "government"
	KindOther      = "other"
)

// How a mention names its organisation.
const (
	HowNamed   = "named"   // the organisation's name, with or without its legal suffix
	HowShort   = "short"   // a newspaper shortening ("the Bolton trust", "Morecambe Bay trust")
	HowSite    = "site"    // one of the trust's hospitals ("the Royal Bolton Hospital")
	HowAcronym = "acronym" // initials ("UHMB", "BMA")
	HowAlias   = "alias"   // another curated name ("Unite the Union")
)

// Mention is one piece of text naming an organisation.
type Mention struct {
	Text       string // text[Start:End]
	Start, End int    // byte offsets, end exclusive
	// Name is the organisation's canonical name at the publication date
	// ("Bolton NHS Foundation Trust"); for an unlinked mention, the words
	// as written.
	Name string
	// Code is the ODS code in force at the publication date for NHS trusts
	// and health boards (GSS code for Scottish boards); "" for other
	// organisations and for unlinked or ambiguous mentions.
	Code string
	// SuccessorCode is the organisation that has since taken the trust over
	// (merger or new code), "" when it is still the same.
	SuccessorCode string
	Kind          string // KindTrust, KindBoard, KindBody, KindUnion, KindGovernment, KindOther
	How           string // HowNamed, HowShort, HowSite, HowAcronym, HowAlias
	// Candidates lists the codes that fit when the mention is ambiguous (then
	// Code is "").
	Candidates []string
	// OrgID is a stable key for the organisation, the same for every mention
	// of it: the Code, the reference data's key for organisations without a
	// code (Northern Irish trusts, integrated care boards keep theirs in
	// BodyCode) or the curated key of a non-NHS body. Ambiguous mentions get
	// "?" and their normalised words ("?queen elizabeth hospital"), so
	// repeats of the same words group together.
	OrgID string
	// BodyCode is the ODS code of an NHS body the contract does not count as
	// a coded organisation (an integrated care board).
	BodyCode string
}
