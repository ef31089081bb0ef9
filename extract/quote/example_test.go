package quote_test

import (
	"fmt"

	"github.com/cuttings/cuttings/extract/quote"
)

func ExampleExtractor_Extract() {
	e, err := quote.New(quote.Config{})
	if err != nil {
		panic(err)
	}
	text := "Health Secretary Mark Dellow said: \"The pay award is final and will not be reopened.\"\n\n" +
		"Mr Dellow said doctors had \"received a fair and generous settlement\".\n\n" +
		"“We can't go on like this,” said Sir Julian Marsh, chief executive of NHS Providers."
	res := e.Extract(text, quote.Options{})
	for _, q := range res.Quotes {
		fmt.Printf("%s (%s, %s): %s\n", q.Speaker, q.Kind, q.Cue, q.Text)
	}
	for _, p := range res.People {
		fmt.Printf("%s %v %q, %d mentions\n", p.Name, p.Titles, p.Organisation, len(p.Mentions))
	}
	// Output:
	// Mark Dellow (direct, said): The pay award is final and will not be reopened.
	// Mark Dellow (partial, said): received a fair and generous settlement
	// Julian Marsh (direct, said): We can't go on like this
	// Mark Dellow [Health Secretary Mr] "", 2 mentions
	// Julian Marsh [Sir chief executive] "NHS Providers", 1 mentions
}
