package timex_test

import (
	"fmt"
	"time"

	"github.com/cuttings/cuttings/extract/timex"
)

func ExampleFind() {
	published := time.Date(2023, 9, 26, 0, 0, 0, 0, time.UTC)
	text := "The trust cancelled 736 operations between September 19 and 23. " +
		"Strikes are set to take place on October 2, 3 and 4, and talks resumed last week."
	for _, m := range timex.Find(text, published) {
		fmt.Printf("%-28q %s..%s %s %s\n", m.Text, m.StartDate, m.EndDate, m.Grain, m.Kind)
	}
	// Output:
	// "between September 19 and 23" 2023-09-19..2023-09-23 day range
	// "October 2, 3 and 4"         2023-10-02..2023-10-04 day list
	// "last week"                  2023-09-18..2023-09-24 week relative
}

func ExampleFind_withoutPublicationDate() {
	// Without a publication date only references that carry their year
	// are resolved.
	for _, m := range timex.Find("Talks began in 2012 and resumed on Monday, 6/10/2018.", time.Time{}) {
		fmt.Println(m.Text, m.StartDate, m.EndDate)
	}
	// Output:
	// 2012 2012-01-01 2012-12-31
	// 6/10/2018 2018-10-06 2018-10-06
}

func ExampleResolve() {
	for _, e := range timex.Parse("The offer was made in November.") {
		m, _ := timex.Resolve(e, time.Date(2016, 1, 12, 0, 0, 0, 0, time.UTC))
		fmt.Println(m.Text, m.StartDate, m.EndDate, m.Grain)
	}
	// Output:
	// November 2015-11-01 2015-11-30 month
}
