package discover_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/cuttings/cuttings/fetch/discover"
	"github.com/cuttings/cuttings/fetch/web"
)

func ExampleSitemap() {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/news/new</loc><news:news><news:publication_date>2024-05-02</news:publication_date><news:title>New</news:title></news:news></url>
<url><loc>%[1]s/news/old</loc><news:news><news:publication_date>2024-04-01</news:publication_date></news:news></url>
</urlset>`, srv.URL)
	})
	// AllowPrivate because the test server is on loopback.
	c := web.New(web.Config{AllowPrivate: true})
	items, err := discover.Sitemap(context.Background(), c, srv.URL+"/sitemap.xml", time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range items {
		fmt.Println(it.Title, it.Published.Format("2006-01-02"))
	}
	// Output: New 2024-05-02
}
