package web_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/cuttings/cuttings/fetch/web"
)

func ExampleClient_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/old":
			http.Redirect(w, r, "/news/1", http.StatusMovedPermanently)
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, "<html><body><p>Clinics closed.</p></body></html>")
		}
	}))
	defer srv.Close()

	// AllowPrivate only because the test server is on loopback.
	c := web.New(web.Config{AllowPrivate: true, Rate: 100})
	doc, err := c.Get(context.Background(), srv.URL+"/old")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.URL == srv.URL+"/news/1", doc.Format, len(doc.Body))

	_, err = c.Get(context.Background(), srv.URL+"/private/x")
	fmt.Println(errors.Is(err, web.ErrDisallowed))
	// Output:
	// true html 48
	// true
}
