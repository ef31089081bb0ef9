package warc_test

import (
	"bytes"
	"compress/gzip"
	"fmt"

	"github.com/cuttings/cuttings/fetch/warc"
)

func ExampleReadDocuments() {
	body := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Hello</p></body></html>"
	record := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"+
		"WARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: https://news.example/a\r\n"+
		"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(body), body)
	var file bytes.Buffer
	zw := gzip.NewWriter(&file)
	zw.Write([]byte(record))
	zw.Close()

	for doc, err := range warc.ReadDocuments(&file, "warc:/tmp/a.warc.gz", warc.Options{}) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(doc.URI, doc.URL, doc.FetchedAt.Format("2006-01-02"), string(doc.Body[:12]))
	}
	// Output: warc:/tmp/a.warc.gz#<urn:uuid:1> https://news.example/a 2024-01-02 <html><body>
}
