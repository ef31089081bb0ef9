package org_test

import (
	"fmt"
	"time"

	"github.com/cuttings/cuttings/extract/org"
)

func ExampleLinker_Find() {
	l, err := org.NewLinker(org.Config{})
	if err != nil {
		panic(err)
	}
	text := "Junior doctors picketed the Royal Sussex County Hospital in Brighton, " +
		"and the BMA said Bolton NHS Foundation Trust had cancelled 736 operations."
	published := time.Date(2016, 1, 12, 0, 0, 0, 0, time.UTC)
	ms, warnings := l.Find(text, published)
	for _, m := range ms {
		fmt.Printf("%q -> %s %q %s how=%s successor=%s\n", m.Text, m.Kind, m.Name, m.Code, m.How, m.SuccessorCode)
	}
	fmt.Println(len(warnings), "warnings")
	// Output:
	// "the Royal Sussex County Hospital" -> nhs-trust "Brighton and Sussex University Hospitals NHS Trust" RXH how=site successor=RYR
	// "the BMA" -> union "British Medical Association"  how=acronym successor=
	// "Bolton NHS Foundation Trust" -> nhs-trust "Bolton NHS Foundation Trust" RMC how=named successor=
	// 0 warnings
}
