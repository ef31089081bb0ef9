package compare_test

import (
	"os"

	"github.com/cuttings/cuttings/compare"
	"github.com/cuttings/cuttings/normalize"
)

func ExampleGroups() {
	trust := normalize.Subject{Name: "Northshire NHS Foundation Trust", Code: "RXX"}
	week := &normalize.Period{Start: "2023-09-19", End: "2023-09-23"}
	claim := func(v float64, evidence string) normalize.Claim {
		return normalize.Claim{Subject: trust, Metric: "cancelled", Value: v, Approx: "exact", Kind: "count", Period: week, Evidence: evidence}
	}
	groups := compare.Groups([]compare.Source{
		{ArticleID: "a", Site: "Northshire Echo", Published: "2023-09-26", URL: "https://echo.example/1",
			Claim: claim(604, "The trust cancelled 604 appointments.")},
		{ArticleID: "b", Site: "County Times", Published: "2023-09-27", URL: "https://times.example/2",
			Claim: claim(640, "In all 640 appointments were called off by the trust.")},
	})
	_ = compare.WriteText(os.Stdout, groups)
	// Output:
	// 1. Northshire NHS Foundation Trust (RXX) · cancelled · 2023-09-19..2023-09-23 — 2 source(s), 2 independent — CONFLICT: 604 (Northshire Echo, 2023-09-26) allows [603.5, 604.5] but 640 (County Times, 2023-09-27) allows [635, 645]
	//    1) 604 — Northshire Echo, 2023-09-26, https://echo.example/1; “The trust cancelled 604 appointments.”
	//    2) 640 — County Times, 2023-09-27, https://times.example/2; “In all 640 appointments were called off by the trust.”
}
