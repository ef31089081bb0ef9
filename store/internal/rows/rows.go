// Package rows flattens a normalize.Record into the rows of the store's
// tables (articles, organisations, people, quotes, dates, counts, claims).
// The backends insert these rows and store/export writes them, so the
// database tables and the exported files have the same columns.
//
// Each row type is a struct whose fields are the table's columns in order.
// The struct tag `parquet:"name"` names a column; `parquet:"name,optional"`
// marks a column where the empty string means unknown (NULL in SQL, null in
// JSON and Parquet). A field tagged `list:"json"` holds a JSON array.
package rows

import (
	"encoding/json"
	"fmt"

	"github.com/cuttings/cuttings/normalize"
)

// Article is one row of the articles table.
type Article struct {
	ID           string `parquet:"id" json:"id"`
	URL          string `parquet:"url" json:"url"`
	Published    string `parquet:"published,optional" json:"published"`
	Site         string `parquet:"site" json:"site"`
	Title        string `parquet:"title" json:"title"`
	Authors      string `parquet:"authors" json:"authors" list:"json"`
	Language     string `parquet:"language" json:"language"`
	Text         string `parquet:"text" json:"text"`
	Warnings     string `parquet:"warnings" json:"warnings" list:"json"`
	Canonical    string `parquet:"canonical_url,optional" json:"canonical_url"`
	Modified     string `parquet:"modified,optional" json:"modified"`
	SourceURI    string `parquet:"source_uri" json:"source_uri"`
	SourceKind   string `parquet:"source_kind" json:"source_kind"`
	FetchedAt    string `parquet:"fetched_at,optional" json:"fetched_at"`
	WARCRecordID string `parquet:"warc_record_id,optional" json:"warc_record_id"`
}

// Organisation is one row of the organisations table: one distinct
// organisation an article names.
type Organisation struct {
	ArticleID     string `parquet:"article_id" json:"article_id"`
	URL           string `parquet:"url" json:"url"`
	Published     string `parquet:"published,optional" json:"published"`
	Ord           int64  `parquet:"ord" json:"ord"`
	Name          string `parquet:"name" json:"name"`
	Code          string `parquet:"code,optional" json:"code"`
	SuccessorCode string `parquet:"successor_code,optional" json:"successor_code"`
	Kind          string `parquet:"kind" json:"kind"`
	How           string `parquet:"how,optional" json:"how"`
	MentionCount  int64  `parquet:"mention_count" json:"mention_count"`
	Mentions      string `parquet:"mentions" json:"mentions" list:"json"`
	// ODSCode is the code of an NHS body that is not a trust or board (an
	// ICB); added by migration 2.
	ODSCode string `parquet:"ods_code,optional" json:"ods_code"`
	// Candidates are the codes an unsettled mention could be, a JSON
	// array, empty when settled; added by migration 2.
	Candidates string `parquet:"candidates,optional" json:"candidates" list:"json"`
}

// Person is one row of the people table.
type Person struct {
	ArticleID    string `parquet:"article_id" json:"article_id"`
	URL          string `parquet:"url" json:"url"`
	Published    string `parquet:"published,optional" json:"published"`
	Ord          int64  `parquet:"ord" json:"ord"`
	Name         string `parquet:"name" json:"name"`
	Titles       string `parquet:"titles" json:"titles" list:"json"`
	Organisation string `parquet:"organisation,optional" json:"organisation"`
	MentionCount int64  `parquet:"mention_count" json:"mention_count"`
	Mentions     string `parquet:"mentions" json:"mentions" list:"json"`
}

// Quote is one row of the quotes table.
type Quote struct {
	ArticleID           string `parquet:"article_id" json:"article_id"`
	URL                 string `parquet:"url" json:"url"`
	Published           string `parquet:"published,optional" json:"published"`
	Ord                 int64  `parquet:"ord" json:"ord"`
	Text                string `parquet:"text" json:"text"`
	Speaker             string `parquet:"speaker,optional" json:"speaker"`
	SpeakerTitle        string `parquet:"speaker_title,optional" json:"speaker_title"`
	SpeakerOrganisation string `parquet:"speaker_organisation,optional" json:"speaker_organisation"`
	Cue                 string `parquet:"cue" json:"cue"`
	Kind                string `parquet:"kind" json:"kind"`
	SpanStart           int64  `parquet:"span_start" json:"span_start"`
	SpanEnd             int64  `parquet:"span_end" json:"span_end"`
}

