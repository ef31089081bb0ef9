package nhs

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Source files Update reads, relative to the folder it is given. The layout
// is the one of ../shared/data/nhs (see its README for provenance).
const (
	srcETR2022     = "ods_etr_2022-01.csv"
	srcETR2025     = "ods_etr_2025-12.csv"
	srcETR2026     = "ods_etr_2026-07.csv"
	srcSucc        = "ods_succ_2026-05.csv"
	srcHospitals   = "nhsuk_hospitals_2020-01.csv"
	srcPaediatric  = "rcpch_paediatric_sites_2024-10.csv"
	srcICB2024     = "ons_icb_2024-12.csv"
	srcICB2026     = "icb_2026-04_compiled.csv"
	srcICBSucc     = "icb_successions_2026-04.csv"
	srcScotBoards  = "phs_scotland_health_boards_hb14_hb19.csv"
	srcScotSpecial = "phs_scotland_special_health_boards_2021-02.csv"
	srcScotHosp    = "phs_scotland_hospitals_2021-12.csv"
	srcWales       = "wales_local_health_boards.csv"
	srcNI          = "ni_hsc_trusts_compiled.csv"
)

// Embedded file names written by Update and read by Load.
const (
	fileOrgs  = "orgs.csv"
	fileSucc  = "succ.csv"
	fileSites = "sites.csv"
)

// ErrMissingSource is returned by Update when a required source file is
// absent from the folder.
var ErrMissingSource = errors.New("nhs: missing source file")

// Update regenerates the compact reference files (orgs.csv, succ.csv,
// sites.csv) in toDir from the raw files in fromDir, a folder laid out like
// ../shared/data/nhs. It is what `cuttings refdata update --from DIR` runs;
// toDir is normally nhs/data in the source tree, so a rebuild embeds the new
// data. Update writes nothing unless every source parses.
func Update(fromDir, toDir string) error {
	b := &builder{orgs: map[string]*orgRow{}}
	// header is set for the files that start with a header row (the ODS
	// extracts do not); their readers skip or read rows[0].
	steps := []struct {
		file   string
		header bool
		fn     func([][]string) error
	}{
		{srcETR2022, false, func(r [][]string) error { return b.etr(r, "2022-01-01") }},
		{srcETR2025, false, func(r [][]string) error { return b.etr(r, "2025-12-01") }},
		{srcETR2026, false, func(r [][]string) error { return b.etr(r, "2026-07-01") }},
		{srcICB2024, true, b.icb2024},
		{srcICB2026, true, b.icb2026},
		{srcScotBoards, true, b.scotBoards},
		{srcScotSpecial, true, b.scotSpecial},
		{srcWales, true, b.wales},
		{srcNI, true, b.ni},
		{srcHospitals, true, func(r [][]string) error { return b.sitesNHSUK(r, "2020-01-01") }},
		{srcPaediatric, true, func(r [][]string) error { return b.sitesNHSUK(r, "2024-10-01") }},
		{srcScotHosp, true, b.scotHospitals},
		{srcSucc, false, b.succ},
		{srcICBSucc, true, b.icbSucc},
	}
	for _, s := range steps {
		rows, err := readCSVFile(filepath.Join(fromDir, s.file))
		if err != nil {
			return fmt.Errorf("nhs update: %w", err)
		}
		if s.header && len(rows) == 0 {
			return fmt.Errorf("nhs update: %s: empty file", s.file)
		}
		if err := s.fn(rows); err != nil {
			return fmt.Errorf("nhs update: %s: %w", s.file, err)
		}
	}
	if err := os.MkdirAll(toDir, 0o755); err != nil {
		return fmt.Errorf("nhs update: %w", err)
	}
	if err := writeCSVFile(filepath.Join(toDir, fileOrgs), b.orgRecords()); err != nil {
		return fmt.Errorf("nhs update: %w", err)
	}
	if err := writeCSVFile(filepath.Join(toDir, fileSucc), b.succRecords()); err != nil {
		return fmt.Errorf("nhs update: %w", err)
	}
	if err := writeCSVFile(filepath.Join(toDir, fileSites), b.siteRecords()); err != nil {
		return fmt.Errorf("nhs update: %w", err)
	}
	return nil
}

type orgRow struct {
	id, code, kind, country, open, close, town, postcode, icb, abbrev string
	names                                                             map[string]string // as-of date -> name
}

type siteRow struct {
	code, name, town, county, address, parent, asof string
}

