package org

import "time"

// curatedOrg is a non-NHS organisation (or a national NHS body) that speaks
// and acts in strike stories, with the names papers use for it.
type curatedOrg struct {
	id    string
	name  string
	kind  string
	names []string // other full names (HowAlias)
	acros []string // acronyms, matched in capitals only (HowAcronym)
	// oldName is the name before renamed (the Department of Health became
	// the Department of Health and Social Care on 2018-01-08).
	oldName string
	renamed string
}

// nameAt is the body's name at t.
func (c curatedOrg) nameAt(t time.Time) string {
	if c.oldName != "" && t.Format("2006-01-02") < c.renamed {
		return c.oldName
	}
	return c.name
}

// curatedOrgs is the small hand list the issue allows for bodies that are
// not in the NHS reference data. NHS trusts, boards and ICBs are never listed
// here: they come from package nhs.
var curatedOrgs = []curatedOrg{
	{id: "bma", name: "British Medical Association", kind: KindUnion, acros: []string{"BMA"}},
	{id: "rcn", name: "Royal College of Nursing", kind: KindUnion, acros: []string{"RCN"}},
	{id: "rcm", name: "Royal College of Midwives", kind: KindUnion, acros: []string{"RCM"}},
	{id: "unite", name: "Unite", kind: KindUnion, names: []string{"Unite the Union", "Unite union"}},
	{id: "unison", name: "Unison", kind: KindUnion, names: []string{"UNISON"}},
	{id: "gmb", name: "GMB", kind: KindUnion, names: []string{"GMB union", "GMB Union"}, acros: []string{"GMB"}},
	{id: "hcsa", name: "Hospital Consultants and Specialists Association", kind: KindUnion, acros: []string{"HCSA"}},
	{id: "csp", name: "Chartered Society of Physiotherapy", kind: KindUnion, acros: []string{"CSP"}},
	{id: "sor", name: "Society of Radiographers", kind: KindUnion, names: []string{"Society and College of Radiographers"}},
	{id: "bda", name: "British Dental Association", kind: KindUnion},
	{id: "tuc", name: "Trades Union Congress", kind: KindUnion, acros: []string{"TUC"}},
	{id: "nhs-england", name: "NHS England", kind: KindBody, names: []string{"NHS England and NHS Improvement"}, acros: []string{"NHSE"}},
	{id: "nhs-improvement", name: "NHS Improvement", kind: KindBody},
	{id: "nhs-providers", name: "NHS Providers", kind: KindBody},
	{id: "nhs-confederation", name: "NHS Confederation", kind: KindBody, names: []string{"NHS Confed"}},
	{id: "nhs-employers", name: "NHS Employers", kind: KindBody},
	{id: "nhs-digital", name: "NHS Digital", kind: KindBody},
	{id: "nhs-scotland", name: "NHS Scotland", kind: KindBody, names: []string{"NHSScotland"}},
	{id: "nhs-wales", name: "NHS Wales", kind: KindBody},
	{id: "hee", name: "Health Education England", kind: KindBody},
	{id: "ukhsa", name: "UK Health Security Agency", kind: KindGovernment, acros: []string{"UKHSA"}},
	{id: "phe", name: "Public Health England", kind: KindGovernment},
	{id: "cqc", name: "Care Quality Commission", kind: KindGovernment, acros: []string{"CQC"}},
	{id: "dhsc", name: "Department of Health and Social Care", kind: KindGovernment,
		names: []string{"Department of Health", "Department for Health and Social Care"}, acros: []string{"DHSC"},
		oldName: "Department of Health", renamed: "2018-01-08"},
	{id: "treasury", name: "HM Treasury", kind: KindGovernment},
	{id: "scot-gov", name: "Scottish Government", kind: KindGovernment},
	{id: "welsh-gov", name: "Welsh Government", kind: KindGovernment},
	{id: "ni-doh", name: "Department of Health (Northern Ireland)", kind: KindGovernment, names: []string{"Department of Health in Northern Ireland"}},
	{id: "prb", name: "NHS Pay Review Body", kind: KindGovernment, names: []string{"Review Body on Doctors' and Dentists' Remuneration", "DDRB"}},
	{id: "rcem", name: "Royal College of Emergency Medicine", kind: KindOther},
	{id: "rcs", name: "Royal College of Surgeons", kind: KindOther},
	{id: "rcgp", name: "Royal College of General Practitioners", kind: KindOther, acros: []string{"RCGP"}},
	{id: "rcp", name: "Royal College of Physicians", kind: KindOther},
	{id: "wma", name: "World Medical Association", kind: KindOther},
	{id: "kings-fund", name: "The King's Fund", kind: KindOther, names: []string{"King's Fund"}},
	{id: "nuffield-trust", name: "Nuffield Trust", kind: KindOther},
	{id: "health-foundation", name: "The Health Foundation", kind: KindOther, names: []string{"Health Foundation"}},
}

// acronymStop are capitalised words that must never be read as a trust's
// initials.
var acronymStop = map[string]bool{
	"nhs": true, "bma": true, "rcn": true, "rcm": true, "gmb": true, "dhsc": true, "cqc": true,
	"icb": true, "icu": true, "ceo": true, "gp": true, "gps": true, "mp": true, "mps": true,
	"uk": true, "usa": true, "bbc": true, "itv": true, "pa": true, "ae": true, "hr": true,
	"pm": true, "tv": true, "nice": true, "ons": true, "who": true, "eu": true, "phe": true,
	"ukhsa": true, "hee": true, "nhsi": true, "nhse": true, "cmo": true, "coo": true,
	"cfo": true, "qc": true, "kc": true, "lnc": true, "rcs": true, "rcp": true, "snp": true,
	"fc": true, "afc": true, "ed": true, "opd": true, "ppe": true, "rcgp": true, "tuc": true,
	"csp": true, "hcsa": true, "mri": true, "ct": true, "dna": true, "ivf": true, "ceos": true,
	"and": true, "the": true, "for": true, "its": true, "has": true, "was": true, "are": true,
	"not": true, "new": true, "all": true, "our": true, "can": true, "may": true, "one": true,
}
