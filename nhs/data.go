package nhs

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

//go:embed data/orgs.csv data/succ.csv data/sites.csv data/NOTICE.md
var embedded embed.FS

// Embedded returns the reference data compiled into the binary, as an FS
// whose root holds orgs.csv, succ.csv and sites.csv.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil { // cannot happen: "data" is a valid embedded directory
		panic(err)
	}
	return sub
}

// Kinds of organisation in the reference data (the contract's values).
const (
	KindTrust = "nhs-trust" // English NHS trust, Northern Irish HSC trust
	KindBoard = "nhs-board" // Scottish or Welsh health board
	KindBody  = "nhs-body"  // integrated care board
)

// ErrBadData is returned by Load when a reference file is malformed.
var ErrBadData = errors.New("nhs: bad reference data")

// DatedName is the name an organisation carried in a snapshot dated AsOf.
type DatedName struct {
	AsOf time.Time
	Name string
}

// Org is one NHS organisation.
type Org struct {
	ID       string // Code, or a stable key ("NI-BHSCT") when there is no ODS code
	Code     string // ODS code (GSS code for Scottish boards), "" when unknown
	Kind     string // KindTrust, KindBoard, KindBody
	Country  string // england, wales, scotland, northern-ireland
	Open     time.Time
	Close    time.Time // last day open; zero while open
	Town     string
	Postcode string
	ICB      string // ICB code for English trusts
	Abbrev   string // common abbreviation when the source gives one
	Names    []DatedName
}

// Site is a hospital or other site and the organisation that ran it when
// the source was compiled (AsOf).
type Site struct {
	Code, Name, Town, County, Address string
	Parent                            string
	AsOf                              time.Time
}

// Succession says Pred's services passed to Succ on Date.
type Succession struct {
	Pred, Succ string
	Date       time.Time
}

// Data is the loaded reference data. It is read-only after Load and safe for
// concurrent use.
type Data struct {
	Orgs   map[string]*Org
	Sites  []Site
	byPred map[string][]Succession
	bySucc map[string][]Succession
}

// Load reads orgs.csv, succ.csv and sites.csv from fsys (Embedded() when
// nil).
func Load(fsys fs.FS) (*Data, error) {
	if fsys == nil {
		fsys = Embedded()
	}
	d := &Data{Orgs: map[string]*Org{}, byPred: map[string][]Succession{}, bySucc: map[string][]Succession{}}
	orgs, err := readTable(fsys, fileOrgs)
	if err != nil {
		return nil, err
	}
	for _, r := range orgs {
		o := &Org{ID: r["id"], Code: r["code"], Kind: r["kind"], Country: r["country"],
			Town: r["town"], Postcode: r["postcode"], ICB: r["icb"], Abbrev: r["abbrev"]}
		o.Open, _ = parseDate(r["open"])
		o.Close, _ = parseDate(r["close"])
		for _, part := range strings.Split(r["names"], "|") {
			k, v, ok := strings.Cut(part, "=")
			if !ok {
				continue
			}
			t, err := parseDate(k)
			if err != nil {
				return nil, fmt.Errorf("%w: %s: org %s: %w", ErrBadData, fileOrgs, o.ID, err)
			}
			o.Names = append(o.Names, DatedName{AsOf: t, Name: v})
		}
		sort.Slice(o.Names, func(i, j int) bool { return o.Names[i].AsOf.Before(o.Names[j].AsOf) })
		if o.ID == "" || len(o.Names) == 0 {
			return nil, fmt.Errorf("%w: %s: org without id or name", ErrBadData, fileOrgs)
		}
		d.Orgs[o.ID] = o
	}
	succ, err := readTable(fsys, fileSucc)
	if err != nil {
		return nil, err
	}
	for _, r := range succ {
		t, err := parseDate(r["date"])
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrBadData, fileSucc, err)
		}
		s := Succession{Pred: r["pred"], Succ: r["succ"], Date: t}
		d.byPred[s.Pred] = append(d.byPred[s.Pred], s)
		d.bySucc[s.Succ] = append(d.bySucc[s.Succ], s)
	}
	sites, err := readTable(fsys, fileSites)
	if err != nil {
		return nil, err
	}
	for _, r := range sites {
		t, _ := parseDate(r["asof"])
		d.Sites = append(d.Sites, Site{Code: r["code"], Name: r["name"], Town: r["town"],
			County: r["county"], Address: r["address"], Parent: r["parent"], AsOf: t})
	}
	return d, nil
}

