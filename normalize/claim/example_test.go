package claim_test

import (
	"fmt"

	"github.com/cuttings/cuttings/normalize"
	"github.com/cuttings/cuttings/normalize/claim"
)

func ExampleBuild() {
	text := "NHS England figures show Northshire NHS Foundation Trust has cancelled 812 appointments or operations " +
		"initially scheduled between October 2 and 4 as a direct result of strike action.\n\n" +
		"It means the total number of treatments cancelled grew to 2,140 over the last year."
	rec := &normalize.Record{
		Text:      text,
		Published: "2023-10-10",
		Organisations: []normalize.Organisation{{Name: "Northshire NHS Foundation Trust", Code: "RXX", Kind: "nhs-trust",
			Mentions: []normalize.Mention{{Text: "Northshire NHS Foundation Trust", Start: 25, End: 56}}}},
		Dates: []normalize.Date{{Text: "between October 2 and 4", Start: "2023-10-02", End: "2023-10-04", Kind: "range",
			Span: normalize.Span{Start: 122, End: 145}}},
		Counts: []normalize.Count{
			{Text: "812", Value: 812, Approx: "exact", Kind: "count", Unit: "appointments or operations", Span: normalize.Span{Start: 71, End: 74}},
			{Text: "2,140", Value: 2140, Approx: "exact", Kind: "count", Unit: "treatments", Span: normalize.Span{Start: 242, End: 247}},
		},
	}
	for _, c := range claim.Build(rec) {
		per := "no period"
		if c.Period != nil {
			per = c.Period.Start + ".." + c.Period.End
		}
		fmt.Printf("%s %s %s %v (%s) cumulative=%v cause=%q\n", c.Subject.Code, c.Metric, c.What, c.Value, per, c.Cumulative, c.Cause)
	}
	// Output:
	// RXX cancelled appointments or operations 812 (2023-10-02..2023-10-04) cumulative=false cause="strike action"
	// RXX cancelled treatments 2140 (no period) cumulative=true cause=""
}