// Date is one row of the dates table.
type Date struct {
	ArticleID string `parquet:"article_id" json:"article_id"`
	URL       string `parquet:"url" json:"url"`
	Published string `parquet:"published,optional" json:"published"`
	Ord       int64  `parquet:"ord" json:"ord"`
	Text      string `parquet:"text" json:"text"`
	StartDate string `parquet:"start_date,optional" json:"start_date"`
	EndDate   string `parquet:"end_date,optional" json:"end_date"`
	Grain     string `parquet:"grain" json:"grain"`
	Kind      string `parquet:"kind" json:"kind"`
	Days      string `parquet:"days,optional" json:"days" list:"json"`
	SpanStart int64  `parquet:"span_start" json:"span_start"`
	SpanEnd   int64  `parquet:"span_end" json:"span_end"`
}

// Count is one row of the counts table.
type Count struct {
	ArticleID string  `parquet:"article_id" json:"article_id"`
	URL       string  `parquet:"url" json:"url"`
	Published string  `parquet:"published,optional" json:"published"`
	Ord       int64   `parquet:"ord" json:"ord"`
	Text      string  `parquet:"text" json:"text"`
	Value     float64 `parquet:"value" json:"value"`
	Approx    string  `parquet:"approx" json:"approx"`
	Unit      string  `parquet:"unit,optional" json:"unit"`
	Kind      string  `parquet:"kind" json:"kind"`
	Currency  string  `parquet:"currency,optional" json:"currency"`
	SpanStart int64   `parquet:"span_start" json:"span_start"`
	SpanEnd   int64   `parquet:"span_end" json:"span_end"`
}

// Claim is one row of the claims table.
type Claim struct {
	ArticleID   string  `parquet:"article_id" json:"article_id"`
	URL         string  `parquet:"url" json:"url"`
	Published   string  `parquet:"published,optional" json:"published"`
	Ord         int64   `parquet:"ord" json:"ord"`
	SubjectName string  `parquet:"subject_name" json:"subject_name"`
	SubjectCode string  `parquet:"subject_code,optional" json:"subject_code"`
	Metric      string  `parquet:"metric" json:"metric"`
	What        string  `parquet:"what" json:"what"`
	Value       float64 `parquet:"value" json:"value"`
	Approx      string  `parquet:"approx" json:"approx"`
	Kind        string  `parquet:"kind,optional" json:"kind"`
	PeriodStart string  `parquet:"period_start,optional" json:"period_start"`
	PeriodEnd   string  `parquet:"period_end,optional" json:"period_end"`
	Cumulative  bool    `parquet:"cumulative" json:"cumulative"`
	Cause       string  `parquet:"cause,optional" json:"cause"`
	Speaker     string  `parquet:"speaker,optional" json:"speaker"`
	Evidence    string  `parquet:"evidence" json:"evidence"`
	SpanStart   int64   `parquet:"span_start" json:"span_start"`
	SpanEnd     int64   `parquet:"span_end" json:"span_end"`
}

// Set is every row one record becomes.
type Set struct {
	Article       Article
	Organisations []Organisation
	People        []Person
	Quotes        []Quote
	Dates         []Date
	Counts        []Count
	Claims        []Claim
}