type succRow struct{ pred, succ, date string }

type builder struct {
	orgs  map[string]*orgRow
	sites []siteRow
	succs []succRow
}

func (b *builder) org(id string) *orgRow {
	o := b.orgs[id]
	if o == nil {
		o = &orgRow{id: id, code: id, names: map[string]string{}}
		b.orgs[id] = o
	}
	return o
}

func col(r []string, i int) string {
	if i < len(r) {
		return strings.TrimSpace(r[i])
	}
	return ""
}

func isoDate(yyyymmdd string) string {
	s := strings.TrimSpace(yyyymmdd)
	if len(s) == 8 {
		return s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	return s
}

func (b *builder) etr(rows [][]string, asof string) error {
	for _, r := range rows {
		code := col(r, 0)
		if code == "" {
			continue
		}
		o := b.org(code)
		o.kind = KindTrust
		o.country = "england"
		if col(r, 23) == "W" {
			o.country = "wales"
		}
		o.names[asof] = TitleCase(col(r, 1))
		o.open = isoDate(col(r, 10))
		o.close = isoDate(col(r, 11))
		o.icb = col(r, 3)
		o.postcode = col(r, 9)
		// The town is the last non-empty address line.
		for i := 8; i >= 4; i-- {
			if t := col(r, i); t != "" {
				o.town = TitleCase(t)
				break
			}
		}
	}
	return nil
}

func (b *builder) icb2024(rows [][]string) error {
	for _, r := range rows[1:] {
		o := b.org(col(r, 1))
		o.kind, o.country = KindBody, "england"
		o.names["2024-12-01"] = col(r, 2)
		if o.close == "" {
			o.close = "2026-03-31"
		}
	}
	return nil
}

func (b *builder) icb2026(rows [][]string) error {
	for _, r := range rows[1:] {
		o := b.org(col(r, 0))
		o.kind, o.country = KindBody, "england"
		o.names["2026-04-01"] = col(r, 2)
		if strings.HasPrefix(col(r, 3), "new") {
			o.open = "2026-04-01"
		}
		o.close = ""
	}
	return nil
}

func (b *builder) icbSucc(rows [][]string) error {
	for _, r := range rows[1:] {
		b.succs = append(b.succs, succRow{col(r, 0), col(r, 2), col(r, 4)})
	}
	return nil
}

func (b *builder) scotBoards(rows [][]string) error {
	byName := map[string][]string{}
	for _, r := range rows[1:] {
		o := b.org(col(r, 0))
		o.kind, o.country = KindBoard, "scotland"
		o.names["2019-04-01"] = col(r, 1)
		o.open = isoDate(col(r, 2))
		o.close = isoDate(col(r, 3))
		byName[col(r, 1)] = append(byName[col(r, 1)], o.id)
	}
	// A board re-coded after a boundary change succeeds its old code.
	for _, ids := range byName {
		if len(ids) != 2 {
			continue
		}
		old, cur := b.orgs[ids[0]], b.orgs[ids[1]]
		if old.close == "" {
			old, cur = cur, old
		}
		b.succs = append(b.succs, succRow{old.id, cur.id, cur.open})
	}
	return nil
}

func (b *builder) scotSpecial(rows [][]string) error {
	for _, r := range rows[1:] {
		o := b.org(col(r, 0))
		o.kind, o.country = KindBoard, "scotland"
		o.names["2021-02-01"] = col(r, 1)
	}
	return nil
}

func (b *builder) wales(rows [][]string) error {
	for _, r := range rows[1:] {
		o := b.org(col(r, 0))
		o.kind, o.country = KindBoard, "wales"
		o.names["2024-01-01"] = TitleCase(col(r, 2))
	}
	return nil
}

func (b *builder) ni(rows [][]string) error {
	for _, r := range rows[1:] {
		code := col(r, 3)
		id := code
		if id == "" {
			id = "NI-" + col(r, 1)
		}
		o := b.org(id)
		o.code = code
		o.kind, o.country, o.abbrev = KindTrust, "northern-ireland", col(r, 1)
		o.names["2026-01-01"] = col(r, 0)
	}
	return nil
}

// sitesNHSUK reads the nhs.uk Hospital.csv layout (also used by the RCPCH
// file). Only sites whose parent is a known NHS organisation are kept: the
// sector column is unreliable (Manchester Royal Infirmary is listed as
// "Independent Sector"), the parent code is not.
func (b *builder) sitesNHSUK(rows [][]string, asof string) error {
	h := header(rows[0])
	for _, r := range rows[1:] {
		parent := col(r, h["ParentODSCode"])
		o := b.orgs[parent]
		if o == nil {
			continue
		}
		if pn := col(r, h["ParentName"]); pn != "" && o.kind == KindTrust {
			if _, ok := o.names[asof]; !ok {
				o.names[asof] = TitleCase(pn)
			}
		}
		addr := []string{}
		for _, k := range []string{"Address1", "Address2", "Address3"} {
			if v := col(r, h[k]); v != "" {
				addr = append(addr, TitleCase(v))
			}
		}
		b.sites = append(b.sites, siteRow{
			code:    col(r, h["OrganisationCode"]),
			name:    TitleCase(col(r, h["OrganisationName"])),
			town:    TitleCase(col(r, h["City"])),
			county:  TitleCase(col(r, h["County"])),
			address: strings.Join(addr, ", "),
			parent:  parent,
			asof:    asof,
		})
	}
	return nil
}

func (b *builder) scotHospitals(rows [][]string) error {
	h := header(rows[0])
	for _, r := range rows[1:] {
		parent := col(r, h["HB"])
		if b.orgs[parent] == nil {
			continue
		}
		addr := col(r, h["AddressLine"])
		town := addr
		if i := strings.LastIndex(addr, ","); i >= 0 {
			town = strings.TrimSpace(addr[i+1:])
		}
		b.sites = append(b.sites, siteRow{
			code: col(r, h["Location"]), name: col(r, h["LocationName"]),
			town: town, address: addr, parent: parent, asof: "2021-12-16",
		})
	}
	return nil
}

// succ keeps the successions that involve organisations in the reference
// set or trust-like codes (three characters starting with R), dropping the
// thousands of site, practice and commissioner rows.
func (b *builder) succ(rows [][]string) error {
	trustLike := func(c string) bool { return len(c) == 3 && c[0] == 'R' }
	for _, r := range rows {
		p, s := col(r, 0), col(r, 1)
		if (b.orgs[p] == nil && !trustLike(p)) || (b.orgs[s] == nil && !trustLike(s)) {
			continue
		}
		b.succs = append(b.succs, succRow{p, s, isoDate(col(r, 3))})
	}
	return nil
}

func header(r []string) map[string]int {
	h := map[string]int{}
	for i, k := range r {
		h[strings.TrimPrefix(strings.TrimSpace(k), "\ufeff")] = i
	}
	return h
}

func (b *builder) orgRecords() [][]string {
	out := [][]string{{"id", "code", "kind", "country", "open", "close", "town", "postcode", "icb", "abbrev", "names"}}
	ids := make([]string, 0, len(b.orgs))
	for id := range b.orgs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		o := b.orgs[id]
		dates := make([]string, 0, len(o.names))
		for d := range o.names {
			dates = append(dates, d)
		}
		sort.Strings(dates)
		parts := make([]string, 0, len(dates))
		for _, d := range dates {
			parts = append(parts, d+"="+o.names[d])
		}
		out = append(out, []string{o.id, o.code, o.kind, o.country, o.open, o.close, o.town, o.postcode, o.icb, o.abbrev, strings.Join(parts, "|")})
	}
	return out
}

func (b *builder) succRecords() [][]string {
	out := [][]string{{"pred", "succ", "date"}}
	seen := map[succRow]bool{}
	for _, s := range b.succs {
		if s.pred == "" || s.succ == "" || s.pred == s.succ || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, []string{s.pred, s.succ, s.date})
	}
	sort.Slice(out[1:], func(i, j int) bool {
		a, c := out[1+i], out[1+j]
		return strings.Join(a, ",") < strings.Join(c, ",")
	})
	return out
}

func (b *builder) siteRecords() [][]string {
	out := [][]string{{"code", "name", "town", "county", "address", "parent", "asof"}}
	for _, s := range b.sites {
		out = append(out, []string{s.code, s.name, s.town, s.county, s.address, s.parent, s.asof})
	}
	return out
}

func readCSVFile(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w: %s", ErrMissingSource, path)
		}
		return nil, err
	}
	defer f.Close()
	return readCSV(f, true)
}

// readCSV reads a whole CSV file; lazy accepts the stray quotes of some
// upstream files (never needed for the files Update writes).
func readCSV(r io.Reader, lazy bool) ([][]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = lazy
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	return rows, nil
}

func writeCSVFile(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
