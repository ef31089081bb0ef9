package body_test

import (
	"fmt"
	"strings"

	"github.com/cuttings/cuttings/extract/body"
)

func ExampleExtract() {
	page := []byte(`<html lang="en-GB"><head>
<title>Clinic reopens after flood repairs - Wold Echo</title>
<meta property="og:site_name" content="Wold Echo">
<meta property="article:published_time" content="2024-02-12T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Clinic reopens after flood repairs</h1>
<p class="byline">By Anna Kerr and Joe Lamb</p>
<p>The Riverside health clinic reopened on Monday, six weeks after floodwater damaged its waiting room and two consulting rooms.</p>
<blockquote><p>We are delighted to be seeing patients in the building again.</p></blockquote>
<p>Appointments booked at the temporary site in the library will be honoured there until the end of the month, the practice said.</p>
</article>
<footer>© Wold Echo</footer>
</body></html>`)
	r, err := body.Extract(page, body.Options{URL: "https://www.woldecho.example/news/clinic-reopens"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Title)
	fmt.Println(r.Site, r.Language, r.Published)
	fmt.Println(r.Authors)
	for _, b := range r.Blocks {
		words := strings.Fields(r.Text[b.Start:b.End])
		fmt.Printf("%s: %s ...\n", b.Kind, strings.Join(words[:4], " "))
	}
	// Output:
	// Clinic reopens after flood repairs
	// Wold Echo en 2024-02-12T10:00:00Z
	// [Anna Kerr Joe Lamb]
	// paragraph: The Riverside health clinic ...
	// quote: We are delighted to ...
	// paragraph: Appointments booked at the ...
}

func ExampleFromText() {
	r := body.FromText("First paragraph,\r\nwrapped.\r\n\r\nSecond paragraph.\r\n")
	fmt.Printf("%q\n", r.Text)
	fmt.Println(len(r.Blocks), r.Blocks[1].Kind)
	// Output:
	// "First paragraph, wrapped.\n\nSecond paragraph."
	// 2 paragraph
}