// Build flattens rec into rows. clean, if not nil, is applied to every
// string taken from the record (a backend that cannot store NUL bytes or
// invalid UTF-8 passes a function that repairs them).
func Build(rec *normalize.Record, clean func(string) string) (Set, error) {
	if clean == nil {
		clean = func(s string) string { return s }
	}
	c := clean
	o := func(s normalize.OptString) string { return clean(string(s)) }
	list := func(v []string) (string, error) {
		if len(v) == 0 {
			return "[]", nil
		}
		cv := make([]string, len(v))
		for i, s := range v {
			cv[i] = clean(s)
		}
		return marshal(cv)
	}
	mentions := func(ms []normalize.Mention) (string, error) {
		if len(ms) == 0 {
			return "[]", nil
		}
		cm := make([]normalize.Mention, len(ms))
		for i, m := range ms {
			cm[i] = m
			cm[i].Text = clean(m.Text)
		}
		return marshal(cm)
	}

	var s Set
	var err error
	url, pub, id := c(rec.URL), o(rec.Published), c(rec.ID)
	a := Article{
		ID: id, URL: url, Published: pub, Site: c(rec.Site), Title: c(rec.Title),
		Language: c(rec.Language), Text: c(rec.Text), Canonical: c(rec.Canonical),
		Modified: c(rec.Modified), SourceURI: c(rec.Source.URI), SourceKind: c(rec.Source.Kind),
		FetchedAt: c(rec.Source.FetchedAt),
	}
	if rec.Source.WARCRecordID != nil {
		a.WARCRecordID = c(*rec.Source.WARCRecordID)
	}
	if a.Authors, err = list(rec.Authors); err != nil {
		return Set{}, err
	}
	if a.Warnings, err = list(rec.Warnings); err != nil {
		return Set{}, err
	}
	s.Article = a

	for i, g := range rec.Organisations {
		r := Organisation{ArticleID: id, URL: url, Published: pub, Ord: int64(i),
			Name: c(g.Name), Code: o(g.Code), SuccessorCode: c(g.SuccessorCode), Kind: c(g.Kind),
			How: c(g.How), MentionCount: int64(len(g.Mentions)), ODSCode: c(g.ODSCode)}
		if r.Mentions, err = mentions(g.Mentions); err != nil {
			return Set{}, err
		}
		if len(g.Candidates) > 0 {
			if r.Candidates, err = list(g.Candidates); err != nil {
				return Set{}, err
			}
		}
		s.Organisations = append(s.Organisations, r)
	}
	for i, p := range rec.People {
		r := Person{ArticleID: id, URL: url, Published: pub, Ord: int64(i),
			Name: c(p.Name), Organisation: o(p.Organisation), MentionCount: int64(len(p.Mentions))}
		if r.Titles, err = list(p.Titles); err != nil {
			return Set{}, err
		}
		if r.Mentions, err = mentions(p.Mentions); err != nil {
			return Set{}, err
		}
		s.People = append(s.People, r)
	}
	for i, q := range rec.Quotes {
		s.Quotes = append(s.Quotes, Quote{ArticleID: id, URL: url, Published: pub, Ord: int64(i),
			Text: c(q.Text), Speaker: o(q.Speaker), SpeakerTitle: o(q.SpeakerTitle),
			SpeakerOrganisation: o(q.SpeakerOrganisation), Cue: c(q.Cue), Kind: c(q.Kind),
			SpanStart: int64(q.Start), SpanEnd: int64(q.End)})
	}
	for i, d := range rec.Dates {
		r := Date{ArticleID: id, URL: url, Published: pub, Ord: int64(i),
			Text: c(d.Text), StartDate: c(d.Start), EndDate: c(d.End), Grain: c(d.Grain), Kind: c(d.Kind),
			SpanStart: int64(d.Span.Start), SpanEnd: int64(d.Span.End)}
		if len(d.Days) > 0 {
			if r.Days, err = list(d.Days); err != nil {
				return Set{}, err
			}
		}
		s.Dates = append(s.Dates, r)
	}
	for i, n := range rec.Counts {
		s.Counts = append(s.Counts, Count{ArticleID: id, URL: url, Published: pub, Ord: int64(i),
			Text: c(n.Text), Value: n.Value, Approx: c(n.Approx), Unit: c(n.Unit), Kind: c(n.Kind),
			Currency: c(n.Currency), SpanStart: int64(n.Span.Start), SpanEnd: int64(n.Span.End)})
	}
	for i, k := range rec.Claims {
		r := Claim{ArticleID: id, URL: url, Published: pub, Ord: int64(i),
			SubjectName: c(k.Subject.Name), SubjectCode: c(k.Subject.Code), Metric: c(k.Metric),
			What: c(k.What), Value: k.Value, Approx: c(k.Approx), Kind: c(k.Kind),
			Cumulative: k.Cumulative, Cause: o(k.Cause), Speaker: o(k.Speaker), Evidence: c(k.Evidence),
			SpanStart: int64(k.Span.Start), SpanEnd: int64(k.Span.End)}
		if k.Period != nil {
			r.PeriodStart, r.PeriodEnd = c(k.Period.Start), c(k.Period.End)
		}
		s.Claims = append(s.Claims, r)
	}
	return s, nil
}

// ClaimOf rebuilds the contract's Claim from a claims row.
func ClaimOf(r Claim) normalize.Claim {
	k := normalize.Claim{
		Subject: normalize.Subject{Name: r.SubjectName, Code: r.SubjectCode},
		Metric:  r.Metric, What: r.What, Value: r.Value, Approx: r.Approx, Kind: r.Kind,
		Cumulative: r.Cumulative, Cause: normalize.OptString(r.Cause),
		Speaker: normalize.OptString(r.Speaker), Evidence: r.Evidence,
		Span: normalize.Span{Start: int(r.SpanStart), End: int(r.SpanEnd)},
	}
	if r.PeriodStart != "" || r.PeriodEnd != "" {
		k.Period = &normalize.Period{Start: r.PeriodStart, End: r.PeriodEnd}
	}
	return k
}

func marshal(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("rows: %w", err)
	}
	return string(b), nil
}