func readTable(fsys fs.FS, name string) ([]map[string]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("nhs: open %s: %w", name, err)
	}
	defer f.Close()
	rows, err := readCSV(f, false)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrBadData, name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: %s: empty", ErrBadData, name)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, r := range rows[1:] {
		m := make(map[string]string, len(rows[0]))
		for i, k := range rows[0] {
			if i < len(r) {
				m[k] = r[i]
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", s)
}

// day truncates t to its UTC calendar day.
func day(t time.Time) time.Time {
	y, m, dd := t.UTC().Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// NameAt is the name id carried at t: the latest snapshot at or before t,
// else the earliest one. It returns "" for an unknown id.
func (d *Data) NameAt(id string, t time.Time) string {
	o := d.Orgs[id]
	if o == nil {
		return ""
	}
	name := o.Names[0].Name
	for _, n := range o.Names {
		if !n.AsOf.After(t) {
			name = n.Name
		}
	}
	return name
}

// Successions lists the successions in which id is the predecessor.
func (d *Data) Successions(id string) []Succession { return d.byPred[id] }

// Predecessions lists the successions in which id is the successor.
func (d *Data) Predecessions(id string) []Succession { return d.bySucc[id] }

// InForce maps id to the organisation(s) that held its role at t: id
// itself when it was open then; its successors (followed through further
// mergers) when it had closed; its predecessors when it had not opened yet.
// More than one code means the answer is ambiguous (a split, or a merger of
// several trusts). The result is sorted.
func (d *Data) InForce(id string, t time.Time) []string {
	t = day(t)
	set := map[string]bool{}
	d.inForce(id, t, 0, 0, set)
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// dir: 0 either way, 1 forward only, -1 backward only.
func (d *Data) inForce(id string, t time.Time, dir, depth int, out map[string]bool) {
	if depth > 12 {
		out[id] = true
		return
	}
	o := d.Orgs[id]
	if dir >= 0 {
		var fwd []string
		for _, s := range d.byPred[id] {
			if !s.Date.After(t) {
				fwd = append(fwd, s.Succ)
			}
		}
		if len(fwd) > 0 {
			for _, s := range fwd {
				d.inForce(s, t, 1, depth+1, out)
			}
			return
		}
	}
	if dir <= 0 && o != nil && !o.Open.IsZero() && t.Before(o.Open) {
		var back []string
		for _, s := range d.bySucc[id] {
			if s.Date.After(t) {
				back = append(back, s.Pred)
			}
		}
		if len(back) > 0 {
			for _, p := range back {
				d.inForce(p, t, -1, depth+1, out)
			}
			return
		}
	}
	out[id] = true
}

// Today is the organisation(s) id has become by the latest succession in the
// data: id itself when it never merged or was renamed under a new code.
func (d *Data) Today(id string) []string {
	return d.InForce(id, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
}

// OpenAt reports whether id was open at t as far as the data says (unknown
// open or close dates count as open).
func (d *Data) OpenAt(id string, t time.Time) bool {
	o := d.Orgs[id]
	if o == nil {
		return false
	}
	t = day(t)
	if !o.Open.IsZero() && t.Before(o.Open) {
		return false
	}
	if !o.Close.IsZero() && t.After(o.Close) {
		return false
	}
	return true
}
