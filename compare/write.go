package compare

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cuttings/cuttings/normalize"
)

// WriteText writes the groups for reading: a heading per group (subject,
// metric, period, verdict), then one line per source with its figure,
// site, date, URL and evidence sentence; repeats say whose copy they are.
func WriteText(w io.Writer, gs []Group) error {
	for gi, g := range gs {
		verdict := "agree"
		if g.Conflict {
			verdict = "CONFLICT: " + g.Reason
		} else if g.Independent < 2 && hasRepeat(g) {
			verdict = "one source repeated by syndicated copies: no corroboration"
		} else if g.Independent < 2 {
			verdict = "one article: no corroboration"
		}
		if _, err := fmt.Fprintf(w, "%d. %s · %s · %s%s — %d source(s), %d independent — %s\n",
			gi+1, subjectName(g.Subject), g.Metric, periodText(g.Period), cumulativeText(g.Cumulative),
			len(g.Sources), g.Independent, verdict); err != nil {
			return fmt.Errorf("compare: write text: %w", err)
		}
		for i, s := range g.Sources {
			rep := ""
			if i < len(g.RepeatOf) && g.RepeatOf[i] >= 0 {
				rep = fmt.Sprintf(" [repeats source %d: same sentence, not corroboration]", g.RepeatOf[i]+1)
			}
			speaker := ""
			if s.Claim.Speaker != "" {
				speaker = " said by " + string(s.Claim.Speaker) + ";"
			}
			if _, err := fmt.Fprintf(w, "   %d) %s — %s, %s, %s;%s “%s”%s\n", i+1, describe(s.Claim),
				orDash(s.Site), orDash(s.Published), orDash(s.URL), speaker, s.Claim.Evidence, rep); err != nil {
				return fmt.Errorf("compare: write text: %w", err)
			}
		}
	}
	return nil
}

func subjectName(s normalize.Subject) string {
	if s.Code != "" {
		return s.Name + " (" + s.Code + ")"
	}
	return s.Name
}

func periodText(p *normalize.Period) string {
	if p == nil {
		return "no period"
	}
	if p.End == "" || p.End == p.Start {
		return p.Start
	}
	return p.Start + ".." + p.End
}

func cumulativeText(c bool) string {
	if c {
		return " (running total)"
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// jsonGroup is a group as written by WriteJSON.
type jsonGroup struct {
	Group
	Sources []jsonSource `json:"sources"`
}

// jsonSource is one source as written by WriteJSON.
type jsonSource struct {
	ArticleID string          `json:"article_id"`
	URL       string          `json:"url"`
	Site      string          `json:"site"`
	Published string          `json:"published"`
	Title     string          `json:"title"`
	Claim     normalize.Claim `json:"claim"`
	Low       float64         `json:"low"`
	High      *float64        `json:"high"` // null when unbounded ("over")
	RepeatOf  *int            `json:"repeat_of"`
}

// WriteJSON writes the groups as one JSON array; each source carries the
// interval its wording allows and, for a syndicated copy, the index of
// the source it repeats.
func WriteJSON(w io.Writer, gs []Group) error {
	out := make([]jsonGroup, 0, len(gs))
	for _, g := range gs {
		jg := jsonGroup{Group: g, Sources: make([]jsonSource, 0, len(g.Sources))}
		for i, s := range g.Sources {
			b := Bounds(s.Claim)
			js := jsonSource{ArticleID: s.ArticleID, URL: s.URL, Site: s.Site, Published: s.Published,
				Title: s.Title, Claim: s.Claim, Low: b.Low}
			if hi := b.High; hi < 1e308 {
				js.High = &hi
			}
			if i < len(g.RepeatOf) && g.RepeatOf[i] >= 0 {
				r := g.RepeatOf[i]
				js.RepeatOf = &r
			}
			jg.Sources = append(jg.Sources, js)
		}
		out = append(out, jg)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("compare: write json: %w", err)
	}
	return nil
}

// csvHeader names the columns of WriteCSV.
var csvHeader = []string{"group", "subject", "code", "metric", "kind", "cumulative", "period_start", "period_end",
	"conflict", "reason", "independent", "source", "repeat_of", "article_id", "url", "site", "published", "title",
	"value", "approx", "low", "high", "speaker", "evidence"}

// WriteCSV writes one row per source, with its group's columns repeated.
func WriteCSV(w io.Writer, gs []Group) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("compare: write csv: %w", err)
	}
	for gi, g := range gs {
		ps, pe := "", ""
		if g.Period != nil {
			ps, pe = g.Period.Start, g.Period.End
		}
		for i, s := range g.Sources {
			rep := ""
			if i < len(g.RepeatOf) && g.RepeatOf[i] >= 0 {
				rep = strconv.Itoa(g.RepeatOf[i] + 1)
			}
			b := Bounds(s.Claim)
			hi := ""
			if b.High < 1e308 {
				hi = num(b.High)
			}
			row := []string{strconv.Itoa(gi + 1), g.Subject.Name, g.Subject.Code, g.Metric, g.Kind,
				strconv.FormatBool(g.Cumulative), ps, pe, strconv.FormatBool(g.Conflict), g.Reason,
				strconv.Itoa(g.Independent), strconv.Itoa(i + 1), rep, s.ArticleID, s.URL, s.Site, s.Published,
				s.Title, num(s.Claim.Value), s.Claim.Approx, num(b.Low), hi, string(s.Claim.Speaker),
				strings.TrimSpace(s.Claim.Evidence)}
			if err := cw.Write(row); err != nil {
				return fmt.Errorf("compare: write csv: %w", err)
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("compare: write csv: %w", err)
	}
	return nil
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// hasRepeat reports whether a group holds a syndicated copy.
func hasRepeat(g Group) bool {
	for _, r := range g.RepeatOf {
		if r >= 0 {
			return true
		}
	}
	return false
}
