package number_test

import (
	"fmt"

	"github.com/cuttings/cuttings/extract/number"
)

func ExampleFind() {
	text := "The trust cancelled 736 appointments or operations, and the England total surpassed one million. " +
		"Dr Jane Smith, 36, said a 10.3 per cent rise would cost £22bn."
	for _, c := range number.Find(text) {
		fmt.Printf("%q %v %s %s unit=%q currency=%q\n", c.Text, c.Value, c.Approx, c.Kind, c.Unit, c.Currency)
	}
	// Output:
	// "736" 736 exact count unit="appointments or operations" currency=""
	// "surpassed one million" 1e+06 over count unit="" currency=""
	// "10.3 per cent" 10.3 exact percent unit="rise" currency=""
	// "£22bn" 2.2e+10 exact money unit="" currency="GBP"
}
